import { Injectable } from "@nestjs/common";

import { type QuotaUsageCounter, RegisterQuotaUsageCounter } from "../../core/quotas/quota-usage";
import { RelationshipTemplatesRepository } from "./relationship-templates.repository";

/** Usage of the NumberOfRelationshipTemplates quota: templates the identity created. */
@Injectable()
@RegisterQuotaUsageCounter()
export class CreatedRelationshipTemplatesUsage implements QuotaUsageCounter {
    readonly metricKey = "NumberOfRelationshipTemplates";

    constructor(private readonly templates: RelationshipTemplatesRepository) {}

    async countUsage(address: string, since: Date | undefined): Promise<number> {
        return await this.templates.countCreatedBy(address, since);
    }
}
