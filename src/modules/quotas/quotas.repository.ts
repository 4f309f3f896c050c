import { Injectable } from "@nestjs/common";
import { InjectDataSource } from "@nestjs/typeorm";
import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from "typeorm";

import { isUniqueViolation } from "../../core/database/errors";
import { rawQuery } from "../../core/database/raw-query";
import { newId } from "../../core/ids/ids";
import { IndividualQuota, type QuotaDefinition } from "./individual-quota.entity";
import { QUEUED_FOR_DELETION_TIER, QUEUED_FOR_DELETION_UNLIMITED_METRICS } from "./quota-metrics";
import { QUOTA_METRIC_KEYS, type QuotaMetricKey, type QuotaPeriod } from "./quotas.events";
import { Tier, TierQuotaDefinition } from "./tier.entity";

/** The columns every quota has, as PostgreSQL answers them. */
interface QuotaRow {
    id: string;
    metric_key: QuotaMetricKey;
    max: number;
    period: QuotaPeriod;
}

function quotaOf(row: QuotaRow): Pick<QuotaDefinition, "id" | "metricKey" | "max" | "period"> {
    return { id: row.id, metricKey: row.metric_key, max: row.max, period: row.period };
}

/**
 * Every query of the quotas module, named by intent: the only place of the module that touches the database. Methods
 * that run inside a use case's transaction take its EntityManager first; standalone reads and writes use the
 * DataSource.
 */
@Injectable()
export class QuotasRepository {
    constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

    /**
     * The built-in tier of identities in deletion, created idempotently (safe when several instances start at once):
     * max 0 for the whole lifetime on every metric but datawallet modifications and deletion processes.
     */
    async ensureQueuedForDeletionTier(): Promise<void> {
        await this.dataSource.transaction(async (manager) => {
            await manager
                .createQueryBuilder()
                .insert()
                .into(Tier)
                .values({ id: QUEUED_FOR_DELETION_TIER.id, name: QUEUED_FOR_DELETION_TIER.name, createdAt: new Date(0) })
                .orIgnore()
                .execute();
            const limited = QUOTA_METRIC_KEYS.filter((key) => !QUEUED_FOR_DELETION_UNLIMITED_METRICS.includes(key));
            await manager
                .createQueryBuilder()
                .insert()
                .into(TierQuotaDefinition)
                .values(
                    limited.map((metricKey) => ({
                        id: newId("TQD"),
                        tierId: QUEUED_FOR_DELETION_TIER.id,
                        metricKey,
                        max: 0,
                        period: "Total" as const
                    }))
                )
                .orIgnore()
                .execute();
        });
    }

    /**
     * An identity's tier and every quota that may apply to it (its individual quotas, oldest first, then its tier's
     * definitions by metric and period), in one statement, as every quota check needs them; undefined when the
     * identity does not exist.
     */
    async quotasOfIdentity(
        address: string
    ): Promise<{ tierId: string | null; individual: IndividualQuota[]; definitions: TierQuotaDefinition[] } | undefined> {
        const { rows } = await rawQuery<
            { tier_id: string | null; source: "Individual" | "Tier" | null; created_at: Date | null } & QuotaRow
        >(
            this.dataSource,
            `SELECT i.tier_id, q.source, q.id, q.metric_key, q.max, q.period, q.created_at
             FROM identities i
             LEFT JOIN LATERAL (
                 SELECT 'Individual' AS source, 0 AS rank, id, metric_key, max, period, created_at FROM individual_quotas
                 WHERE identity_address = i.address
                 UNION ALL
                 SELECT 'Tier', 1, id, metric_key, max, period, NULL FROM tier_quota_definitions WHERE tier_id = i.tier_id
             ) q ON true
             WHERE i.address = $1
             ORDER BY q.rank, q.created_at, CASE WHEN q.rank = 0 THEN q.id END, q.metric_key, q.period`,
            [address]
        );
        if (rows.length === 0) return undefined;
        const tierId = rows[0].tier_id;
        return {
            tierId,
            individual: rows
                .filter((row) => row.source === "Individual")
                .map((row) => Object.assign(new IndividualQuota(), quotaOf(row), { identityAddress: address, createdAt: row.created_at })),
            definitions: rows
                .filter((row) => row.source === "Tier")
                .map((row) => Object.assign(new TierQuotaDefinition(), quotaOf(row), { tierId }))
        };
    }

    /** A tier's quota definitions by metric and period. */
    async definitionsOf(tierId: string): Promise<TierQuotaDefinition[]> {
        const { rows } = await rawQuery<QuotaRow & { tier_id: string }>(
            this.dataSource,
            "SELECT id, metric_key, max, period, tier_id FROM tier_quota_definitions WHERE tier_id = $1 ORDER BY metric_key, period",
            [tierId]
        );
        return rows.map((row) => Object.assign(new TierQuotaDefinition(), quotaOf(row), { tierId: row.tier_id }));
    }

    /**
     * Stores a new individual quota in the caller's transaction; false when the identity has one of the same metric and
     * period already (the transaction is then aborted).
     */
    async insertIndividualQuota(manager: EntityManager, quota: IndividualQuota): Promise<boolean> {
        return await this.insertUnique(IndividualQuota, quota, manager);
    }

    /** Stores a new quota definition; false when the tier has one of the same metric and period already. */
    async insertTierQuotaDefinition(definition: TierQuotaDefinition): Promise<boolean> {
        return await this.insertUnique(TierQuotaDefinition, definition);
    }

    /** Deletes an individual quota in the caller's transaction; false when the identity has no such quota. */
    async deleteIndividualQuota(manager: EntityManager, address: string, id: string): Promise<boolean> {
        const result = await manager.delete(IndividualQuota, { id, identityAddress: address });
        return (result.affected ?? 0) > 0;
    }

    /** False when the tier has no such quota definition. */
    async deleteTierQuotaDefinition(tierId: string, id: string): Promise<boolean> {
        const result = await this.dataSource.getRepository(TierQuotaDefinition).delete({ id, tierId });
        return (result.affected ?? 0) > 0;
    }

    /** Every tier, oldest first. */
    async tiers(): Promise<Tier[]> {
        return await this.dataSource.getRepository(Tier).find({ order: { createdAt: "ASC", id: "ASC" } });
    }

    async findTier(id: string): Promise<Tier | undefined> {
        return (await this.dataSource.getRepository(Tier).findOneBy({ id })) ?? undefined;
    }

    async findTierByName(name: string): Promise<Tier | undefined> {
        return (await this.dataSource.getRepository(Tier).findOneBy({ name })) ?? undefined;
    }

    async tierExists(id: string): Promise<boolean> {
        return await this.dataSource.getRepository(Tier).existsBy({ id });
    }

    /** Stores a new tier; false when a tier of that name exists already. */
    async insertTier(tier: Tier): Promise<boolean> {
        return await this.insertUnique(Tier, tier);
    }

    /**
     * Whether the tier exists, locking its row for the rest of the transaction: `share` keeps it from being deleted
     * (while a client or an identity is given it), `update` waits for those and keeps them from starting.
     */
    async lockTier(manager: EntityManager, id: string, mode: "share" | "update"): Promise<boolean> {
        const lock = mode === "share" ? "pessimistic_read" : "pessimistic_write";
        return (await manager.findOne(Tier, { where: { id }, select: { id: true }, lock: { mode: lock } })) !== null;
    }

    /** Deletes a tier with its quota definitions, in the caller's transaction. */
    async deleteTier(manager: EntityManager, id: string): Promise<void> {
        await manager.delete(TierQuotaDefinition, { tierId: id });
        await manager.delete(Tier, { id });
    }

    /** A deleted identity's individual quotas go in the deletion's transaction. */
    async removeIdentity(manager: EntityManager, address: string): Promise<void> {
        await manager.delete(IndividualQuota, { identityAddress: address });
    }

    /** Inserts a row; false when it violates a unique constraint. */
    private async insertUnique<T extends ObjectLiteral>(
        target: EntityTarget<T>,
        row: T,
        manager: EntityManager = this.dataSource.manager
    ): Promise<boolean> {
        try {
            await manager.insert(target, row);
            return true;
        } catch (error) {
            if (isUniqueViolation(error)) return false;
            throw error;
        }
    }
}
