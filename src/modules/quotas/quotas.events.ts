// The public vocabulary of the quotas module: its metrics and periods.

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

export function isQuotaMetricKey(value: unknown): value is QuotaMetricKey {
    return typeof value === "string" && (QUOTA_METRIC_KEYS as readonly string[]).includes(value);
}

export const QUOTA_PERIODS = ["Hour", "Day", "Week", "Month", "Year", "Total"] as const;
export type QuotaPeriod = (typeof QUOTA_PERIODS)[number];
