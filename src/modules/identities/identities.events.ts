import type { DomainEvent } from "../../core/events/domain-events";

// The public vocabulary of the identities module (identities and their deletion processes): its statuses and the
// domain events it publishes. Other modules use these instead of spelling the values.

/** The status of an identity: Active, ToBeDeleted (a deletion process runs its grace period), Deleting. */
export const IdentityStatus = { Active: "Active", ToBeDeleted: "ToBeDeleted", Deleting: "Deleting" } as const;
export type IdentityStatus = (typeof IdentityStatus)[keyof typeof IdentityStatus];

/** The status of an identity's deletion process. */
export const DeletionProcessStatus = { Active: "Active", Cancelled: "Cancelled", Deleting: "Deleting" } as const;
export type DeletionProcessStatus = (typeof DeletionProcessStatus)[keyof typeof DeletionProcessStatus];

/** What happened to a deletion process, as the official Backbone names it in its audit log. */
export const DeletionAuditLogMessageKey = {
    StartedByOwner: "StartedByOwner",
    StartedBySupport: "StartedBySupport",
    CancelledByOwner: "CancelledByOwner",
    CancelledBySupport: "CancelledBySupport",
    DeletionStarted: "DeletionStarted",
    DeletionCompleted: "DeletionCompleted"
} as const;
export type DeletionAuditLogMessageKey = (typeof DeletionAuditLogMessageKey)[keyof typeof DeletionAuditLogMessageKey];

/** An identity started its deletion: peers must learn it will be deleted at `deletionDate`. */
export class IdentityToBeDeleted implements DomainEvent {
    static readonly eventName = "identities.identityToBeDeleted";
    readonly name = IdentityToBeDeleted.eventName;
    constructor(
        readonly address: string,
        readonly deletionDate: Date
    ) {}
}

/** An identity cancelled its deletion. */
export class IdentityDeletionCancelled implements DomainEvent {
    static readonly eventName = "identities.identityDeletionCancelled";
    readonly name = IdentityDeletionCancelled.eventName;
    constructor(readonly address: string) {}
}

/** The grace period of an identity's deletion is over and its deletion begins: peers learn it is gone. */
export class IdentityDeletionStarted implements DomainEvent {
    static readonly eventName = "identities.identityDeletionStarted";
    readonly name = IdentityDeletionStarted.eventName;
    constructor(
        readonly address: string,
        readonly deletionDate: Date
    ) {}
}

/** Every module deletes or anonymises what belongs to this identity, in the transaction that removes it. */
export class IdentityDeleted implements DomainEvent {
    static readonly eventName = "identities.identityDeleted";
    readonly name = IdentityDeleted.eventName;
    constructor(readonly address: string) {}
}

/** Support started a deletion process of an identity: its devices must learn it (they did not start it). */
export class DeletionProcessStartedBySupport implements DomainEvent {
    static readonly eventName = "identities.deletionProcessStartedBySupport";
    readonly name = DeletionProcessStartedBySupport.eventName;
    constructor(
        readonly address: string,
        readonly deletionProcessId: string
    ) {}
}

/** Support cancelled a deletion process of an identity: its devices must learn the new status. */
export class DeletionProcessCancelledBySupport implements DomainEvent {
    static readonly eventName = "identities.deletionProcessCancelledBySupport";
    readonly name = DeletionProcessCancelledBySupport.eventName;
    constructor(
        readonly address: string,
        readonly deletionProcessId: string
    ) {}
}
