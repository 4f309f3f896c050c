import { Column, Entity, Index, PrimaryColumn } from "typeorm";

import type { QuotaMetricKey, QuotaPeriod } from "./quota-metrics";

/** A quota of one identity (set by an operator); for its metric it takes the place of the tier's quotas. */
@Entity({ name: "individual_quotas" })
@Index("ux_individual_quotas_identity_metric_period", ["identityAddress", "metricKey", "period"], { unique: true })
export class IndividualQuota {
    @PrimaryColumn({ type: "varchar", length: 20 })
    id!: string;

    @Column({ type: "varchar", length: 80 })
    identityAddress!: string;

    @Column({ type: "varchar", length: 50 })
    metricKey!: QuotaMetricKey;

    @Column({ type: "integer" })
    max!: number;

    @Column({ type: "varchar", length: 10 })
    period!: QuotaPeriod;

    @Column({ type: "timestamptz" })
    createdAt!: Date;
}
