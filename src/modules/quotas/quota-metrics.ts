import { QUEUED_FOR_DELETION_TIER_ID } from "../../core/quotas/tiers";
import type { QuotaMetricKey, QuotaPeriod } from "./quotas.events";

// The metrics and periods are the module's public vocabulary (quotas.events.ts); this file keeps them reachable under
// their old place for the scripts.
export { isQuotaMetricKey, QUOTA_METRIC_KEYS, QUOTA_PERIODS, type QuotaMetricKey, type QuotaPeriod } from "./quotas.events";

/** The display names of the metrics, as the official Admin API lists them (storage is counted in cipher bytes here). */
export const QUOTA_METRIC_DISPLAY_NAMES: Record<QuotaMetricKey, string> = {
    NumberOfSentMessages: "Number of Sent Messages",
    NumberOfRelationships: "Number of Relationships",
    NumberOfRelationshipTemplates: "Number of Relationship Templates",
    NumberOfFiles: "Number of Files",
    NumberOfTokens: "Number of Tokens",
    UsedFileStorageSpace: "File Storage Capacity (in Bytes)",
    NumberOfStartedDeletionProcesses: "Number of Started Deletion Processes",
    NumberOfCreatedChallenges: "Number of Created Challenges",
    NumberOfCreatedDatawalletModifications: "Number of Created Datawallet Modifications",
    NumberOfCreatedDevices: "Number of Created Devices"
};

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

/** Far in the future: a `Total` quota stays exhausted. */
export const END_OF_TIME = new Date(Date.UTC(9999, 11, 31, 23, 59, 59, 999));

/** End (exclusive) of the calendar-aligned UTC period containing `now`; END_OF_TIME for Total. */
export function periodEnd(period: QuotaPeriod, now: Date): Date {
    const start = periodStart(period, now);
    if (!start) return END_OF_TIME;
    const y = start.getUTCFullYear();
    const m = start.getUTCMonth();
    const d = start.getUTCDate();
    switch (period) {
        case "Hour":
            return new Date(start.getTime() + 60 * 60 * 1000);
        case "Day":
            return new Date(Date.UTC(y, m, d + 1));
        case "Week":
            return new Date(Date.UTC(y, m, d + 7));
        case "Month":
            return new Date(Date.UTC(y, m + 1, 1));
        default:
            return new Date(Date.UTC(y + 1, 0, 1));
    }
}

/** The tier of identities in deletion (wire contract 4.2): every quota 0 except datawallet modifications and deletion processes. */
export const QUEUED_FOR_DELETION_TIER = { id: QUEUED_FOR_DELETION_TIER_ID, name: "Queued for Deletion" } as const;
export const QUEUED_FOR_DELETION_UNLIMITED_METRICS: readonly QuotaMetricKey[] = [
    "NumberOfCreatedDatawalletModifications",
    "NumberOfStartedDeletionProcesses"
];
