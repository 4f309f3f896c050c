import type { DomainEvent } from "../../core/events/domain-events";

/** An identity started its deletion: peers must learn it will be deleted at `deletionDate`. */
export class IdentityToBeDeleted implements DomainEvent {
    static readonly eventName = "devices.identityToBeDeleted";
    readonly name = IdentityToBeDeleted.eventName;
    constructor(
        readonly address: string,
        readonly deletionDate: Date
    ) {}
}

/** An identity cancelled its deletion. */
export class IdentityDeletionCancelled implements DomainEvent {
    static readonly eventName = "devices.identityDeletionCancelled";
    readonly name = IdentityDeletionCancelled.eventName;
    constructor(readonly address: string) {}
}

/** The grace period of an identity's deletion is over and its deletion begins: peers learn it is gone. */
export class IdentityDeletionStarted implements DomainEvent {
    static readonly eventName = "devices.identityDeletionStarted";
    readonly name = IdentityDeletionStarted.eventName;
    constructor(
        readonly address: string,
        readonly deletionDate: Date
    ) {}
}

/** Every module deletes or anonymises what belongs to this identity, in the transaction that removes it. */
export class IdentityDeleted implements DomainEvent {
    static readonly eventName = "devices.identityDeleted";
    readonly name = IdentityDeleted.eventName;
    constructor(readonly address: string) {}
}

/** A device was deleted (e.g. an un-onboarded device removed by its identity); what belongs to it goes too. */
export class DeviceDeleted implements DomainEvent {
    static readonly eventName = "devices.deviceDeleted";
    readonly name = DeviceDeleted.eventName;
    constructor(
        readonly address: string,
        readonly deviceId: string
    ) {}
}

/** Support started a deletion process of an identity: its devices must learn it (they did not start it). */
export class DeletionProcessStartedBySupport implements DomainEvent {
    static readonly eventName = "devices.deletionProcessStartedBySupport";
    readonly name = DeletionProcessStartedBySupport.eventName;
    constructor(
        readonly address: string,
        readonly deletionProcessId: string
    ) {}
}

/** Support cancelled a deletion process of an identity: its devices must learn the new status. */
export class DeletionProcessCancelledBySupport implements DomainEvent {
    static readonly eventName = "devices.deletionProcessCancelledBySupport";
    readonly name = DeletionProcessCancelledBySupport.eventName;
    constructor(
        readonly address: string,
        readonly deletionProcessId: string
    ) {}
}
