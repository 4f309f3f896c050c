import { Column, Entity, Index, PrimaryColumn } from "typeorm";

import { CreatedRecordColumns } from "../../core/database/created-record";
import { ValidationError } from "../../core/errors/errors";
import { newId } from "../../core/ids/ids";
import { RelationshipStatus } from "../relationships/relationships.events";
import { MessagesErrors } from "./messages.errors";

/** Relationship statuses that allow sending (the youngest relationship between sender and recipient). */
const SENDABLE_STATUSES: ReadonlySet<RelationshipStatus> = new Set([
    RelationshipStatus.Active,
    RelationshipStatus.Pending,
    RelationshipStatus.Terminated
]);

/** The relationship a message travels over to one recipient, as the relationships module reports it. */
export interface RecipientRelationship {
    id: string;
    status: RelationshipStatus;
}

/** One addressee of a message to be sent, with the relationship to it (undefined: there is none). */
export interface NewRecipient {
    address: string;
    encryptedKey: Buffer;
    relationship: RecipientRelationship | undefined;
}

export interface NewMessage {
    sender: { address: string; deviceId: string };
    body: Buffer;
    attachments: string[];
    recipients: NewRecipient[];
    /** MAX_NUMBER_OF_MESSAGE_RECIPIENTS. */
    maxRecipients: number;
    /** How many of the sender's messages each recipient has not fetched yet (address → count; missing: none). */
    unreceived: ReadonlyMap<string, number>;
    /** MAX_NUMBER_OF_UNRECEIVED_MESSAGES_FROM_ONE_SENDER. */
    maxUnreceived: number;
    now: Date;
}

/** An encrypted message from one identity to one or more others. */
@Entity({ name: "messages" })
@Index("ix_messages_created_by_created_at", ["createdBy", "createdAt", "id"])
@Index("ix_messages_created_at", ["createdAt"])
export class Message extends CreatedRecordColumns {
    @Column({ type: "bytea" })
    body!: Buffer;

    /** The ids of the attached files, in the order sent. */
    @Column({ type: "jsonb" })
    attachments!: string[];

    /** Loaded separately (message_recipients), in the order sent. */
    recipients!: MessageRecipient[];

    /**
     * A new message, if its recipients are at most `maxRecipients`, each addressed once, each reachable over the
     * youngest relationship with the sender (Active, Pending or Terminated) and each with fewer than `maxUnreceived`
     * messages of the sender not yet fetched; rule violations throw for the first recipient that fails.
     */
    static create(input: NewMessage): Message {
        Message.assertRecipientList(
            input.recipients.map((r) => r.address),
            input.maxRecipients
        );
        const id = newId("MSG");
        const recipients = input.recipients.map((recipient, position) => {
            const relationship = recipient.relationship;
            if (!relationship) throw MessagesErrors.noRelationshipToRecipientExists(recipient.address);
            if (!SENDABLE_STATUSES.has(relationship.status)) throw MessagesErrors.relationshipToRecipientNotActive(recipient.address);
            if ((input.unreceived.get(recipient.address) ?? 0) >= input.maxUnreceived) {
                throw MessagesErrors.maxNumberOfUnreceivedMessagesReached(recipient.address);
            }
            return Object.assign(new MessageRecipient(), {
                messageId: id,
                position,
                address: recipient.address,
                encryptedKey: recipient.encryptedKey,
                relationshipId: relationship.id,
                receivedAt: null,
                receivedByDevice: null,
                isRelationshipDecomposedBySender: false,
                isRelationshipDecomposedByRecipient: false
            });
        });
        return Object.assign(new Message(), {
            id,
            createdAt: input.now,
            createdBy: input.sender.address,
            createdByDevice: input.sender.deviceId,
            body: input.body,
            attachments: input.attachments,
            recipients
        });
    }

    /** At most `max` recipients, each address once (checked before anything is read). */
    static assertRecipientList(addresses: string[], max: number): void {
        if (addresses.length > max) throw new ValidationError(`'recipients': must not contain more than ${max} items.`);
        if (new Set(addresses).size !== addresses.length) {
            throw new ValidationError("'recipients': the addresses of the recipients must be unique.");
        }
    }

    /** The ids of `messages` that `address` has received but not fetched yet. */
    static unreceivedBy(messages: Message[], address: string): string[] {
        return messages.filter((m) => m.recipients.some((r) => r.address === address && r.receivedAt === null)).map((m) => m.id);
    }

    /** Whether `address` takes part in the message as sender or recipient and has not decomposed the relationship(s). */
    isVisibleTo(address: string): boolean {
        if (this.createdBy === address) return !this.recipients.every((r) => r.isRelationshipDecomposedBySender);
        const own = this.recipients.find((r) => r.address === address);
        return own !== undefined && !own.isRelationshipDecomposedByRecipient;
    }

    /** The recipient entries `address` may see: all for the sender, only its own for a recipient. */
    recipientsVisibleTo(address: string): MessageRecipient[] {
        if (this.createdBy === address) return this.recipients;
        return this.recipients.filter((r) => r.address === address);
    }
}

/** One recipient of a message, with its encrypted key and when it fetched the message. */
@Entity({ name: "message_recipients" })
@Index("ix_message_recipients_address", ["address", "messageId"])
@Index("ix_message_recipients_relationship", ["relationshipId"])
@Index("ix_message_recipients_received", ["address", "messageId"], { where: "NOT is_relationship_decomposed_by_recipient" })
@Index("ix_message_recipients_unreceived", ["address", "messageId"], { where: "received_at IS NULL" })
export class MessageRecipient {
    @PrimaryColumn({ type: "varchar", length: 20 })
    messageId!: string;

    /** Position in the message's recipient list. */
    @PrimaryColumn({ type: "smallint" })
    position!: number;

    /** Replaced by the anonymised address once both sides have decomposed the relationship. */
    @Column({ type: "varchar", length: 80 })
    address!: string;

    @Column({ type: "bytea" })
    encryptedKey!: Buffer;

    /** The relationship the message was sent over. */
    @Column({ type: "varchar", length: 20 })
    relationshipId!: string;

    @Column({ type: "timestamptz", nullable: true })
    receivedAt!: Date | null;

    @Column({ type: "varchar", length: 20, nullable: true })
    receivedByDevice!: string | null;

    @Column({ type: "boolean", default: false })
    isRelationshipDecomposedBySender!: boolean;

    @Column({ type: "boolean", default: false })
    isRelationshipDecomposedByRecipient!: boolean;
}
