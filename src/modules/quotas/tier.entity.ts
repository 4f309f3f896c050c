import { Column, Entity, Index, PrimaryColumn } from "typeorm";

import { newId } from "../../core/ids/ids";
import { type NewQuota, QuotaDefinition } from "./individual-quota.entity";
import { QUEUED_FOR_DELETION_TIER } from "./quota-metrics";
import { QuotasErrors } from "./quotas.errors";
import { isQuotaMetricKey } from "./quotas.events";

/** A tier groups quota definitions; identities get the default tier of the OAuth client that created them. */
@Entity({ name: "tiers" })
export class Tier {
    @PrimaryColumn({ type: "varchar", length: 20 })
    id!: string;

    @Index("ux_tiers_name", { unique: true })
    @Column({ type: "varchar", length: 100 })
    name!: string;

    @Column({ type: "timestamptz" })
    createdAt!: Date;

    static create(name: string, now: Date): Tier {
        return Object.assign(new Tier(), { id: newId("TIR"), name, createdAt: now });
    }

    /** The built-in tier of identities in deletion: never assigned by hand, never a client's default, its quotas fixed. */
    static isQueuedForDeletion(id: string): boolean {
        return id === QUEUED_FOR_DELETION_TIER.id;
    }

    /** A tier that no client uses as default and no identity has may be deleted, the built-in one never (the official order of checks). */
    static checkDeletion(id: string, usage: { clients: number; identities: number }): void {
        if (usage.clients > 0) {
            throw QuotasErrors.usedTierCannotBeDeleted(
                `The Tier is used as the default Tier by one or more clients. A Tier cannot be deleted if it is the default Tier of a Client (${usage.clients} found).`
            );
        }
        if (usage.identities > 0) {
            throw QuotasErrors.usedTierCannotBeDeleted(
                `The Tier is assigned to one or more Identities. A Tier cannot be deleted if it is assigned to an Identity (${usage.identities} found).`
            );
        }
        if (Tier.isQueuedForDeletion(id)) throw QuotasErrors.queuedForDeletionTierCannotBeDeleted();
    }
}

/** At most `max` of a metric per period for every identity of the tier. */
@Entity({ name: "tier_quota_definitions" })
@Index("ux_tier_quota_definitions_tier_metric_period", ["tierId", "metricKey", "period"], { unique: true })
export class TierQuotaDefinition extends QuotaDefinition {
    @Column({ type: "varchar", length: 20 })
    tierId!: string;

    /** A quota of a tier: a supported metric, not on the built-in tier, max zero or more. */
    static create(tierId: string, quota: NewQuota): TierQuotaDefinition {
        if (!isQuotaMetricKey(quota.metricKey)) throw QuotasErrors.unsupportedMetricKey();
        if (Tier.isQueuedForDeletion(tierId)) throw QuotasErrors.queuedForDeletionTierQuotas();
        if (quota.max < 0) throw QuotasErrors.maxBelowZero();
        return Object.assign(new TierQuotaDefinition(), {
            id: newId("TQD"),
            tierId,
            metricKey: quota.metricKey,
            max: quota.max,
            period: quota.period
        });
    }
}
