import { domainEvent } from "../../core/events/domain-events";

// The public vocabulary of the files module: the domain events it publishes.

/** Someone who is not the owner sent a wrong ownership token: the file's ownership is locked until the owner acts. */
export class FileOwnershipLocked extends domainEvent("files.fileOwnershipLocked", (fileId: string, owner: string) => ({ fileId, owner })) {}

/** The ownership of a file was claimed with its ownership token: `newOwner` owns it now. */
export class FileOwnershipClaimed extends domainEvent(
    "files.fileOwnershipClaimed",
    (fileId: string, previousOwner: string, newOwner: string) => ({ fileId, previousOwner, newOwner })
) {}
