/** The quota metrics and periods of the wire contract (4.15). */
export const QUOTA_METRIC_KEYS = [
    "NumberOfSentMessages",
    "NumberOfRelationships",
    "NumberOfRelationshipTemplates",
    "NumberOfFiles",
    "NumberOfTokens",
    "UsedFileStorageSpace",
    "NumberOfStartedDeletionProcesses",
    "NumberOfCreatedDatawalletModifications",
    "NumberOfCreatedDevices",
    "NumberOfCreatedChallenges"
] as const;
export type QuotaMetricKey = (typeof QUOTA_METRIC_KEYS)[number];

export const QUOTA_PERIODS = ["Hour", "Day", "Week", "Month", "Year", "Total"] as const;
export type QuotaPeriod = (typeof QUOTA_PERIODS)[number];

/** Start of the calendar-aligned UTC period containing `now` (weeks start on Monday); undefined for Total. */
export function periodStart(period: QuotaPeriod, now: Date): Date | undefined {
    const y = now.getUTCFullYear();
    const m = now.getUTCMonth();
    const d = now.getUTCDate();
    switch (period) {
        case "Hour":
            return new Date(Date.UTC(y, m, d, now.getUTCHours()));
        case "Day":
            return new Date(Date.UTC(y, m, d));
        case "Week":
            return new Date(Date.UTC(y, m, d - ((now.getUTCDay() + 6) % 7)));
        case "Month":
            return new Date(Date.UTC(y, m, 1));
        case "Year":
            return new Date(Date.UTC(y, 0, 1));
        case "Total":
            return undefined;
    }
}
