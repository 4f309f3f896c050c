import { Inject, Injectable, type OnModuleInit } from "@nestjs/common";
import type { EntityManager } from "typeorm";

import { Clock } from "../../core/clock/clock";
import { DeletedIdentityAddress } from "../../core/crypto/identity-address";
import { DomainEvents } from "../../core/events/domain-events";
import { IdentityDeleted, IdentityDeletionCancelled, IdentityDeletionStarted, IdentityToBeDeleted } from "../identities/identities.events";
import type { Relationship } from "./relationship.entity";
import { PeerDeleted, PeerDeletionCancelled, PeerToBeDeleted, RelationshipStatus } from "./relationships.events";
import { RelationshipsRepository } from "./relationships.repository";

/** The relationships whose peers learn about an identity's deletion (PeerToBeDeleted, PeerDeletionCancelled, PeerDeleted). */
const PEER_INFORMED_STATUSES: readonly RelationshipStatus[] = [
    RelationshipStatus.Pending,
    RelationshipStatus.Active,
    RelationshipStatus.Terminated
];

/**
 * The relationships module's reactions to an identity's deletion, in the transaction of each step: the peers of its
 * Pending, Active or Terminated relationships are told when it is to be deleted, cancels or is being deleted; once
 * deleted, every relationship of it is decomposed on its behalf and its address anonymised.
 */
@Injectable()
export class RelationshipsIdentityDeletion implements OnModuleInit {
    constructor(
        private readonly events: DomainEvents,
        private readonly relationships: RelationshipsRepository,
        @Inject(Clock) private readonly clock: Clock,
        private readonly deletedAddress: DeletedIdentityAddress
    ) {}

    onModuleInit(): void {
        this.events.subscribe(IdentityToBeDeleted, (manager, event) =>
            this.informPeers(manager, event.address, (r, peer) => new PeerToBeDeleted(r.id, peer, event.address, event.deletionDate))
        );
        this.events.subscribe(IdentityDeletionCancelled, (manager, event) =>
            this.informPeers(manager, event.address, (r, peer) => new PeerDeletionCancelled(r.id, peer, event.address))
        );
        this.events.subscribe(IdentityDeletionStarted, (manager, event) =>
            this.informPeers(manager, event.address, (r, peer) => new PeerDeleted(r.id, peer, event.address, event.deletionDate))
        );
        this.events.subscribe(IdentityDeleted, (manager, event) => this.decomposeAllOf(manager, event.address));
    }

    /** Tells the peer of every Pending, Active or Terminated relationship of `address` (one domain event each). */
    private async informPeers(
        manager: EntityManager,
        address: string,
        event: (relationship: Relationship, peer: string) => PeerToBeDeleted | PeerDeletionCancelled | PeerDeleted
    ): Promise<void> {
        const relationships = await this.relationships.ofParticipantIn(manager, address, PEER_INFORMED_STATUSES);
        await this.events.publish(manager, ...relationships.map((r) => event(r, r.peerOf(address))));
    }

    /**
     * Decomposes every relationship of a deleted identity on its behalf and replaces its address by the anonymised
     * one. The subscribers of the status change see the original addresses, before the anonymisation.
     */
    private async decomposeAllOf(manager: EntityManager, address: string): Promise<void> {
        const now = this.clock.now();
        const anonymized = this.deletedAddress.value;
        for (const relationship of await this.relationships.lockAllOf(manager, address)) {
            await this.events.publish(manager, ...relationship.decomposeDueToIdentityDeletion(address, now));
            relationship.anonymizeParticipant(address, anonymized);
            await this.relationships.saveWithDeletedParticipant(manager, relationship);
        }
    }
}
