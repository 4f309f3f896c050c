import { domainEvent } from "../../core/events/domain-events";

// The public vocabulary of the relationship templates module: the domain events it publishes.

/** Loading a relationship template used up its last allocation. */
export class RelationshipTemplateAllocationsExhausted extends domainEvent(
    "relationships.relationshipTemplateAllocationsExhausted",
    (relationshipTemplateId: string, createdBy: string) => ({ relationshipTemplateId, createdBy })
) {}

/** Templates were deleted (by their creator, or with their creator's identity): relationships created from them stay, without a template. */
export class RelationshipTemplatesDeleted extends domainEvent(
    "relationshipTemplates.relationshipTemplatesDeleted",
    (relationshipTemplateIds: readonly string[]) => ({ relationshipTemplateIds })
) {}
