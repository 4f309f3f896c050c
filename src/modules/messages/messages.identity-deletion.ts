import { Injectable, type OnModuleInit } from "@nestjs/common";
import type { EntityManager } from "typeorm";

import { DeletedIdentityAddress } from "../../core/crypto/identity-address";
import { DomainEvents } from "../../core/events/domain-events";
import { RelationshipStatus, RelationshipStatusChanged } from "../relationships/relationships.events";
import { MessagesRepository } from "./messages.repository";

/** Relationship statuses in which a participant has decomposed the relationship. */
const DECOMPOSED_STATUSES: ReadonlySet<RelationshipStatus> = new Set([
    RelationshipStatus.DeletionProposed,
    RelationshipStatus.ReadyForDeletion
]);

/**
 * The messages module's reaction to decomposition and to an identity's deletion (which decomposes every relationship
 * of it), in the transaction of the status change: the decomposing side's messages over the relationship are flagged;
 * a deleted identity's address disappears from them at once; an entry decomposed by both sides is anonymised, a sender
 * whose recipients are all anonymised too, and a message with nobody left is deleted.
 */
@Injectable()
export class MessagesIdentityDeletion implements OnModuleInit {
    constructor(
        private readonly events: DomainEvents,
        private readonly messages: MessagesRepository,
        private readonly deletedAddress: DeletedIdentityAddress
    ) {}

    onModuleInit(): void {
        this.events.subscribe(RelationshipStatusChanged, (manager, change) => this.onRelationshipStatusChanged(manager, change));
    }

    private async onRelationshipStatusChanged(manager: EntityManager, change: RelationshipStatusChanged): Promise<void> {
        if (!DECOMPOSED_STATUSES.has(change.newStatus)) return;
        const anonymous = this.deletedAddress.value;
        await this.messages.flagDecomposedBy(manager, change.relationshipId, change.initiator);
        if (change.initiatorDeleted) {
            await this.messages.anonymizeParticipant(manager, change.relationshipId, change.initiator, anonymous);
        }
        if (change.newStatus === RelationshipStatus.ReadyForDeletion) {
            await this.messages.anonymizeFullyDecomposed(manager, change.relationshipId, anonymous);
        }
    }
}
