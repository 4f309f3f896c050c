import type { DomainEvent } from "../../core/events/domain-events";

// The public vocabulary of the files module: the domain events it publishes.

/** Someone who is not the owner sent a wrong ownership token: the file's ownership is locked until the owner acts. */
export class FileOwnershipLocked implements DomainEvent {
    static readonly eventName = "files.fileOwnershipLocked";
    readonly name = FileOwnershipLocked.eventName;
    constructor(
        readonly fileId: string,
        readonly owner: string
    ) {}
}

/** The ownership of a file was claimed with its ownership token: `newOwner` owns it now. */
export class FileOwnershipClaimed implements DomainEvent {
    static readonly eventName = "files.fileOwnershipClaimed";
    readonly name = FileOwnershipClaimed.eventName;
    constructor(
        readonly fileId: string,
        readonly previousOwner: string,
        readonly newOwner: string
    ) {}
}
