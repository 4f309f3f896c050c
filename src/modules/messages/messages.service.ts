import { Inject, Injectable, type OnModuleInit } from "@nestjs/common";
import { DataSource, type EntityManager, In } from "typeorm";

import { BACKBONE_CONFIG, type BackboneConfig } from "../../config/config";
import type { Caller } from "../../core/auth/caller";
import { Clock } from "../../core/clock/clock";
import { anonymizedAddress } from "../../core/crypto/identity-address";
import { lockForTransaction } from "../../core/database/advisory-lock";
import { notFound, ValidationError } from "../../core/errors/errors";
import { DomainEvents } from "../../core/events/domain-events";
import { type Page, type PageRequest, paginate } from "../../core/http/pagination";
import { newId } from "../../core/ids/ids";
import { FilesService } from "../files/files.service";
import { RelationshipStatus, RelationshipStatusChanged } from "../relationships/relationships.events";
import { RelationshipsService } from "../relationships/relationships.service";
import { Message, MessageRecipient } from "./message.entity";
import type { AttachmentDto, SendMessageRequest } from "./messages.dto";
import { MessagesErrors } from "./messages.errors";
import { MessageSent, type SentMessageRecipient } from "./messages.events";
import { MessagesRepository } from "./messages.repository";

/** Relationship statuses that allow sending, and those in which a participant has decomposed the relationship. */
const SENDABLE_STATUSES: ReadonlySet<RelationshipStatus> = new Set([
    RelationshipStatus.Active,
    RelationshipStatus.Pending,
    RelationshipStatus.Terminated
]);
const DECOMPOSED_STATUSES: ReadonlySet<RelationshipStatus> = new Set([
    RelationshipStatus.DeletionProposed,
    RelationshipStatus.ReadyForDeletion
]);

/** A message as the Admin API lists it. */
export interface MessageOverview {
    messageId: string;
    senderAddress: string;
    senderDevice: string;
    sendDate: string;
    numberOfAttachments: number;
    recipients: Array<{ address: string; relationshipId: string; receivedAt: string | null }>;
}

@Injectable()
export class MessagesService implements OnModuleInit {
    readonly anonymizedAddress: string;

    constructor(
        private readonly dataSource: DataSource,
        private readonly messages: MessagesRepository,
        private readonly relationships: RelationshipsService,
        private readonly files: FilesService,
        private readonly domainEvents: DomainEvents,
        @Inject(Clock) private readonly clock: Clock,
        @Inject(BACKBONE_CONFIG) private readonly config: BackboneConfig
    ) {
        this.anonymizedAddress = anonymizedAddress(config.DID_DOMAIN);
    }

    onModuleInit(): void {
        this.domainEvents.subscribe(RelationshipStatusChanged, (manager, change) => this.onRelationshipStatusChanged(manager, change));
    }

    async sendMessage(caller: Caller, request: SendMessageRequest): Promise<Message> {
        const max = this.config.MAX_NUMBER_OF_MESSAGE_RECIPIENTS;
        if (request.recipients.length > max) throw new ValidationError(`'recipients': must not contain more than ${max} items.`);
        if (new Set(request.recipients.map((r) => r.address)).size !== request.recipients.length) {
            throw new ValidationError("'recipients': the addresses of the recipients must be unique.");
        }
        const attachments = request.attachments ?? [];
        await this.assertAttachments(attachments);
        const now = this.clock.now();
        return await this.dataSource.transaction(async (manager) => {
            const message = manager.create(Message, {
                id: newId("MSG"),
                createdAt: now,
                createdBy: caller.address,
                createdByDevice: caller.deviceId,
                body: request.body,
                attachments: attachments.map((a) => a.id)
            });
            const recipients: MessageRecipient[] = [];
            const sentTo: SentMessageRecipient[] = [];
            for (const [position, recipient] of request.recipients.entries()) {
                const relationship = await this.relationships.youngestRelationshipBetween(manager, caller.address, recipient.address);
                if (!relationship) throw MessagesErrors.noRelationshipToRecipientExists(recipient.address);
                if (!SENDABLE_STATUSES.has(relationship.status)) throw MessagesErrors.relationshipToRecipientNotActive(recipient.address);
                await this.assertBelowUnreceivedLimit(manager, caller.address, recipient.address);
                recipients.push(
                    manager.create(MessageRecipient, {
                        messageId: message.id,
                        position,
                        address: recipient.address,
                        encryptedKey: recipient.encryptedKey,
                        relationshipId: relationship.id,
                        receivedAt: null,
                        receivedByDevice: null,
                        isRelationshipDecomposedBySender: false,
                        isRelationshipDecomposedByRecipient: false
                    })
                );
                sentTo.push({ address: recipient.address, relationshipId: relationship.id, relationshipStatus: relationship.status });
            }
            await manager.insert(Message, message);
            await manager.insert(MessageRecipient, recipients);
            await this.domainEvents.publish(manager, new MessageSent(message.id, caller.address, sentTo));
            message.recipients = recipients;
            return message;
        });
    }

    /** A message the caller takes part in; fetching it marks it received for a recipient (the first time only). */
    async getMessage(caller: Caller, id: string): Promise<Message> {
        const message = await this.dataSource.manager.findOneBy(Message, { id });
        if (!message) throw notFound("Message");
        await this.loadRecipients([message]);
        if (!message.isVisibleTo(caller.address)) throw notFound("Message");
        await this.markReceived(caller, [message]);
        return message;
    }

    async listMessages(caller: Caller, ids: string[] | undefined, page: PageRequest): Promise<Page<Message>> {
        const result = await this.messages.pageOfParticipant(caller.address, ids, page);
        await this.loadRecipients(result.items);
        await this.markReceived(caller, result.items);
        return result;
    }

    /**
     * The messages an identity sent (Outgoing) or received (Incoming), as the Admin API lists them: metadata only
     * (sender, device, date, recipients with their relationship and receipt, number of attachments), oldest first;
     * never bodies or keys.
     */
    async listMessagesOfParticipant(participant: string, type: "Incoming" | "Outgoing", page: PageRequest): Promise<Page<MessageOverview>> {
        const query = this.dataSource.manager
            .createQueryBuilder(Message, "m")
            .select(["m.id", "m.createdAt", "m.createdBy", "m.createdByDevice", "m.attachments"])
            .orderBy("m.createdAt", "ASC")
            .addOrderBy("m.id", "ASC");
        if (type === "Outgoing") query.where("m.createdBy = :participant", { participant });
        else
            query.where("EXISTS (SELECT 1 FROM message_recipients r WHERE r.message_id = m.id AND r.address = :participant)", {
                participant
            });
        const result = await paginate(query, page);
        await this.loadRecipients(result.items);
        return result.map((m) => ({
            messageId: m.id,
            senderAddress: m.createdBy,
            senderDevice: m.createdByDevice,
            sendDate: m.createdAt.toISOString(),
            numberOfAttachments: m.attachments.length,
            recipients: m.recipients.map((r) => ({
                address: r.address,
                relationshipId: r.relationshipId,
                receivedAt: r.receivedAt?.toISOString() ?? null
            }))
        }));
    }

    /** Every attachment must be a file that exists and has not expired (any identity may reference any file). */
    private async assertAttachments(attachments: AttachmentDto[]): Promise<void> {
        if (attachments.length === 0) return;
        const existing = new Set(await this.files.existingFileIds(attachments.map((a) => a.id)));
        const missing = attachments.find((a) => !existing.has(a.id));
        if (missing) throw new ValidationError(`'attachments': the file ${missing.id} does not exist or has expired.`);
    }

    private async assertBelowUnreceivedLimit(manager: EntityManager, sender: string, recipient: string): Promise<void> {
        // Serialises concurrent sends from one sender to one recipient, so the limit holds under concurrency.
        await lockForTransaction(manager, "messages", sender, recipient);
        const unreceived = await this.messages.countUnreceived(manager, sender, recipient);
        const max = this.config.MAX_NUMBER_OF_UNRECEIVED_MESSAGES_FROM_ONE_SENDER;
        if (unreceived >= max) throw MessagesErrors.maxNumberOfUnreceivedMessagesReached(recipient);
    }

    private async loadRecipients(messages: Message[]): Promise<void> {
        if (messages.length === 0) return;
        const rows = await this.dataSource.manager.find(MessageRecipient, {
            where: { messageId: In(messages.map((m) => m.id)) },
            order: { position: "ASC" }
        });
        for (const message of messages) message.recipients = rows.filter((r) => r.messageId === message.id);
    }

    /** Sets receivedAt/receivedByDevice of the caller's entries that have not been received yet, atomically. */
    private async markReceived(caller: Caller, messages: Message[]): Promise<void> {
        const ids = messages
            .filter((m) => m.recipients.some((r) => r.address === caller.address && r.receivedAt === null))
            .map((m) => m.id);
        if (ids.length === 0) return;
        const now = this.clock.now();
        await this.dataSource.manager.query(
            `UPDATE message_recipients SET received_at = $1, received_by_device = $2
             WHERE message_id = ANY($3) AND address = $4 AND received_at IS NULL`,
            [now, caller.deviceId, ids, caller.address]
        );
        // Re-read the caller's entries: a concurrent fetch may have marked them first.
        const fresh = await this.dataSource.manager.find(MessageRecipient, { where: { messageId: In(ids), address: caller.address } });
        for (const entry of fresh) {
            const message = messages.find((m) => m.id === entry.messageId)!;
            message.recipients = message.recipients.map((r) => (r.position === entry.position ? entry : r));
        }
    }

    /**
     * Decomposition: the decomposing side's messages over this relationship are flagged; an entry decomposed by both
     * sides is anonymised, a sender whose recipients are all anonymised too, and a message with nobody left is deleted.
     */
    private async onRelationshipStatusChanged(manager: EntityManager, change: RelationshipStatusChanged): Promise<void> {
        if (!DECOMPOSED_STATUSES.has(change.newStatus)) return;
        const actor = change.initiator;
        await manager.query(
            `UPDATE message_recipients r SET is_relationship_decomposed_by_sender = true
             FROM messages m WHERE m.id = r.message_id AND r.relationship_id = $1 AND m.created_by = $2`,
            [change.relationshipId, actor]
        );
        // Over one relationship a recipient entry of the actor is always a message from the peer (whose address may
        // already be anonymised if the peer was deleted), so the entry's own address is enough.
        await manager.query(
            `UPDATE message_recipients SET is_relationship_decomposed_by_recipient = true WHERE relationship_id = $1 AND address = $2`,
            [change.relationshipId, actor]
        );
        const anonymous = this.anonymizedAddress;
        if (change.initiatorDeleted) {
            // A deleted identity's address disappears from the messages at once: as sender and as recipient.
            await manager.query(
                `UPDATE messages m SET created_by = $3
                 WHERE m.created_by = $2 AND m.id IN (SELECT message_id FROM message_recipients WHERE relationship_id = $1)`,
                [change.relationshipId, actor, anonymous]
            );
            await manager.query(`UPDATE message_recipients SET address = $3 WHERE relationship_id = $1 AND address = $2`, [
                change.relationshipId,
                actor,
                anonymous
            ]);
        }
        if (change.newStatus !== RelationshipStatus.ReadyForDeletion) return;
        await manager.query(
            `UPDATE message_recipients SET address = $2
             WHERE relationship_id = $1 AND is_relationship_decomposed_by_sender AND is_relationship_decomposed_by_recipient`,
            [change.relationshipId, anonymous]
        );
        await manager.query(
            `UPDATE messages m SET created_by = $2
             WHERE m.id IN (SELECT message_id FROM message_recipients WHERE relationship_id = $1)
               AND NOT EXISTS (SELECT 1 FROM message_recipients r WHERE r.message_id = m.id AND r.address <> $2)`,
            [change.relationshipId, anonymous]
        );
        const emptied: Array<{ id: string }> = await manager.query(
            `SELECT m.id FROM messages m
             WHERE m.created_by = $1 AND m.id IN (SELECT message_id FROM message_recipients WHERE relationship_id = $2)
               AND NOT EXISTS (SELECT 1 FROM message_recipients r WHERE r.message_id = m.id AND r.address <> $1)`,
            [anonymous, change.relationshipId]
        );
        if (emptied.length > 0) {
            const ids = emptied.map((row) => row.id);
            await manager.delete(MessageRecipient, { messageId: In(ids) });
            await manager.delete(Message, { id: In(ids) });
        }
    }
}
