import { repositoryUsageCounter } from "../../core/quotas/quota-usage";
import { RelationshipTemplatesRepository } from "./relationship-templates.repository";

/** Usage of the NumberOfRelationshipTemplates quota: templates the identity created (and that still exist). */
export const CreatedRelationshipTemplatesUsage = repositoryUsageCounter(
    "NumberOfRelationshipTemplates",
    RelationshipTemplatesRepository,
    (templates, address, since) => templates.countCreatedBy(address, since)
);
