import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleInit } from "@nestjs/common";
import { DiscoveryService } from "@nestjs/core";
import { DataSource } from "typeorm";

import { Clock } from "../../core/clock/clock";
import { isUniqueViolation } from "../../core/database/errors";
import { ApiError, ErrorCode, notFound, notFoundInDomain } from "../../core/errors/errors";
import { DomainEvents } from "../../core/events/domain-events";
import { newId } from "../../core/ids/ids";
import { type QuotaChecker, QuotaEnforcement, type QuotaExhaustion } from "../../core/quotas/quota-enforcement";
import { QUOTA_USAGE_COUNTER, type QuotaUsageCounter } from "../../core/quotas/quota-usage";
import { IdentityDeleted } from "../identities/identities.events";
import { IdentitiesService } from "../identities/identities.service";
import { OAuthClientsService } from "../oauth-clients/oauth-clients.service";
import { IndividualQuota } from "./individual-quota.entity";
import {
    isQuotaMetricKey,
    periodEnd,
    periodStart,
    QUEUED_FOR_DELETION_TIER,
    QUEUED_FOR_DELETION_UNLIMITED_METRICS,
    QUOTA_METRIC_DISPLAY_NAMES,
    QUOTA_METRIC_KEYS,
    type QuotaMetricKey,
    type QuotaPeriod
} from "./quota-metrics";
import type { MetricQuotasDto } from "./quotas.dto";
import { QuotasErrors } from "./quotas.errors";
import { Tier, TierQuotaDefinition } from "./tier.entity";

export interface MetricInfo {
    key: QuotaMetricKey;
    displayName: string;
}

/** A quota definition of a tier, or an individual quota, as the Admin API shows it. */
export interface QuotaDefinitionInfo {
    id: string;
    metric: MetricInfo;
    max: number;
    period: QuotaPeriod;
}

export interface TierOverview {
    id: string;
    name: string;
    numberOfIdentities: number;
    canBeUsedAsDefaultForClient: boolean;
    canBeManuallyAssigned: boolean;
}

export interface TierDetails {
    id: string;
    name: string;
    quotas: QuotaDefinitionInfo[];
}

/** One quota of an identity with its usage in the current period. */
export interface IdentityQuotaInfo extends QuotaDefinitionInfo {
    source: "Individual" | "Tier";
    usage: number;
}

interface Quota {
    id: string;
    source: "Individual" | "Tier";
    metricKey: QuotaMetricKey;
    max: number;
    period: QuotaPeriod;
}

export function metricInfo(key: QuotaMetricKey): MetricInfo {
    return { key, displayName: QUOTA_METRIC_DISPLAY_NAMES[key] };
}

/**
 * Tiers with their quota definitions, individual quotas of identities, an identity's quotas with usage, and the
 * quota check behind @EnforceQuota(). Usage is counted on demand by the counters the owning modules register. For a
 * metric with individual quotas those apply instead of the tier's (as in the official Backbone), except while the
 * identity is in the "Queued for Deletion" tier, whose quotas always apply.
 */
@Injectable()
export class QuotasService implements OnModuleInit, OnApplicationBootstrap, QuotaChecker {
    private counters = new Map<string, QuotaUsageCounter>();

    constructor(
        private readonly dataSource: DataSource,
        private readonly discovery: DiscoveryService,
        private readonly identities: IdentitiesService,
        private readonly clients: OAuthClientsService,
        private readonly enforcement: QuotaEnforcement,
        private readonly domainEvents: DomainEvents,
        @Inject(Clock) private readonly clock: Clock
    ) {}

    onModuleInit(): void {
        this.domainEvents.subscribe(IdentityDeleted, async (manager, event) => {
            await manager.delete(IndividualQuota, { identityAddress: event.address });
        });
    }

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

    /** The quotas of an identity (individual ones first), or undefined when the identity does not exist. */
    private async quotasOfIdentity(address: string): Promise<{ tierId: string | null; all: Quota[] } | undefined> {
        const tierId = await this.identities.tierOf(address);
        if (tierId === undefined) return undefined;
        const [individual, definitions] = await Promise.all([
            this.dataSource
                .getRepository(IndividualQuota)
                .find({ where: { identityAddress: address }, order: { createdAt: "ASC", id: "ASC" } }),
            tierId
                ? this.dataSource.getRepository(TierQuotaDefinition).find({ where: { tierId }, order: { metricKey: "ASC", period: "ASC" } })
                : Promise.resolve([])
        ]);
        return {
            tierId,
            all: [
                ...individual.map((q) => ({
                    id: q.id,
                    source: "Individual" as const,
                    metricKey: q.metricKey,
                    max: q.max,
                    period: q.period
                })),
                ...definitions.map((d) => ({ id: d.id, source: "Tier" as const, metricKey: d.metricKey, max: d.max, period: d.period }))
            ]
        };
    }

    /** The quotas that decide about a metric: the individual ones when there are any, else the tier's. */
    private applied(quotas: { tierId: string | null; all: Quota[] }, metricKey: string): Quota[] {
        const ofMetric = quotas.all.filter((q) => q.metricKey === metricKey);
        if (quotas.tierId === QUEUED_FOR_DELETION_TIER.id) return ofMetric.filter((q) => q.source === "Tier");
        const individual = ofMetric.filter((q) => q.source === "Individual");
        return individual.length > 0 ? individual : ofMetric;
    }

    private async usage(address: string, metricKey: QuotaMetricKey, period: QuotaPeriod, now: Date): Promise<number> {
        const counter = this.counters.get(metricKey);
        return counter ? await counter.countUsage(address, periodStart(period, now)) : 0;
    }

    /** The metrics among `metricKeys` whose applied quotas are used up in the current period. */
    async exhaustedMetrics(address: string, metricKeys: readonly string[]): Promise<QuotaExhaustion[]> {
        const quotas = await this.quotasOfIdentity(address);
        if (!quotas || quotas.all.length === 0) return [];
        const now = this.clock.now();
        const exhausted: QuotaExhaustion[] = [];
        for (const metricKey of metricKeys) {
            let until: Date | undefined;
            for (const quota of this.applied(quotas, metricKey)) {
                const end = periodEnd(quota.period, now);
                if (until && until.getTime() >= end.getTime()) continue;
                if (quota.max > 0 && (await this.usage(address, quota.metricKey, quota.period, now)) < quota.max) continue;
                until = end;
            }
            if (until) exhausted.push({ metricKey, isExhaustedUntil: until.toISOString() });
        }
        return exhausted;
    }

    /** The caller's quotas grouped by metric, individual ones first, with the usage in the current period. */
    async quotasOf(address: string): Promise<MetricQuotasDto[]> {
        const quotas = await this.quotasOfIdentity(address);
        if (!quotas) return [];
        const now = this.clock.now();
        const result: MetricQuotasDto[] = [];
        for (const metricKey of QUOTA_METRIC_KEYS) {
            const ofMetric = quotas.all.filter((q) => q.metricKey === metricKey);
            if (ofMetric.length === 0) continue;
            const items = [];
            for (const quota of ofMetric) {
                const usage = await this.usage(address, metricKey, quota.period, now);
                items.push({ source: quota.source, metricKey, max: quota.max, usage, period: quota.period });
            }
            result.push({ metricKey, quotas: items });
        }
        return result;
    }

    /** Every quota of an identity with its usage (Admin API), individual ones first; 404 when it does not exist. */
    async identityQuotas(address: string): Promise<IdentityQuotaInfo[]> {
        const quotas = await this.quotasOfIdentity(address);
        if (!quotas) throw notFound("Identity");
        const now = this.clock.now();
        const result: IdentityQuotaInfo[] = [];
        for (const quota of quotas.all) {
            result.push({
                id: quota.id,
                source: quota.source,
                metric: metricInfo(quota.metricKey),
                max: quota.max,
                usage: await this.usage(address, quota.metricKey, quota.period, now),
                period: quota.period
            });
        }
        return result;
    }

    listMetrics(): MetricInfo[] {
        return QUOTA_METRIC_KEYS.map(metricInfo);
    }

    async createIndividualQuota(
        address: string,
        input: { metricKey: string; max: number; period: QuotaPeriod }
    ): Promise<QuotaDefinitionInfo> {
        if (!(await this.identities.exists(address))) throw notFound("Identity");
        if (!isQuotaMetricKey(input.metricKey)) throw QuotasErrors.unsupportedMetricKey();
        if (input.max <= 0) throw new ApiError(ErrorCode.invalidPropertyValue, "'max': must be greater than 0.");
        const quota: IndividualQuota = {
            id: newId("QUO"),
            identityAddress: address,
            metricKey: input.metricKey,
            max: input.max,
            period: input.period,
            createdAt: this.clock.now()
        };
        try {
            await this.dataSource.getRepository(IndividualQuota).insert(quota);
        } catch (error) {
            if (isUniqueViolation(error)) throw QuotasErrors.duplicateQuota();
            throw error;
        }
        return { id: quota.id, metric: metricInfo(quota.metricKey), max: quota.max, period: quota.period };
    }

    async deleteIndividualQuota(address: string, quotaId: string): Promise<void> {
        if (!(await this.identities.exists(address))) throw notFound("Identity");
        const result = await this.dataSource.getRepository(IndividualQuota).delete({ id: quotaId, identityAddress: address });
        if (!result.affected) throw notFound("IndividualQuota");
    }

    async listTiers(): Promise<TierOverview[]> {
        const tiers = await this.dataSource.getRepository(Tier).find({ order: { createdAt: "ASC", id: "ASC" } });
        const identitiesPerTier = await this.identities.countIdentitiesPerTier();
        return tiers.map((tier) => {
            const builtIn = tier.id === QUEUED_FOR_DELETION_TIER.id;
            return {
                id: tier.id,
                name: tier.name,
                numberOfIdentities: identitiesPerTier.get(tier.id) ?? 0,
                canBeUsedAsDefaultForClient: !builtIn,
                canBeManuallyAssigned: !builtIn
            };
        });
    }

    async getTier(id: string): Promise<TierDetails> {
        const tier = await this.dataSource.getRepository(Tier).findOneBy({ id });
        if (!tier) throw notFound("Tier");
        const definitions = await this.dataSource
            .getRepository(TierQuotaDefinition)
            .find({ where: { tierId: id }, order: { metricKey: "ASC", period: "ASC" } });
        return { id: tier.id, name: tier.name, quotas: definitions.map(toDefinitionInfo) };
    }

    /** The tier with this id, or else with this name (clients name their default tier either way). */
    async findTier(idOrName: string): Promise<{ id: string; name: string } | undefined> {
        const repository = this.dataSource.getRepository(Tier);
        const tier = (await repository.findOneBy({ id: idOrName })) ?? (await repository.findOneBy({ name: idOrName }));
        return tier ? { id: tier.id, name: tier.name } : undefined;
    }

    async tierNames(): Promise<Map<string, string>> {
        const tiers = await this.dataSource.getRepository(Tier).find({ select: { id: true, name: true } });
        return new Map(tiers.map((t) => [t.id, t.name]));
    }

    async tierExists(id: string): Promise<boolean> {
        return await this.dataSource.getRepository(Tier).existsBy({ id });
    }

    async createTier(name: string): Promise<{ id: string; name: string }> {
        const tier: Tier = { id: newId("TIR"), name, createdAt: this.clock.now() };
        try {
            await this.dataSource.getRepository(Tier).insert(tier);
        } catch (error) {
            if (isUniqueViolation(error)) throw QuotasErrors.tierNameAlreadyExists();
            throw error;
        }
        return { id: tier.id, name: tier.name };
    }

    /** Deletes a tier that no client uses as default and no identity has (as the official Backbone requires). */
    async deleteTier(id: string): Promise<void> {
        if (!(await this.tierExists(id))) throw notFound("Tier");
        const clients = await this.clients.countClientsWithDefaultTier(id);
        if (clients > 0) {
            throw QuotasErrors.usedTierCannotBeDeleted(
                `The Tier is used as the default Tier by one or more clients. A Tier cannot be deleted if it is the default Tier of a Client (${clients} found).`
            );
        }
        const identities = (await this.identities.countIdentitiesPerTier()).get(id) ?? 0;
        if (identities > 0) {
            throw QuotasErrors.usedTierCannotBeDeleted(
                `The Tier is assigned to one or more Identities. A Tier cannot be deleted if it is assigned to an Identity (${identities} found).`
            );
        }
        if (id === QUEUED_FOR_DELETION_TIER.id) throw QuotasErrors.queuedForDeletionTierCannotBeDeleted();
        await this.dataSource.transaction(async (manager) => {
            await manager.delete(TierQuotaDefinition, { tierId: id });
            await manager.delete(Tier, { id });
        });
    }

    async createTierQuota(tierId: string, input: { metricKey: string; max: number; period: QuotaPeriod }): Promise<QuotaDefinitionInfo> {
        if (!(await this.tierExists(tierId))) throw notFound("Tier");
        if (!isQuotaMetricKey(input.metricKey)) throw QuotasErrors.unsupportedMetricKey();
        if (tierId === QUEUED_FOR_DELETION_TIER.id) throw QuotasErrors.queuedForDeletionTierQuotas();
        if (input.max < 0) throw QuotasErrors.maxBelowZero();
        const definition: TierQuotaDefinition = {
            id: newId("TQD"),
            tierId,
            metricKey: input.metricKey,
            max: input.max,
            period: input.period
        };
        try {
            await this.dataSource.getRepository(TierQuotaDefinition).insert(definition);
        } catch (error) {
            if (isUniqueViolation(error)) throw QuotasErrors.duplicateQuota();
            throw error;
        }
        return toDefinitionInfo(definition);
    }

    async deleteTierQuota(tierId: string, quotaId: string): Promise<void> {
        if (!(await this.tierExists(tierId))) throw notFound("Tier");
        if (tierId === QUEUED_FOR_DELETION_TIER.id) throw QuotasErrors.queuedForDeletionTierQuotas();
        const result = await this.dataSource.getRepository(TierQuotaDefinition).delete({ id: quotaId, tierId });
        if (!result.affected) throw (await this.tierExists(tierId)) ? notFoundInDomain("TierQuotaDefinition") : notFound("Tier");
    }
}

function toDefinitionInfo(definition: TierQuotaDefinition): QuotaDefinitionInfo {
    return { id: definition.id, metric: metricInfo(definition.metricKey), max: definition.max, period: definition.period };
}
