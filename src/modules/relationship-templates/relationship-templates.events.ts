import type { DomainEvent } from "../../core/events/domain-events";

// The public vocabulary of the relationship templates module: the domain events it publishes.

/** Loading a relationship template used up its last allocation. */
export class RelationshipTemplateAllocationsExhausted implements DomainEvent {
    static readonly eventName = "relationships.relationshipTemplateAllocationsExhausted";
    readonly name = RelationshipTemplateAllocationsExhausted.eventName;
    constructor(
        readonly relationshipTemplateId: string,
        readonly createdBy: string
    ) {}
}

/** Templates were deleted (by their creator, or with their creator's identity): relationships created from them stay, without a template. */
export class RelationshipTemplatesDeleted implements DomainEvent {
    static readonly eventName = "relationshipTemplates.relationshipTemplatesDeleted";
    readonly name = RelationshipTemplatesDeleted.eventName;
    constructor(readonly relationshipTemplateIds: readonly string[]) {}
}
