import { Injectable } from "@nestjs/common";

import { type QuotaUsageCounter, RegisterQuotaUsageCounter } from "../../core/quotas/quota-usage";
import { RelationshipsRepository } from "./relationships.repository";

/** Usage of the NumberOfRelationships quota: relationships the identity takes part in (either side), by creation date. */
@Injectable()
@RegisterQuotaUsageCounter()
export class RelationshipsUsage implements QuotaUsageCounter {
    readonly metricKey = "NumberOfRelationships";

    constructor(private readonly relationships: RelationshipsRepository) {}

    async countUsage(address: string, since: Date | undefined): Promise<number> {
        return await this.relationships.countOfParticipant(address, since);
    }
}
