import { Column, Entity, Index, PrimaryColumn } from "typeorm";

import { newId } from "../../core/ids/ids";
import { QuotasErrors } from "./quotas.errors";
import { isQuotaMetricKey, type QuotaMetricKey, type QuotaPeriod } from "./quotas.events";

/** What a new quota says: at most `max` of a metric (a key to be checked) per period. */
export interface NewQuota {
    metricKey: string;
    max: number;
    period: QuotaPeriod;
}

/** What every quota says, a tier's quota definition or an identity's individual quota: at most `max` of a metric per period. */
export abstract class QuotaDefinition {
    @PrimaryColumn({ type: "varchar", length: 20 })
    id!: string;

    @Column({ type: "varchar", length: 50 })
    metricKey!: QuotaMetricKey;

    @Column({ type: "integer" })
    max!: number;

    @Column({ type: "varchar", length: 10 })
    period!: QuotaPeriod;
}

/** A quota of one identity (set by an operator); for its metric it takes the place of the tier's quotas. */
@Entity({ name: "individual_quotas" })
@Index("ux_individual_quotas_identity_metric_period", ["identityAddress", "metricKey", "period"], { unique: true })
export class IndividualQuota extends QuotaDefinition {
    @Column({ type: "varchar", length: 80 })
    identityAddress!: string;

    @Column({ type: "timestamptz" })
    createdAt!: Date;

    /** A quota of an identity: a supported metric and a max above zero. */
    static create(identityAddress: string, quota: NewQuota, now: Date): IndividualQuota {
        if (!isQuotaMetricKey(quota.metricKey)) throw QuotasErrors.unsupportedMetricKey();
        if (quota.max <= 0) throw QuotasErrors.maxNotPositive();
        return Object.assign(new IndividualQuota(), {
            id: newId("QUO"),
            identityAddress,
            metricKey: quota.metricKey,
            max: quota.max,
            period: quota.period,
            createdAt: now
        });
    }
}
