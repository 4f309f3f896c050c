import { Inject, Injectable, type OnApplicationBootstrap } from "@nestjs/common";
import { DiscoveryService } from "@nestjs/core";
import { DataSource } from "typeorm";

import { Clock } from "../../core/clock/clock";
import { isUniqueViolation } from "../../core/database/errors";
import { ApiError, ErrorCode, notFound, notFoundInDomain } from "../../core/errors/errors";
import { newId } from "../../core/ids/ids";
import { type QuotaChecker, QuotaEnforcement, type QuotaExhaustion } from "../../core/quotas/quota-enforcement";
import { QUOTA_USAGE_COUNTER, type QuotaUsageCounter } from "../../core/quotas/quota-usage";
import { IdentitiesService } from "../devices/identities.service";
import {
    periodEnd,
    periodStart,
    QUEUED_FOR_DELETION_TIER,
    QUEUED_FOR_DELETION_UNLIMITED_METRICS,
    QUOTA_METRIC_KEYS,
    type QuotaMetricKey,
    type QuotaPeriod
} from "./quota-metrics";
import type { MetricQuotasDto, TierDto, TierQuotaDto } from "./quotas.dto";
import { Tier, TierQuotaDefinition } from "./tier.entity";

/**
 * Tiers and their quota definitions (admin side), an identity's quotas with usage (Consumer side), and the quota
 * check behind @EnforceQuota(): usage is counted on demand by the counters the owning modules register.
 */
@Injectable()
export class QuotasService implements OnApplicationBootstrap, QuotaChecker {
    private counters = new Map<string, QuotaUsageCounter>();

    constructor(
        private readonly dataSource: DataSource,
        private readonly discovery: DiscoveryService,
        private readonly identities: IdentitiesService,
        private readonly enforcement: QuotaEnforcement,
        @Inject(Clock) private readonly clock: Clock
    ) {}

    async onApplicationBootstrap(): Promise<void> {
        for (const wrapper of this.discovery.getProviders()) {
            if (wrapper.metatype && wrapper.instance && Reflect.getMetadata(QUOTA_USAGE_COUNTER, wrapper.metatype) === true) {
                const counter = wrapper.instance as QuotaUsageCounter;
                this.counters.set(counter.metricKey, counter);
            }
        }
        await this.ensureQueuedForDeletionTier();
        this.enforcement.use(this);
    }

    /**
     * The built-in tier of identities in deletion, created idempotently at start-up (safe when several instances
     * start at once): max 0 for the whole lifetime on every metric but datawallet modifications and deletion processes.
     */
    private async ensureQueuedForDeletionTier(): Promise<void> {
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

    /** The metrics among `metricKeys` whose quota in the identity's tier is used up in the current period. */
    async exhaustedMetrics(address: string, metricKeys: readonly string[]): Promise<QuotaExhaustion[]> {
        const tierId = await this.identities.tierOf(address);
        if (!tierId) return [];
        const definitions = await this.dataSource.getRepository(TierQuotaDefinition).find({ where: { tierId } });
        const now = this.clock.now();
        const exhausted: QuotaExhaustion[] = [];
        for (const metricKey of metricKeys) {
            let until: Date | undefined;
            for (const definition of definitions.filter((d) => d.metricKey === metricKey)) {
                const end = periodEnd(definition.period, now);
                if (until && until.getTime() >= end.getTime()) continue;
                if (definition.max > 0) {
                    const counter = this.counters.get(metricKey);
                    const usage = counter ? await counter.countUsage(address, periodStart(definition.period, now)) : 0;
                    if (usage < definition.max) continue;
                }
                until = end;
            }
            if (until) exhausted.push({ metricKey, isExhaustedUntil: until.toISOString() });
        }
        return exhausted;
    }

    async listTiers(): Promise<TierDto[]> {
        const tiers = await this.dataSource.getRepository(Tier).find({ order: { createdAt: "ASC", id: "ASC" } });
        const definitions = await this.dataSource.getRepository(TierQuotaDefinition).find({ order: { metricKey: "ASC", period: "ASC" } });
        return tiers.map((tier) =>
            toTierDto(
                tier,
                definitions.filter((d) => d.tierId === tier.id)
            )
        );
    }

    async getTier(id: string): Promise<TierDto> {
        const tier = await this.dataSource.getRepository(Tier).findOneBy({ id });
        if (!tier) throw notFound("Tier");
        const definitions = await this.dataSource
            .getRepository(TierQuotaDefinition)
            .find({ where: { tierId: id }, order: { metricKey: "ASC", period: "ASC" } });
        return toTierDto(tier, definitions);
    }

    async tierExists(id: string): Promise<boolean> {
        return await this.dataSource.getRepository(Tier).existsBy({ id });
    }

    async createTier(name: string): Promise<TierDto> {
        const tier: Tier = { id: newId("TIR"), name, createdAt: this.clock.now() };
        try {
            await this.dataSource.getRepository(Tier).insert(tier);
        } catch (error) {
            if (isUniqueViolation(error))
                throw new ApiError("error.platform.validation.tierNameAlreadyExists", "A tier with this name already exists.");
            throw error;
        }
        return toTierDto(tier, []);
    }

    async deleteTier(id: string): Promise<void> {
        if (id === QUEUED_FOR_DELETION_TIER.id) {
            throw new ApiError(ErrorCode.invalidPropertyValue, "The built-in tier 'Queued for Deletion' cannot be deleted.");
        }
        await this.dataSource.transaction(async (manager) => {
            const result = await manager.delete(Tier, { id });
            if (!result.affected) throw notFound("Tier");
            await manager.delete(TierQuotaDefinition, { tierId: id });
        });
    }

    async addTierQuota(tierId: string, input: { metricKey: QuotaMetricKey; max: number; period: QuotaPeriod }): Promise<TierQuotaDto> {
        if (!(await this.tierExists(tierId))) throw notFound("Tier");
        const definition: TierQuotaDefinition = { id: newId("TQD"), tierId, ...input };
        try {
            await this.dataSource.getRepository(TierQuotaDefinition).insert(definition);
        } catch (error) {
            if (isUniqueViolation(error)) {
                throw new ApiError(ErrorCode.invalidPropertyValue, "The tier already has a quota for this metric and period.");
            }
            throw error;
        }
        return toQuotaDto(definition);
    }

    async deleteTierQuota(tierId: string, quotaId: string): Promise<void> {
        const result = await this.dataSource.getRepository(TierQuotaDefinition).delete({ id: quotaId, tierId });
        if (!result.affected) throw (await this.tierExists(tierId)) ? notFoundInDomain("TierQuotaDefinition") : notFound("Tier");
    }

    /** The quotas of the caller's tier, grouped by metric, with the usage in the current period where it is counted. */
    async quotasOf(address: string): Promise<MetricQuotasDto[]> {
        const tierId = await this.identities.tierOf(address);
        if (!tierId) return [];
        const definitions = await this.dataSource.getRepository(TierQuotaDefinition).find({ where: { tierId } });
        const now = this.clock.now();
        const result: MetricQuotasDto[] = [];
        for (const metricKey of QUOTA_METRIC_KEYS) {
            const ofMetric = definitions.filter((d) => d.metricKey === metricKey);
            if (ofMetric.length === 0) continue;
            const counter = this.counters.get(metricKey);
            const quotas = [];
            for (const definition of ofMetric) {
                const usage = counter ? await counter.countUsage(address, periodStart(definition.period, now)) : 0;
                quotas.push({ source: "Tier" as const, metricKey, max: definition.max, usage, period: definition.period });
            }
            result.push({ metricKey, quotas });
        }
        return result;
    }
}

function toQuotaDto(definition: TierQuotaDefinition): TierQuotaDto {
    return { id: definition.id, metricKey: definition.metricKey, max: definition.max, period: definition.period };
}

function toTierDto(tier: Tier, definitions: TierQuotaDefinition[]): TierDto {
    return { id: tier.id, name: tier.name, createdAt: tier.createdAt.toISOString(), quotas: definitions.map(toQuotaDto) };
}
