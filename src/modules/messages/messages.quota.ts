import { Injectable } from "@nestjs/common";

import { type QuotaUsageCounter, RegisterQuotaUsageCounter } from "../../core/quotas/quota-usage";
import { MessagesRepository } from "./messages.repository";

/** Usage of the NumberOfSentMessages quota: messages the identity sent. */
@Injectable()
@RegisterQuotaUsageCounter()
export class SentMessagesUsage implements QuotaUsageCounter {
    readonly metricKey = "NumberOfSentMessages";

    constructor(private readonly messages: MessagesRepository) {}

    async countUsage(address: string, since: Date | undefined): Promise<number> {
        return await this.messages.countSentBy(address, since);
    }
}
