import { SetMetadata } from "@nestjs/common";
import type { DataSource, EntityTarget, ObjectLiteral, SelectQueryBuilder } from "typeorm";

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

/**
 * The rows of an entity with `createdBy` = address (and `createdAt` ≥ since, when given): the usage query behind
 * most count quotas. Callers count it or aggregate over it.
 */
export function createdByQuery<T extends ObjectLiteral>(
    dataSource: DataSource,
    entity: EntityTarget<T>,
    address: string,
    since: Date | undefined
): SelectQueryBuilder<T> {
    const query = dataSource.getRepository(entity).createQueryBuilder("row").where("row.createdBy = :address", { address });
    if (since) query.andWhere("row.createdAt >= :since", { since });
    return query;
}
