import { Injectable } from "@nestjs/common";

import { type QuotaUsageCounter, RegisterQuotaUsageCounter } from "../../core/quotas/quota-usage";
import { TokensRepository } from "./tokens.repository";

/** Usage of the NumberOfTokens quota: tokens the identity created (and that still exist). */
@Injectable()
@RegisterQuotaUsageCounter()
export class CreatedTokensUsage implements QuotaUsageCounter {
    readonly metricKey = "NumberOfTokens";

    constructor(private readonly tokens: TokensRepository) {}

    async countUsage(address: string, since: Date | undefined): Promise<number> {
        return await this.tokens.countCreatedBy(address, since);
    }
}
