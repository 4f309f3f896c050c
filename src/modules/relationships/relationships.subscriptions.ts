import { Injectable, type OnModuleInit } from "@nestjs/common";

import { DomainEvents } from "../../core/events/domain-events";
import { RelationshipTemplatesDeleted } from "../relationship-templates/relationship-templates.events";
import { RelationshipsRepository } from "./relationships.repository";

/** The relationships module's reactions to other modules' domain events: relationships outlive their deleted templates. */
@Injectable()
export class RelationshipsSubscriptions implements OnModuleInit {
    constructor(
        private readonly events: DomainEvents,
        private readonly relationships: RelationshipsRepository
    ) {}

    onModuleInit(): void {
        this.events.subscribe(RelationshipTemplatesDeleted, (manager, event) =>
            this.relationships.detachFromTemplates(manager, event.relationshipTemplateIds)
        );
    }
}
