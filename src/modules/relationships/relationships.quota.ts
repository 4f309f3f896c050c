import { Injectable } from "@nestjs/common";
import { DataSource } from "typeorm";

import { createdByQuery, type QuotaUsageCounter, RegisterQuotaUsageCounter } from "../../core/quotas/quota-usage";
import { Relationship } from "./relationship.entity";
import { RelationshipTemplate } from "./relationship-template.entity";

/** Usage of the NumberOfRelationshipTemplates quota: templates the identity created. */
@Injectable()
@RegisterQuotaUsageCounter()
export class CreatedRelationshipTemplatesUsage implements QuotaUsageCounter {
    readonly metricKey = "NumberOfRelationshipTemplates";

    constructor(private readonly dataSource: DataSource) {}

    async countUsage(address: string, since: Date | undefined): Promise<number> {
        return await createdByQuery(this.dataSource, RelationshipTemplate, address, since).getCount();
    }
}

/** Usage of the NumberOfRelationships quota: relationships the identity takes part in (either side), by creation date. */
@Injectable()
@RegisterQuotaUsageCounter()
export class RelationshipsUsage implements QuotaUsageCounter {
    readonly metricKey = "NumberOfRelationships";

    constructor(private readonly dataSource: DataSource) {}

    async countUsage(address: string, since: Date | undefined): Promise<number> {
        // Two index scans (ix_relationships_from, ix_relationships_to) instead of one OR over both columns.
        let total = 0;
        for (const side of ["from", "to"] as const) {
            const query = this.dataSource.getRepository(Relationship).createQueryBuilder("r").where(`r.${side} = :address`, { address });
            if (since) query.andWhere("r.createdAt >= :since", { since });
            total += await query.getCount();
        }
        return total;
    }
}
