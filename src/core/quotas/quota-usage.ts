import { Inject, Injectable, SetMetadata, type Type } from "@nestjs/common";
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
 * The base of a module's quota usage counter: a registered provider for `metricKey` that asks the module's repository
 * (injected as `source`) for the usage. A module declares one per metric it owns:
 *
 * ```ts
 * // Usage of the NumberOfTokens quota: tokens the identity created (and that still exist).
 * export class CreatedTokensUsage extends QuotaUsageCounterOf("NumberOfTokens", TokensRepository, (tokens, address, since) =>
 *     tokens.countCreatedBy(address, since)
 * ) {}
 * ```
 */
export function QuotaUsageCounterOf<S>(
    metricKey: string,
    source: Type<S>,
    count: (source: S, address: string, since: Date | undefined) => Promise<number>
): Type<QuotaUsageCounter> {
    @Injectable()
    @RegisterQuotaUsageCounter()
    class RepositoryQuotaUsageCounter implements QuotaUsageCounter {
        readonly metricKey = metricKey;

        constructor(@Inject(source) private readonly source: S) {}

        async countUsage(address: string, since: Date | undefined): Promise<number> {
            return await count(this.source, address, since);
        }
    }
    return RepositoryQuotaUsageCounter;
}

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
