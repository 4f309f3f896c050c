import { QuotaUsageCounterOf } from "../../core/quotas/quota-usage";
import { RelationshipTemplatesRepository } from "./relationship-templates.repository";

/** Usage of the NumberOfRelationshipTemplates quota: templates the identity created (and that still exist). */
export class CreatedRelationshipTemplatesUsage extends QuotaUsageCounterOf(
    "NumberOfRelationshipTemplates",
    RelationshipTemplatesRepository,
    (templates, address, since) => templates.countCreatedBy(address, since)
) {}
