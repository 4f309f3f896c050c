import { domainEvent } from "../../core/events/domain-events";
import type { RelationshipStatus } from "../relationships/relationships.events";

// The public vocabulary of the messages module: the domain events it publishes.

/** One recipient of a sent message, with the relationship the message travels over and its status when sent. */
export interface SentMessageRecipient {
    address: string;
    relationshipId: string;
    relationshipStatus: RelationshipStatus;
}

/** A message was sent to its recipients. */
export class MessageSent extends domainEvent(
    "messages.messageSent",
    (messageId: string, sender: string, recipients: readonly SentMessageRecipient[]) => ({ messageId, sender, recipients })
) {}
