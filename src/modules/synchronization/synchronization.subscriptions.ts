import { Injectable, type OnModuleInit } from "@nestjs/common";
import type { EntityManager } from "typeorm";

import { DeletedIdentityAddress } from "../../core/crypto/identity-address";
import { DomainEvents } from "../../core/events/domain-events";
import { FeatureFlagsChanged } from "../feature-flags/feature-flags.events";
import { FileOwnershipClaimed, FileOwnershipLocked } from "../files/files.events";
import {
    DeletionProcessCancelledBySupport,
    DeletionProcessStartedBySupport,
    IdentityDeletionCancelled,
    IdentityStatus
} from "../identities/identities.events";
import { IdentitiesService } from "../identities/identities.service";
import { MessageSent } from "../messages/messages.events";
import {
    PeerDeleted,
    PeerDeletionCancelled,
    PeerToBeDeleted,
    RelationshipReactivationCompleted,
    RelationshipReactivationRequested,
    RelationshipStatus,
    RelationshipStatusChanged,
    RelationshipTemplateAllocationsExhausted
} from "../relationships/relationships.events";
import { RelationshipsService } from "../relationships/relationships.service";
import { TokenLocked } from "../tokens/tokens.events";
import { ExternalEventsService } from "./external-events.service";
import { ExternalEventType } from "./synchronization.events";

/** What a relationship's status change means for the external events of its participants. */
export interface StatusChangeEffects {
    /** The external event to record. */
    notify?: { owner: string; type: ExternalEventType };
    /** What happens to the MessageReceived events held back for the relationship (while it was Pending or Terminated). */
    heldBackMessages?: "release" | "drop";
    /** This identity decomposed the relationship: its not yet synced MessageReceived events of it are dropped. */
    dropUnsyncedMessagesOf?: string;
}

/** Relationship statuses in which a recipient's MessageReceived is held back until the relationship is Active. */
const HELD_BACK_STATUSES: ReadonlySet<RelationshipStatus> = new Set([RelationshipStatus.Pending, RelationshipStatus.Terminated]);

/**
 * The rules for a relationship's status change: the peer learns every change (RelationshipStatusChanged) except the
 * second decomposition (ReadyForDeletion); becoming Active releases the held-back messages, a rejection or revocation
 * drops them; whoever decomposes drops its own unsynced messages of the relationship. A re-announcement without a
 * change (an identity's deletion over a relationship it had decomposed already) means nothing here.
 */
export function effectsOfStatusChange(change: RelationshipStatusChanged): StatusChangeEffects {
    if (change.oldStatus === change.newStatus) return {};
    const effects: StatusChangeEffects = {};
    if (change.newStatus !== RelationshipStatus.ReadyForDeletion) {
        effects.notify = { owner: change.peer, type: ExternalEventType.RelationshipStatusChanged };
    }
    switch (change.newStatus) {
        case RelationshipStatus.Active:
            effects.heldBackMessages = "release";
            break;
        case RelationshipStatus.Rejected:
        case RelationshipStatus.Revoked:
            effects.heldBackMessages = "drop";
            break;
        case RelationshipStatus.DeletionProposed:
        case RelationshipStatus.ReadyForDeletion:
            effects.dropUnsyncedMessagesOf = change.initiator;
            break;
    }
    return effects;
}

/**
 * Turns the domain events of the other modules into the external events of the wire contract (the official
 * Backbone's shape): the one place that decides who learns what on their next sync. Every subscriber runs in the
 * transaction that published the event, so an external event commits (and is announced) with the change that caused
 * it, or not at all. Reads that decide (an identity's status, a relationship's status, who follows an identity) take
 * that transaction's manager. The anonymised address of deleted identities never gets events.
 */
@Injectable()
export class ExternalEventsFromDomainEvents implements OnModuleInit {
    constructor(
        private readonly domainEvents: DomainEvents,
        private readonly externalEvents: ExternalEventsService,
        private readonly identities: IdentitiesService,
        private readonly relationships: RelationshipsService,
        private readonly deletedAddress: DeletedIdentityAddress
    ) {}

    onModuleInit(): void {
        const on = this.domainEvents;
        // Tokens: the creator learns that wrong passwords locked its token, unless it is being deleted.
        on.subscribe(TokenLocked, async (manager, e) => {
            if ((await this.identities.statusOf(e.createdBy, manager)) !== IdentityStatus.Active) return;
            await this.record(manager, e.createdBy, ExternalEventType.TokenLocked, { tokenId: e.tokenId });
        });
        // Files: the owner learns of a lock and of a claim.
        on.subscribe(FileOwnershipLocked, (manager, e) =>
            this.record(manager, e.owner, ExternalEventType.FileOwnershipLocked, { fileId: e.fileId })
        );
        on.subscribe(FileOwnershipClaimed, (manager, e) =>
            this.record(manager, e.previousOwner, ExternalEventType.FileOwnershipClaimed, { fileId: e.fileId, newOwnerAddress: e.newOwner })
        );
        // Relationship templates: the creator learns that the last allocation is gone.
        on.subscribe(RelationshipTemplateAllocationsExhausted, (manager, e) =>
            this.record(manager, e.createdBy, ExternalEventType.RelationshipTemplateAllocationsExhausted, {
                relationshipTemplateId: e.relationshipTemplateId
            })
        );
        // Relationships.
        on.subscribe(RelationshipStatusChanged, (manager, e) => this.onStatusChanged(manager, e));
        on.subscribe(RelationshipReactivationRequested, (manager, e) =>
            this.recordForPeer(manager, e.peer, ExternalEventType.RelationshipReactivationRequested, { relationshipId: e.relationshipId })
        );
        on.subscribe(RelationshipReactivationCompleted, async (manager, e) => {
            await this.recordForPeer(manager, e.peer, ExternalEventType.RelationshipReactivationCompleted, {
                relationshipId: e.relationshipId
            });
            if (e.newStatus === RelationshipStatus.Active) await this.externalEvents.releaseBlocked(manager, e.relationshipId);
        });
        on.subscribe(PeerToBeDeleted, (manager, e) =>
            this.recordForPeer(manager, e.peer, ExternalEventType.PeerToBeDeleted, {
                relationshipId: e.relationshipId,
                deletionDate: e.deletionDate.toISOString()
            })
        );
        on.subscribe(PeerDeletionCancelled, (manager, e) =>
            this.recordForPeer(manager, e.peer, ExternalEventType.PeerDeletionCancelled, { relationshipId: e.relationshipId })
        );
        on.subscribe(PeerDeleted, (manager, e) =>
            this.recordForPeer(manager, e.peer, ExternalEventType.PeerDeleted, {
                relationshipId: e.relationshipId,
                deletionDate: e.deletionDate.toISOString()
            })
        );
        // Messages: every recipient gets a MessageReceived, held back while the relationship is Pending or Terminated
        // or the recipient is to be deleted.
        on.subscribe(MessageSent, (manager, e) => this.onMessageSent(manager, e));
        // Feature flags: the identities that follow the identity (relationships, allocated templates) learn of a change.
        on.subscribe(FeatureFlagsChanged, async (manager, e) => {
            const followers = await this.relationships.followersOf(manager, e.address);
            await this.externalEvents.record(
                manager,
                followers.map((owner) => ({ owner, type: ExternalEventType.PeerFeatureFlagsChanged, payload: { peerAddress: e.address } }))
            );
        });
        // Deletion processes that support starts or cancels reach the identity's own devices.
        on.subscribe(DeletionProcessStartedBySupport, (manager, e) =>
            this.record(manager, e.address, ExternalEventType.IdentityDeletionProcessStarted, { deletionProcessId: e.deletionProcessId })
        );
        on.subscribe(DeletionProcessCancelledBySupport, (manager, e) =>
            this.record(manager, e.address, ExternalEventType.IdentityDeletionProcessStatusChanged, {
                deletionProcessId: e.deletionProcessId
            })
        );
        // A cancelled deletion releases the identity's held-back MessageReceived events where the relationship is
        // Active; those of Pending or Terminated relationships stay held back until the relationship allows them.
        on.subscribe(IdentityDeletionCancelled, (manager, e) => this.releaseHeldBackAfterCancelledDeletion(manager, e.address));
    }

    private async onStatusChanged(manager: EntityManager, change: RelationshipStatusChanged): Promise<void> {
        const effects = effectsOfStatusChange(change);
        if (effects.notify) {
            await this.recordForPeer(manager, effects.notify.owner, effects.notify.type, { relationshipId: change.relationshipId });
        }
        if (effects.heldBackMessages === "release") await this.externalEvents.releaseBlocked(manager, change.relationshipId);
        if (effects.heldBackMessages === "drop") await this.externalEvents.deleteBlocked(manager, change.relationshipId);
        if (effects.dropUnsyncedMessagesOf) {
            await this.externalEvents.deleteUnsynced(
                manager,
                effects.dropUnsyncedMessagesOf,
                ExternalEventType.MessageReceived,
                change.relationshipId
            );
        }
    }

    private async onMessageSent(manager: EntityManager, message: MessageSent): Promise<void> {
        const statuses = await this.identities.statusesOf(
            message.recipients.map((r) => r.address),
            manager
        );
        const events = message.recipients.map((recipient) => ({
            owner: recipient.address,
            type: ExternalEventType.MessageReceived,
            payload: { id: message.messageId },
            context: recipient.relationshipId,
            blocked: HELD_BACK_STATUSES.has(recipient.relationshipStatus) || statuses.get(recipient.address) === IdentityStatus.ToBeDeleted
        }));
        await this.externalEvents.record(manager, events);
    }

    private async releaseHeldBackAfterCancelledDeletion(manager: EntityManager, address: string): Promise<void> {
        const contexts = await this.externalEvents.blockedContextsOf(manager, address, ExternalEventType.MessageReceived);
        const statuses = await this.relationships.statusesOf(manager, contexts);
        const releasable = contexts.filter((id) => statuses.get(id) === RelationshipStatus.Active);
        await this.externalEvents.releaseBlockedOf(manager, address, ExternalEventType.MessageReceived, releasable);
    }

    private async record(manager: EntityManager, owner: string, type: ExternalEventType, payload: Record<string, string>): Promise<void> {
        await this.externalEvents.record(manager, [{ owner, type, payload }]);
    }

    /** An event for the other participant of a relationship, unless that one has been deleted (anonymised). */
    private async recordForPeer(
        manager: EntityManager,
        peer: string,
        type: ExternalEventType,
        payload: Record<string, string>
    ): Promise<void> {
        if (peer === this.deletedAddress.value) return;
        await this.record(manager, peer, type, payload);
    }
}
