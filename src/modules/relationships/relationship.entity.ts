import { Column, Entity, Index, PrimaryColumn } from "typeorm";

import { notFound } from "../../core/errors/errors";
import { newId } from "../../core/ids/ids";
import { RelationshipsErrors } from "./relationships.errors";
import {
    AuditLogReason,
    RelationshipReactivationCompleted,
    RelationshipReactivationRequested,
    RelationshipStatus,
    RelationshipStatusChanged
} from "./relationships.events";

/** Statuses that block a new relationship between the same two identities. */
export const OPEN_RELATIONSHIP_STATUSES: readonly RelationshipStatus[] = [
    RelationshipStatus.Pending,
    RelationshipStatus.Active,
    RelationshipStatus.Terminated,
    RelationshipStatus.DeletionProposed
];

export interface AuditLogEntry {
    id: string;
    createdAt: string;
    createdBy: string;
    createdByDevice: string | null;
    reason: AuditLogReason;
    oldStatus: RelationshipStatus | null;
    newStatus: RelationshipStatus;
}

/** Who acts on a relationship, and when. */
export interface Actor {
    address: string;
    deviceId: string | null;
    now: Date;
}

/** What a transition tells the other modules: the domain events to publish in the transaction that stores it. */
export type RelationshipEvent = RelationshipStatusChanged | RelationshipReactivationRequested | RelationshipReactivationCompleted;

const PAIR_SEPARATOR = "|";

/** The two addresses in a fixed order, so that (a, b) and (b, a) give the same key. */
export function pairKey(a: string, b: string): string {
    return a < b ? `${a}${PAIR_SEPARATOR}${b}` : `${b}${PAIR_SEPARATOR}${a}`;
}

/**
 * A relationship between the identity that used a template (`from`) and the template's creator (`to`), with its
 * status machine and audit log.
 */
@Entity({ name: "relationships" })
// At most one Pending, Active or Terminated relationship per pair of existing identities. DeletionProposed is left out:
// decomposing a Rejected or Revoked relationship leads there while a newer relationship of the pair may be open (the
// official Backbone allows that); creation still refuses a pair with a DeletionProposed one (OPEN_RELATIONSHIP_STATUSES).
@Index("ux_relationships_pending_active_terminated_pair", ["pair"], {
    unique: true,
    where: "status IN ('Pending', 'Active', 'Terminated') AND NOT has_deleted_participant"
})
@Index("ix_relationships_pair_created_at", ["pair", "createdAt"])
@Index("ix_relationships_from", ["from"])
@Index("ix_relationships_to", ["to"])
export class Relationship {
    @PrimaryColumn({ type: "varchar", length: 20 })
    id!: string;

    @Index("ix_relationships_template")
    @Column({ type: "varchar", length: 20, nullable: true })
    relationshipTemplateId!: string | null;

    @Column({ name: "from_address", type: "varchar", length: 80 })
    from!: string;

    @Column({ name: "to_address", type: "varchar", length: 80 })
    to!: string;

    /**
     * `pairKey(from, to)` of the original addresses (kept when a participant is anonymised); unique among open
     * relationships of two existing identities (ux_relationships_pending_active_terminated_pair).
     */
    @Column({ type: "varchar", length: 161 })
    pair!: string;

    @Column({ type: "timestamptz" })
    createdAt!: Date;

    @Column({ type: "varchar", length: 20 })
    status!: RelationshipStatus;

    @Column({ type: "bytea", nullable: true })
    creationContent!: Buffer | null;

    @Column({ type: "bytea", nullable: true })
    creationResponseContent!: Buffer | null;

    @Column({ type: "boolean", default: false })
    fromHasDecomposed!: boolean;

    @Column({ type: "boolean", default: false })
    toHasDecomposed!: boolean;

    @Column({ type: "jsonb" })
    auditLog!: AuditLogEntry[];

    /**
     * A participant was deleted (and anonymised). Such a relationship no longer counts for the one-open-relationship-
     * per-pair constraint: the deleted identity can never take part in a relationship again, and deletion moves every
     * relationship of the pair (a rejected one as well as the current one) to DeletionProposed.
     */
    @Column({ type: "boolean", default: false })
    hasDeletedParticipant!: boolean;

    static create(input: { templateId: string; from: string; to: string; creationContent: Buffer | null; actor: Actor }): {
        relationship: Relationship;
        events: RelationshipEvent[];
    } {
        if (input.from === input.to) throw RelationshipsErrors.cannotCreateRelationshipWithYourself();
        const relationship = new Relationship();
        relationship.id = newId("REL");
        relationship.relationshipTemplateId = input.templateId;
        relationship.from = input.from;
        relationship.to = input.to;
        relationship.pair = pairKey(input.from, input.to);
        relationship.createdAt = input.actor.now;
        relationship.status = RelationshipStatus.Pending;
        relationship.creationContent = input.creationContent;
        relationship.creationResponseContent = null;
        relationship.fromHasDecomposed = false;
        relationship.toHasDecomposed = false;
        relationship.auditLog = [];
        relationship.hasDeletedParticipant = false;
        relationship.append(input.actor, AuditLogReason.Creation, null, RelationshipStatus.Pending);
        return {
            relationship,
            events: [new RelationshipStatusChanged(relationship.id, input.from, input.to, null, RelationshipStatus.Pending)]
        };
    }

    isParticipant(address: string): boolean {
        return this.from === address || this.to === address;
    }

    peerOf(address: string): string {
        return this.from === address ? this.to : this.from;
    }

    hasDecomposed(address: string): boolean {
        if (this.from === address) return this.fromHasDecomposed;
        if (this.to === address) return this.toHasDecomposed;
        return false;
    }

    get lastEntry(): AuditLogEntry | undefined {
        return this.auditLog[this.auditLog.length - 1];
    }

    accept(actor: Actor, creationResponseContent: Buffer | undefined): RelationshipEvent[] {
        this.ensureStatus(RelationshipStatus.Pending);
        if (actor.address !== this.to) throw RelationshipsErrors.cannotAcceptOrRejectRelationshipAddressedToSomeoneElse();
        this.creationResponseContent = creationResponseContent ?? Buffer.alloc(0);
        return this.changeStatus(actor, AuditLogReason.AcceptanceOfCreation, RelationshipStatus.Active);
    }

    reject(actor: Actor, creationResponseContent: Buffer | undefined): RelationshipEvent[] {
        this.ensureStatus(RelationshipStatus.Pending);
        if (actor.address !== this.to) throw RelationshipsErrors.cannotAcceptOrRejectRelationshipAddressedToSomeoneElse();
        this.creationResponseContent = creationResponseContent ?? Buffer.alloc(0);
        return this.changeStatus(actor, AuditLogReason.RejectionOfCreation, RelationshipStatus.Rejected);
    }

    revoke(actor: Actor, creationResponseContent: Buffer | undefined): RelationshipEvent[] {
        this.ensureStatus(RelationshipStatus.Pending);
        if (actor.address !== this.from) throw RelationshipsErrors.cannotRevokeRelationshipNotCreatedByYourself();
        this.creationResponseContent = creationResponseContent ?? Buffer.alloc(0);
        return this.changeStatus(actor, AuditLogReason.RevocationOfCreation, RelationshipStatus.Revoked);
    }

    terminate(actor: Actor): RelationshipEvent[] {
        this.ensureStatus(RelationshipStatus.Active);
        return this.changeStatus(actor, AuditLogReason.Termination, RelationshipStatus.Terminated);
    }

    requestReactivation(actor: Actor): RelationshipEvent[] {
        if (this.lastEntry?.reason === AuditLogReason.ReactivationRequested) {
            throw RelationshipsErrors.cannotRequestReactivationWhenThereIsAnOpenReactivationRequest();
        }
        this.ensureStatus(RelationshipStatus.Terminated);
        this.changeStatus(actor, AuditLogReason.ReactivationRequested, RelationshipStatus.Terminated);
        return [new RelationshipReactivationRequested(this.id, actor.address, this.peerOf(actor.address))];
    }

    acceptReactivation(actor: Actor): RelationshipEvent[] {
        if (!this.hasOpenReactivationRequestBy(this.peerOf(actor.address)))
            throw RelationshipsErrors.noAcceptableRelationshipReactivationRequestExists();
        this.changeStatus(actor, AuditLogReason.AcceptanceOfReactivation, RelationshipStatus.Active);
        return [this.reactivationCompleted(actor)];
    }

    rejectReactivation(actor: Actor): RelationshipEvent[] {
        if (!this.hasOpenReactivationRequestBy(this.peerOf(actor.address)))
            throw RelationshipsErrors.noRejectableReactivationRequestExists();
        this.changeStatus(actor, AuditLogReason.RejectionOfReactivation, RelationshipStatus.Terminated);
        return [this.reactivationCompleted(actor)];
    }

    revokeReactivation(actor: Actor): RelationshipEvent[] {
        if (!this.hasOpenReactivationRequestBy(actor.address)) throw RelationshipsErrors.noRevocableReactivationRequestExists();
        this.changeStatus(actor, AuditLogReason.RevocationOfReactivation, RelationshipStatus.Terminated);
        return [this.reactivationCompleted(actor)];
    }

    decompose(actor: Actor, reason: AuditLogReason = AuditLogReason.Decomposition): RelationshipEvent[] {
        if (this.hasDecomposed(actor.address)) throw RelationshipsErrors.relationshipAlreadyDecomposed();
        const first: readonly RelationshipStatus[] = [
            RelationshipStatus.Rejected,
            RelationshipStatus.Revoked,
            RelationshipStatus.Terminated
        ];
        if (first.includes(this.status)) {
            this.markDecomposedBy(actor.address);
            return this.changeStatus(actor, reason, RelationshipStatus.DeletionProposed);
        }
        if (this.status === RelationshipStatus.DeletionProposed) {
            this.markDecomposedBy(actor.address);
            return this.changeStatus(actor, reason, RelationshipStatus.ReadyForDeletion);
        }
        throw RelationshipsErrors.relationshipIsNotInCorrectStatus([...first, RelationshipStatus.DeletionProposed]);
    }

    /**
     * Decomposition on behalf of an identity that is being deleted (no device): from any status the first
     * decomposition leads to DeletionProposed, a decomposition after the peer's to ReadyForDeletion. Nothing changes
     * if the identity has already decomposed the relationship itself; the status change is announced either way (with
     * `initiatorDeleted`), so that every module removes the deleted identity from what belongs to the relationship.
     */
    decomposeDueToIdentityDeletion(deleted: string, now: Date): RelationshipEvent[] {
        if (!this.isParticipant(deleted)) throw notFound("Relationship");
        const oldStatus = this.status;
        if (!this.hasDecomposed(deleted)) {
            const actor: Actor = { address: deleted, deviceId: null, now };
            this.markDecomposedBy(deleted);
            const newStatus =
                this.status === RelationshipStatus.DeletionProposed
                    ? RelationshipStatus.ReadyForDeletion
                    : RelationshipStatus.DeletionProposed;
            this.changeStatus(actor, AuditLogReason.DecompositionDueToIdentityDeletion, newStatus);
        }
        return [new RelationshipStatusChanged(this.id, deleted, this.peerOf(deleted), oldStatus, this.status, true)];
    }

    /** Replaces a deleted participant's address by the anonymised address, in `from`/`to` and in the audit log. */
    anonymizeParticipant(deleted: string, anonymized: string): void {
        if (this.from === deleted) this.from = anonymized;
        if (this.to === deleted) this.to = anonymized;
        this.auditLog = this.auditLog.map((entry) => (entry.createdBy === deleted ? { ...entry, createdBy: anonymized } : entry));
        this.hasDeletedParticipant = true;
    }

    private hasOpenReactivationRequestBy(address: string): boolean {
        const last = this.lastEntry;
        return last?.reason === AuditLogReason.ReactivationRequested && last.createdBy === address;
    }

    private markDecomposedBy(address: string): void {
        if (this.from === address) this.fromHasDecomposed = true;
        else this.toHasDecomposed = true;
    }

    private ensureStatus(expected: RelationshipStatus): void {
        if (this.status !== expected) throw RelationshipsErrors.relationshipIsNotInCorrectStatus([expected]);
    }

    /** Moves to `newStatus` with an audit log entry; returns the status change to announce. */
    private changeStatus(actor: Actor, reason: AuditLogReason, newStatus: RelationshipStatus): RelationshipEvent[] {
        const oldStatus = this.status;
        this.append(actor, reason, oldStatus, newStatus);
        this.status = newStatus;
        return [new RelationshipStatusChanged(this.id, actor.address, this.peerOf(actor.address), oldStatus, newStatus)];
    }

    private append(actor: Actor, reason: AuditLogReason, oldStatus: RelationshipStatus | null, newStatus: RelationshipStatus): void {
        this.auditLog = [
            ...this.auditLog,
            {
                id: newId("RAL"),
                createdAt: actor.now.toISOString(),
                createdBy: actor.address,
                createdByDevice: actor.deviceId,
                reason,
                oldStatus,
                newStatus
            }
        ];
    }

    private reactivationCompleted(actor: Actor): RelationshipReactivationCompleted {
        return new RelationshipReactivationCompleted(this.id, actor.address, this.peerOf(actor.address), this.status);
    }
}
