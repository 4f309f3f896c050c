import { domainEvent } from "../../core/events/domain-events";

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
 * identity's address is anonymised in the relationship right after the subscribers ran. `initiator` is the identity
 * that caused the change, `peer` the other participant (the anonymised address once it has been deleted).
 */
export class RelationshipStatusChanged extends domainEvent(
    "relationships.relationshipStatusChanged",
    (
        relationshipId: string,
        initiator: string,
        peer: string,
        oldStatus: RelationshipStatus | null,
        newStatus: RelationshipStatus,
        initiatorDeleted = false
    ) => ({ relationshipId, initiator, peer, oldStatus, newStatus, initiatorDeleted })
) {}

/** A participant of a Terminated relationship asked the other to reactivate it (the status stays Terminated). */
export class RelationshipReactivationRequested extends domainEvent(
    "relationships.relationshipReactivationRequested",
    (relationshipId: string, initiator: string, peer: string) => ({ relationshipId, initiator, peer })
) {}

/**
 * A reactivation request was answered: accepted (the relationship is Active again), rejected by the peer or revoked
 * by the requester (it stays Terminated). `initiator` is the identity that answered (or revoked) the request.
 */
export class RelationshipReactivationCompleted extends domainEvent(
    "relationships.relationshipReactivationCompleted",
    (relationshipId: string, initiator: string, peer: string, newStatus: RelationshipStatus) => ({
        relationshipId,
        initiator,
        peer,
        newStatus
    })
) {}

/**
 * The peer of a Pending, Active or Terminated relationship started its deletion: it will be deleted at `deletionDate`.
 * `peer` is the identity that is told (likewise below).
 */
export class PeerToBeDeleted extends domainEvent(
    "relationships.peerToBeDeleted",
    (relationshipId: string, peer: string, identityToBeDeleted: string, deletionDate: Date) => ({
        relationshipId,
        peer,
        identityToBeDeleted,
        deletionDate
    })
) {}

/** The peer of a Pending, Active or Terminated relationship cancelled its deletion. */
export class PeerDeletionCancelled extends domainEvent(
    "relationships.peerDeletionCancelled",
    (relationshipId: string, peer: string, identity: string) => ({ relationshipId, peer, identity })
) {}

/** The peer of a Pending, Active or Terminated relationship is being deleted now (its grace period is over). */
export class PeerDeleted extends domainEvent(
    "relationships.peerDeleted",
    (relationshipId: string, peer: string, deletedIdentity: string, deletionDate: Date) => ({
        relationshipId,
        peer,
        deletedIdentity,
        deletionDate
    })
) {}
