import { domainEvent, identityEvent } from "../../core/events/domain-events";

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

const addressAndDeletionDate = (address: string, deletionDate: Date) => ({ address, deletionDate });
const addressAndProcess = (address: string, deletionProcessId: string) => ({ address, deletionProcessId });

/** An identity started its deletion: peers must learn it will be deleted at `deletionDate`. */
export class IdentityToBeDeleted extends domainEvent("identities.identityToBeDeleted", addressAndDeletionDate) {}

/** An identity cancelled its deletion. */
export class IdentityDeletionCancelled extends identityEvent("identities.identityDeletionCancelled") {}

/** The grace period of an identity's deletion is over and its deletion begins: peers learn it is gone. */
export class IdentityDeletionStarted extends domainEvent("identities.identityDeletionStarted", addressAndDeletionDate) {}

/** Every module deletes or anonymises what belongs to this identity, in the transaction that removes it. */
export class IdentityDeleted extends identityEvent("identities.identityDeleted") {}

/** Support started a deletion process of an identity: its devices must learn it (they did not start it). */
export class DeletionProcessStartedBySupport extends domainEvent("identities.deletionProcessStartedBySupport", addressAndProcess) {}

/** Support cancelled a deletion process of an identity: its devices must learn the new status. */
export class DeletionProcessCancelledBySupport extends domainEvent("identities.deletionProcessCancelledBySupport", addressAndProcess) {}
