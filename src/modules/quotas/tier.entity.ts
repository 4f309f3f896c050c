import { Column, Entity, Index, PrimaryColumn } from "typeorm";

import type { QuotaMetricKey, QuotaPeriod } from "./quota-metrics";

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
}

/** At most `max` of a metric per period for every identity of the tier. */
@Entity({ name: "tier_quota_definitions" })
@Index("ux_tier_quota_definitions_tier_metric_period", ["tierId", "metricKey", "period"], { unique: true })
export class TierQuotaDefinition {
    @PrimaryColumn({ type: "varchar", length: 20 })
    id!: string;

    @Column({ type: "varchar", length: 20 })
    tierId!: string;

    @Column({ type: "varchar", length: 50 })
    metricKey!: QuotaMetricKey;

    @Column({ type: "integer" })
    max!: number;

    @Column({ type: "varchar", length: 10 })
    period!: QuotaPeriod;
}
