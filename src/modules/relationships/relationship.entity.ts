import { Column, Entity, Index, PrimaryColumn } from "typeorm";

import { notFound } from "../../core/errors/errors";
import { newId } from "../../core/ids/ids";
import { ExternalEventType } from "../synchronization/external-event-types";
import { RelationshipsErrors } from "./relationships.errors";

export const RelationshipStatus = {
    Pending: "Pending",
    Active: "Active",
    Rejected: "Rejected",
    Revoked: "Revoked",
    Terminated: "Terminated",
    DeletionProposed: "DeletionProposed",
    ReadyForDeletion: "ReadyForDeletion"
} as const;
export type RelationshipStatus = (typeof RelationshipStatus)[keyof typeof RelationshipStatus];
export const RELATIONSHIP_STATUSES = Object.values(RelationshipStatus);

/** Statuses that block a new relationship between the same two identities. */
export const OPEN_RELATIONSHIP_STATUSES: readonly RelationshipStatus[] = [
    RelationshipStatus.Pending,
    RelationshipStatus.Active,
    RelationshipStatus.Terminated,
    RelationshipStatus.DeletionProposed
];

export const AuditLogReason = {
    Creation: "Creation",
    AcceptanceOfCreation: "AcceptanceOfCreation",
    RejectionOfCreation: "RejectionOfCreation",
    RevocationOfCreation: "RevocationOfCreation",
    Termination: "Termination",
    ReactivationRequested: "ReactivationRequested",
    AcceptanceOfReactivation: "AcceptanceOfReactivation",
    RejectionOfReactivation: "RejectionOfReactivation",
    RevocationOfReactivation: "RevocationOfReactivation",
    Decomposition: "Decomposition",
    DecompositionDueToIdentityDeletion: "DecompositionDueToIdentityDeletion"
} as const;
export type AuditLogReason = (typeof AuditLogReason)[keyof typeof AuditLogReason];
export const AUDIT_LOG_REASONS = Object.values(AuditLogReason);

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

/**
 * What a transition causes besides the new state: the external event for the other side, and what happens to the
 * MessageReceived events held back for this relationship.
 */
export interface TransitionEffects {
    event?: { owner: string; type: ExternalEventType };
    heldBackMessages?: "release" | "drop";
    /** The actor's own not yet synced MessageReceived events of this relationship are dropped. */
    dropActorsUnsyncedMessages?: boolean;
}

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
        effects: TransitionEffects;
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
        return { relationship, effects: { event: { owner: input.to, type: ExternalEventType.RelationshipStatusChanged } } };
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

    accept(actor: Actor, creationResponseContent: Buffer | undefined): TransitionEffects {
        this.ensureStatus(RelationshipStatus.Pending);
        if (actor.address !== this.to) throw RelationshipsErrors.cannotAcceptOrRejectRelationshipAddressedToSomeoneElse();
        this.creationResponseContent = creationResponseContent ?? Buffer.alloc(0);
        this.changeStatus(actor, AuditLogReason.AcceptanceOfCreation, RelationshipStatus.Active);
        return { event: this.statusChangedFor(this.from), heldBackMessages: "release" };
    }

    reject(actor: Actor, creationResponseContent: Buffer | undefined): TransitionEffects {
        this.ensureStatus(RelationshipStatus.Pending);
        if (actor.address !== this.to) throw RelationshipsErrors.cannotAcceptOrRejectRelationshipAddressedToSomeoneElse();
        this.creationResponseContent = creationResponseContent ?? Buffer.alloc(0);
        this.changeStatus(actor, AuditLogReason.RejectionOfCreation, RelationshipStatus.Rejected);
        return { event: this.statusChangedFor(this.from), heldBackMessages: "drop" };
    }

    revoke(actor: Actor, creationResponseContent: Buffer | undefined): TransitionEffects {
        this.ensureStatus(RelationshipStatus.Pending);
        if (actor.address !== this.from) throw RelationshipsErrors.cannotRevokeRelationshipNotCreatedByYourself();
        this.creationResponseContent = creationResponseContent ?? Buffer.alloc(0);
        this.changeStatus(actor, AuditLogReason.RevocationOfCreation, RelationshipStatus.Revoked);
        return { event: this.statusChangedFor(this.to), heldBackMessages: "drop" };
    }

    terminate(actor: Actor): TransitionEffects {
        this.ensureStatus(RelationshipStatus.Active);
        this.changeStatus(actor, AuditLogReason.Termination, RelationshipStatus.Terminated);
        return { event: this.statusChangedFor(this.peerOf(actor.address)) };
    }

    requestReactivation(actor: Actor): TransitionEffects {
        if (this.lastEntry?.reason === AuditLogReason.ReactivationRequested) {
            throw RelationshipsErrors.cannotRequestReactivationWhenThereIsAnOpenReactivationRequest();
        }
        this.ensureStatus(RelationshipStatus.Terminated);
        this.changeStatus(actor, AuditLogReason.ReactivationRequested, RelationshipStatus.Terminated);
        return { event: { owner: this.peerOf(actor.address), type: ExternalEventType.RelationshipReactivationRequested } };
    }

    acceptReactivation(actor: Actor): TransitionEffects {
        if (!this.hasOpenReactivationRequestBy(this.peerOf(actor.address)))
            throw RelationshipsErrors.noAcceptableRelationshipReactivationRequestExists();
        this.changeStatus(actor, AuditLogReason.AcceptanceOfReactivation, RelationshipStatus.Active);
        return { event: this.reactivationCompletedFor(this.peerOf(actor.address)), heldBackMessages: "release" };
    }

    rejectReactivation(actor: Actor): TransitionEffects {
        if (!this.hasOpenReactivationRequestBy(this.peerOf(actor.address)))
            throw RelationshipsErrors.noRejectableReactivationRequestExists();
        this.changeStatus(actor, AuditLogReason.RejectionOfReactivation, RelationshipStatus.Terminated);
        return { event: this.reactivationCompletedFor(this.peerOf(actor.address)) };
    }

    revokeReactivation(actor: Actor): TransitionEffects {
        if (!this.hasOpenReactivationRequestBy(actor.address)) throw RelationshipsErrors.noRevocableReactivationRequestExists();
        this.changeStatus(actor, AuditLogReason.RevocationOfReactivation, RelationshipStatus.Terminated);
        return { event: this.reactivationCompletedFor(this.peerOf(actor.address)) };
    }

    decompose(actor: Actor, reason: AuditLogReason = AuditLogReason.Decomposition): TransitionEffects {
        if (this.hasDecomposed(actor.address)) throw RelationshipsErrors.relationshipAlreadyDecomposed();
        const first: readonly RelationshipStatus[] = [
            RelationshipStatus.Rejected,
            RelationshipStatus.Revoked,
            RelationshipStatus.Terminated
        ];
        if (first.includes(this.status)) {
            this.markDecomposedBy(actor.address);
            this.changeStatus(actor, reason, RelationshipStatus.DeletionProposed);
            return { event: this.statusChangedFor(this.peerOf(actor.address)), dropActorsUnsyncedMessages: true };
        }
        if (this.status === RelationshipStatus.DeletionProposed) {
            this.markDecomposedBy(actor.address);
            this.changeStatus(actor, reason, RelationshipStatus.ReadyForDeletion);
            return { dropActorsUnsyncedMessages: true };
        }
        throw RelationshipsErrors.relationshipIsNotInCorrectStatus([...first, RelationshipStatus.DeletionProposed]);
    }

    /**
     * Decomposition on behalf of an identity that is being deleted (no device): from any status the first
     * decomposition leads to DeletionProposed (and tells the peer), a decomposition after the peer's to
     * ReadyForDeletion. Nothing changes if the identity has already decomposed the relationship itself.
     */
    decomposeDueToIdentityDeletion(deleted: string, now: Date): TransitionEffects {
        if (!this.isParticipant(deleted)) throw notFound("Relationship");
        if (this.hasDecomposed(deleted)) return {};
        const actor: Actor = { address: deleted, deviceId: null, now };
        this.markDecomposedBy(deleted);
        if (this.status === RelationshipStatus.DeletionProposed) {
            this.changeStatus(actor, AuditLogReason.DecompositionDueToIdentityDeletion, RelationshipStatus.ReadyForDeletion);
            return { dropActorsUnsyncedMessages: true };
        }
        this.changeStatus(actor, AuditLogReason.DecompositionDueToIdentityDeletion, RelationshipStatus.DeletionProposed);
        return { event: this.statusChangedFor(this.peerOf(deleted)), dropActorsUnsyncedMessages: true };
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

    private changeStatus(actor: Actor, reason: AuditLogReason, newStatus: RelationshipStatus): void {
        this.append(actor, reason, this.status, newStatus);
        this.status = newStatus;
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

    private statusChangedFor(owner: string): { owner: string; type: ExternalEventType } {
        return { owner, type: ExternalEventType.RelationshipStatusChanged };
    }

    private reactivationCompletedFor(owner: string): { owner: string; type: ExternalEventType } {
        return { owner, type: ExternalEventType.RelationshipReactivationCompleted };
    }
}
