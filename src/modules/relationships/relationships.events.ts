import type { DomainEvent } from "../../core/events/domain-events";

// The public vocabulary of the relationships module: statuses, audit log reasons and the domain events it publishes.

/** Published by the relationship templates module; exported here too, where its subscribers have always found it. */
export { RelationshipTemplateAllocationsExhausted } from "../relationship-templates/relationship-templates.events";

/** The status of a relationship. */
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

/** Why an entry was added to a relationship's audit log. */
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

/**
 * A relationship's status changed (its creation too: from null to Pending), published in the transaction of the
 * change. On an identity's deletion it is published for every relationship of the identity with `initiatorDeleted`,
 * also for one the identity had already decomposed itself (then `oldStatus` equals `newStatus`); the deleted
 * identity's address is anonymised in the relationship right after the subscribers ran.
 */
export class RelationshipStatusChanged implements DomainEvent {
    static readonly eventName = "relationships.relationshipStatusChanged";
    readonly name = RelationshipStatusChanged.eventName;
    constructor(
        readonly relationshipId: string,
        /** The identity that caused the change. */
        readonly initiator: string,
        /** The other participant (the anonymised address once it has been deleted). */
        readonly peer: string,
        readonly oldStatus: RelationshipStatus | null,
        readonly newStatus: RelationshipStatus,
        readonly initiatorDeleted = false
    ) {}
}

/** A participant of a Terminated relationship asked the other to reactivate it (the status stays Terminated). */
export class RelationshipReactivationRequested implements DomainEvent {
    static readonly eventName = "relationships.relationshipReactivationRequested";
    readonly name = RelationshipReactivationRequested.eventName;
    constructor(
        readonly relationshipId: string,
        readonly initiator: string,
        readonly peer: string
    ) {}
}

/**
 * A reactivation request was answered: accepted (the relationship is Active again), rejected by the peer or revoked
 * by the requester (it stays Terminated).
 */
export class RelationshipReactivationCompleted implements DomainEvent {
    static readonly eventName = "relationships.relationshipReactivationCompleted";
    readonly name = RelationshipReactivationCompleted.eventName;
    constructor(
        readonly relationshipId: string,
        /** The identity that answered (or revoked) the request. */
        readonly initiator: string,
        readonly peer: string,
        readonly newStatus: RelationshipStatus
    ) {}
}

/** The peer of a Pending, Active or Terminated relationship started its deletion: it will be deleted at `deletionDate`. */
export class PeerToBeDeleted implements DomainEvent {
    static readonly eventName = "relationships.peerToBeDeleted";
    readonly name = PeerToBeDeleted.eventName;
    constructor(
        readonly relationshipId: string,
        /** The identity that is told. */
        readonly peer: string,
        readonly identityToBeDeleted: string,
        readonly deletionDate: Date
    ) {}
}

/** The peer of a Pending, Active or Terminated relationship cancelled its deletion. */
export class PeerDeletionCancelled implements DomainEvent {
    static readonly eventName = "relationships.peerDeletionCancelled";
    readonly name = PeerDeletionCancelled.eventName;
    constructor(
        readonly relationshipId: string,
        /** The identity that is told. */
        readonly peer: string,
        readonly identity: string
    ) {}
}

/** The peer of a Pending, Active or Terminated relationship is being deleted now (its grace period is over). */
export class PeerDeleted implements DomainEvent {
    static readonly eventName = "relationships.peerDeleted";
    readonly name = PeerDeleted.eventName;
    constructor(
        readonly relationshipId: string,
        /** The identity that is told. */
        readonly peer: string,
        readonly deletedIdentity: string,
        readonly deletionDate: Date
    ) {}
}
