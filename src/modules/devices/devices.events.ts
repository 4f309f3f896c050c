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
