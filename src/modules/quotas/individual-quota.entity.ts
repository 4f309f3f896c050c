import { Column, Entity, Index } from "typeorm";

import { newId } from "../../core/ids/ids";
import { QuotasErrors } from "./quotas.errors";
import { isQuotaMetricKey } from "./quotas.events";
import { type NewQuota, QuotaDefinition } from "./tier.entity";

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
