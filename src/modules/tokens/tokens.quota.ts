import { QuotaUsageCounterOf } from "../../core/quotas/quota-usage";
import { TokensRepository } from "./tokens.repository";

/** Usage of the NumberOfTokens quota: tokens the identity created (and that still exist). */
export class CreatedTokensUsage extends QuotaUsageCounterOf("NumberOfTokens", TokensRepository, (tokens, address, since) =>
    tokens.countCreatedBy(address, since)
) {}
