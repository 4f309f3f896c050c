import { Injectable } from "@nestjs/common";
import { DataSource } from "typeorm";

import { createdByQuery, type QuotaUsageCounter, RegisterQuotaUsageCounter } from "../../core/quotas/quota-usage";
import { Message } from "./message.entity";

/** Usage of the NumberOfSentMessages quota: messages the identity sent. */
@Injectable()
@RegisterQuotaUsageCounter()
export class SentMessagesUsage implements QuotaUsageCounter {
    readonly metricKey = "NumberOfSentMessages";

    constructor(private readonly dataSource: DataSource) {}

    async countUsage(address: string, since: Date | undefined): Promise<number> {
        return await createdByQuery(this.dataSource, Message, address, since).getCount();
    }
}
