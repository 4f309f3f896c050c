import type { DomainEvent } from "../../core/events/domain-events";
import type { RelationshipStatus } from "../relationships/relationships.events";

// The public vocabulary of the messages module: the domain events it publishes.

/** One recipient of a sent message, with the relationship the message travels over and its status when sent. */
export interface SentMessageRecipient {
    address: string;
    relationshipId: string;
    relationshipStatus: RelationshipStatus;
}

/** A message was sent to its recipients. */
export class MessageSent implements DomainEvent {
    static readonly eventName = "messages.messageSent";
    readonly name = MessageSent.eventName;
    constructor(
        readonly messageId: string,
        readonly sender: string,
        readonly recipients: readonly SentMessageRecipient[]
    ) {}
}
