import { Injectable } from "@nestjs/common";
import { DataSource } from "typeorm";

import { createdByQuery, type QuotaUsageCounter, RegisterQuotaUsageCounter } from "../../core/quotas/quota-usage";
import { Token } from "./token.entity";

/** Usage of the NumberOfTokens quota: tokens the identity created (and that still exist). */
@Injectable()
@RegisterQuotaUsageCounter()
export class CreatedTokensUsage implements QuotaUsageCounter {
    readonly metricKey = "NumberOfTokens";

    constructor(private readonly dataSource: DataSource) {}

    async countUsage(address: string, since: Date | undefined): Promise<number> {
        return await createdByQuery(this.dataSource, Token, address, since).getCount();
    }
}
