import { Inject, Injectable, type OnApplicationBootstrap } from "@nestjs/common";
import { DiscoveryService } from "@nestjs/core";
import type { EntityManager } from "typeorm";

import { Clock } from "../../core/clock/clock";
import { Transactions } from "../../core/database/transactions";
import { notFound, notFoundInDomain } from "../../core/errors/errors";
import { type QuotaChecker, QuotaEnforcement, type QuotaExhaustion } from "../../core/quotas/quota-enforcement";
import { QUOTA_USAGE_COUNTER, type QuotaUsageCounter } from "../../core/quotas/quota-usage";
import { IdentitiesService } from "../identities/identities.service";
import { OAuthClientsService } from "../oauth-clients/oauth-clients.service";
import { IndividualQuota, type NewQuota } from "./individual-quota.entity";
import { periodEnd, periodStart, QUOTA_METRIC_DISPLAY_NAMES } from "./quota-metrics";
import { QuotasErrors } from "./quotas.errors";
import { QUOTA_METRIC_KEYS, type QuotaMetricKey, type QuotaPeriod } from "./quotas.events";
import { QuotasRepository } from "./quotas.repository";
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

/** One quota of a metric with its usage in the current period, as the Consumer API lists it. */
export interface QuotaUsage {
    source: "Individual" | "Tier";
    metricKey: QuotaMetricKey;
    max: number;
    usage: number;
    period: QuotaPeriod;
}

/** The quotas of one metric that apply to an identity (individual ones first), with their usage. */
export interface MetricQuotas {
    metricKey: QuotaMetricKey;
    quotas: QuotaUsage[];
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
export class QuotasService implements OnApplicationBootstrap, QuotaChecker {
    private counters = new Map<string, QuotaUsageCounter>();

    constructor(
        private readonly quotas: QuotasRepository,
        private readonly discovery: DiscoveryService,
        private readonly identities: IdentitiesService,
        private readonly clients: OAuthClientsService,
        private readonly enforcement: QuotaEnforcement,
        private readonly transactions: Transactions,
        @Inject(Clock) private readonly clock: Clock
    ) {}

    async onApplicationBootstrap(): Promise<void> {
        for (const wrapper of this.discovery.getProviders()) {
            if (wrapper.metatype && wrapper.instance && Reflect.getMetadata(QUOTA_USAGE_COUNTER, wrapper.metatype) === true) {
                const counter = wrapper.instance as QuotaUsageCounter;
                this.counters.set(counter.metricKey, counter);
            }
        }
        await this.quotas.ensureQueuedForDeletionTier();
        this.enforcement.use(this);
    }

    /** The quotas of an identity (individual ones first), or undefined when the identity does not exist. */
    private async quotasOfIdentity(address: string): Promise<{ tierId: string | null; all: Quota[] } | undefined> {
        const found = await this.quotas.quotasOfIdentity(address);
        if (!found) return undefined;
        const { tierId, individual, definitions } = found;
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
        if (quotas.tierId !== null && Tier.isQueuedForDeletion(quotas.tierId)) return ofMetric.filter((q) => q.source === "Tier");
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
    async quotasOf(address: string): Promise<MetricQuotas[]> {
        const quotas = await this.quotasOfIdentity(address);
        if (!quotas) return [];
        const now = this.clock.now();
        const result: MetricQuotas[] = [];
        for (const metricKey of QUOTA_METRIC_KEYS) {
            const ofMetric = quotas.all.filter((q) => q.metricKey === metricKey);
            if (ofMetric.length === 0) continue;
            const items: QuotaUsage[] = [];
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

    /** The identity is locked until the quota is stored: its deletion (which removes its quotas) comes before or after. */
    async createIndividualQuota(address: string, input: NewQuota): Promise<QuotaDefinitionInfo> {
        return await this.transactions.run(async (manager) => {
            if (!(await this.identities.lock(manager, address))) throw notFound("Identity");
            const quota = IndividualQuota.create(address, input, this.clock.now());
            if (!(await this.quotas.insertIndividualQuota(manager, quota))) throw QuotasErrors.duplicateQuota();
            return toDefinitionInfo(quota);
        });
    }

    async deleteIndividualQuota(address: string, quotaId: string): Promise<void> {
        await this.transactions.run(async (manager) => {
            if (!(await this.identities.lock(manager, address))) throw notFound("Identity");
            if (!(await this.quotas.deleteIndividualQuota(manager, address, quotaId))) throw notFound("IndividualQuota");
        });
    }

    async listTiers(): Promise<TierOverview[]> {
        const tiers = await this.quotas.tiers();
        const identitiesPerTier = await this.identities.countIdentitiesPerTier();
        return tiers.map((tier) => {
            const builtIn = Tier.isQueuedForDeletion(tier.id);
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
        const tier = await this.quotas.findTier(id);
        if (!tier) throw notFound("Tier");
        const definitions = await this.quotas.definitionsOf(id);
        return { id: tier.id, name: tier.name, quotas: definitions.map(toDefinitionInfo) };
    }

    /** The tier with this id, or else with this name (clients name their default tier either way). */
    async findTier(idOrName: string): Promise<{ id: string; name: string } | undefined> {
        const tier = (await this.quotas.findTier(idOrName)) ?? (await this.quotas.findTierByName(idOrName));
        return tier ? { id: tier.id, name: tier.name } : undefined;
    }

    async tierNames(): Promise<Map<string, string>> {
        return new Map((await this.quotas.tiers()).map((t) => [t.id, t.name]));
    }

    /** Whether the tier exists; in a transaction (`manager`), the tier then cannot be deleted until it ends. */
    async tierExists(id: string, manager?: EntityManager): Promise<boolean> {
        return manager ? await this.quotas.lockTier(manager, id, "share") : await this.quotas.tierExists(id);
    }

    async createTier(name: string): Promise<{ id: string; name: string }> {
        const tier = Tier.create(name, this.clock.now());
        if (!(await this.quotas.insertTier(tier))) throw QuotasErrors.tierNameAlreadyExists();
        return { id: tier.id, name: tier.name };
    }

    /** Deletes a tier that no client uses as default and no identity has (as the official Backbone requires). */
    async deleteTier(id: string): Promise<void> {
        await this.transactions.run(async (manager) => {
            if (!(await this.quotas.lockTier(manager, id, "update"))) throw notFound("Tier");
            const clients = await this.clients.countClientsWithDefaultTier(id, manager);
            const identities = (await this.identities.countIdentitiesPerTier(manager)).get(id) ?? 0;
            Tier.checkDeletion(id, { clients, identities });
            await this.quotas.deleteTier(manager, id);
        });
    }

    async createTierQuota(tierId: string, input: NewQuota): Promise<QuotaDefinitionInfo> {
        if (!(await this.quotas.tierExists(tierId))) throw notFound("Tier");
        const definition = TierQuotaDefinition.create(tierId, input);
        if (!(await this.quotas.insertTierQuotaDefinition(definition))) throw QuotasErrors.duplicateQuota();
        return toDefinitionInfo(definition);
    }

    async deleteTierQuota(tierId: string, quotaId: string): Promise<void> {
        if (!(await this.quotas.tierExists(tierId))) throw notFound("Tier");
        if (Tier.isQueuedForDeletion(tierId)) throw QuotasErrors.queuedForDeletionTierQuotas();
        if (!(await this.quotas.deleteTierQuotaDefinition(tierId, quotaId))) {
            throw (await this.quotas.tierExists(tierId)) ? notFoundInDomain("TierQuotaDefinition") : notFound("Tier");
        }
    }
}

function toDefinitionInfo(definition: IndividualQuota | TierQuotaDefinition): QuotaDefinitionInfo {
    return { id: definition.id, metric: metricInfo(definition.metricKey), max: definition.max, period: definition.period };
}
