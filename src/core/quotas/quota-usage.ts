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
 * A registered usage counter of one metric that asks the module's repository, as a provider class for the module:
 * `export const CreatedTokensUsage = repositoryUsageCounter("NumberOfTokens", TokensRepository, (tokens, address, since) => tokens.countCreatedBy(address, since))`.
 */
export function repositoryUsageCounter<R>(
    metricKey: string,
    repository: Type<R>,
    count: (repository: R, address: string, since: Date | undefined) => Promise<number>
): Type<QuotaUsageCounter> {
    class RepositoryUsageCounter implements QuotaUsageCounter {
        readonly metricKey = metricKey;
        constructor(private readonly source: R) {}
        countUsage(address: string, since: Date | undefined): Promise<number> {
            return count(this.source, address, since);
        }
    }
    Inject(repository)(RepositoryUsageCounter, undefined, 0);
    Injectable()(RepositoryUsageCounter);
    RegisterQuotaUsageCounter()(RepositoryUsageCounter);
    Object.defineProperty(RepositoryUsageCounter, "name", { value: `${metricKey}Usage` });
    return RepositoryUsageCounter;
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
