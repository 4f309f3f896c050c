import { SetMetadata } from "@nestjs/common";

/**
 * Counts an identity's usage of one quota metric (e.g. `NumberOfSentMessages`) since the start of a quota period
 * (`since` undefined: ever). The module owning the data provides it; the quotas module finds every provider marked
 * with @RegisterQuotaUsageCounter() and reports usage 0 for metrics nobody counts yet.
 */
export interface QuotaUsageCounter {
    readonly metricKey: string;
    countUsage(address: string, since: Date | undefined): Promise<number>;
}

export const QUOTA_USAGE_COUNTER = "backbone:quota-usage-counter";

export const RegisterQuotaUsageCounter = (): ClassDecorator => SetMetadata(QUOTA_USAGE_COUNTER, true);
