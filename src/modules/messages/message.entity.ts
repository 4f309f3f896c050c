import { Column, Entity, Index, PrimaryColumn } from "typeorm";

/** An encrypted message from one identity to one or more others. */
@Entity({ name: "messages" })
@Index("ix_messages_created_by_created_at", ["createdBy", "createdAt", "id"])
@Index("ix_messages_created_at", ["createdAt"])
export class Message {
    @PrimaryColumn({ type: "varchar", length: 20 })
    id!: string;

    @Column({ type: "timestamptz" })
    createdAt!: Date;

    @Column({ type: "varchar", length: 80 })
    createdBy!: string;

    @Column({ type: "varchar", length: 20 })
    createdByDevice!: string;

    @Column({ type: "bytea" })
    body!: Buffer;

    /** The ids of the attached files, in the order sent. */
    @Column({ type: "jsonb" })
    attachments!: string[];

    /** Loaded separately (message_recipients), in the order sent. */
    recipients!: MessageRecipient[];

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
