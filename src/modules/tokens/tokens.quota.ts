import { Injectable } from "@nestjs/common";
import { DataSource } from "typeorm";
import { type QuotaUsageCounter, RegisterQuotaUsageCounter } from "../../core/quotas/quota-usage";
import { Token } from "./token.entity";

/** Usage of the NumberOfTokens quota: tokens the identity created (and that still exist). */
@Injectable()
@RegisterQuotaUsageCounter()
export class CreatedTokensUsage implements QuotaUsageCounter {
    readonly metricKey = "NumberOfTokens";

    constructor(private readonly dataSource: DataSource) {}

    async countUsage(address: string, since: Date | undefined): Promise<number> {
        const query = this.dataSource.getRepository(Token).createQueryBuilder("t").where("t.createdBy = :address", { address });
        if (since) query.andWhere("t.createdAt >= :since", { since });
        return await query.getCount();
    }
}
