import { Inject, Injectable } from "@nestjs/common";

import { BACKBONE_CONFIG, type BackboneConfig } from "../../config/config";
import type { Caller } from "../../core/auth/caller";
import { Clock } from "../../core/clock/clock";
import { DeletedIdentityAddress } from "../../core/crypto/identity-address";
import { Transactions } from "../../core/database/transactions";
import { notFound, ValidationError } from "../../core/errors/errors";
import { DomainEvents } from "../../core/events/domain-events";
import type { Page, PageRequest } from "../../core/http/pagination";
import { FilesService } from "../files/files.service";
import { RelationshipsService } from "../relationships/relationships.service";
import { Message, type RecipientRelationship } from "./message.entity";
import type { AttachmentDto, SendMessageRequest } from "./messages.dto";
import { MessageSent } from "./messages.events";
import { MessagesRepository } from "./messages.repository";

/** A message as the Admin API lists it. */
export interface MessageOverview {
    messageId: string;
    senderAddress: string;
    senderDevice: string;
    sendDate: string;
    numberOfAttachments: number;
    recipients: Array<{ address: string; relationshipId: string; receivedAt: string | null }>;
}

/**
 * The use cases of messages, one method each: resolve the caller → load or 404 → let the message decide → persist
 * through the repository → publish domain events (in the transaction) → return the entity, which the controller maps
 * to its DTO.
 */
@Injectable()
export class MessagesService {
    constructor(
        private readonly messages: MessagesRepository,
        private readonly transactions: Transactions,
        private readonly relationships: RelationshipsService,
        private readonly files: FilesService,
        private readonly events: DomainEvents,
        @Inject(Clock) private readonly clock: Clock,
        @Inject(BACKBONE_CONFIG) private readonly config: BackboneConfig,
        /** What a reader sees for a deleted participant (the controller maps messages with it). */
        readonly deletedAddress: DeletedIdentityAddress
    ) {}

    /**
     * Sends a message in a constant number of statements, whatever the number of recipients: the relationship to each
     * recipient (share-locked in a fixed order, one statement), the locks of the sender's recipients (sorted, one
     * statement), their unreceived counts (one statement), the message, all its recipients (one statement), then the
     * MessageSent subscribers (the recipients' statuses in one statement; their external events lock their counters last).
     */
    async sendMessage(caller: Caller, request: SendMessageRequest): Promise<Message> {
        const addresses = request.recipients.map((r) => r.address);
        Message.assertRecipientList(addresses, this.config.MAX_NUMBER_OF_MESSAGE_RECIPIENTS);
        const attachments = request.attachments ?? [];
        await this.assertAttachments(attachments);
        const now = this.clock.now();
        return await this.transactions.run(async (manager) => {
            const youngest = await this.relationships.youngestRelationshipsBetween(manager, caller.address, addresses);
            const relationships: Array<RecipientRelationship | undefined> = addresses.map((address) => youngest.get(address));
            await this.messages.lockSendingTo(manager, caller.address, addresses);
            const unreceived = await this.messages.countUnreceived(manager, caller.address, addresses);
            const message = Message.create({
                sender: caller,
                body: request.body,
                attachments: attachments.map((a) => a.id),
                recipients: request.recipients.map((r, i) => ({
                    address: r.address,
                    encryptedKey: r.encryptedKey,
                    relationship: relationships[i]
                })),
                maxRecipients: this.config.MAX_NUMBER_OF_MESSAGE_RECIPIENTS,
                unreceived,
                maxUnreceived: this.config.MAX_NUMBER_OF_UNRECEIVED_MESSAGES_FROM_ONE_SENDER,
                now
            });
            await this.messages.insert(manager, message);
            const sentTo = message.recipients.map((r, i) => ({
                address: r.address,
                relationshipId: r.relationshipId,
                relationshipStatus: relationships[i]!.status
            }));
            await this.events.publish(manager, new MessageSent(message.id, caller.address, sentTo));
            return message;
        });
    }

    /** A message the caller takes part in; fetching it marks it received for a recipient (the first time only). */
    async getMessage(caller: Caller, id: string): Promise<Message> {
        const message = await this.messages.find(id);
        if (!message?.isVisibleTo(caller.address)) throw notFound("Message");
        await this.markReceived(caller, [message]);
        return message;
    }

    /** The messages the caller sent or received (optionally only `ids`), oldest first; marks them received. */
    async listMessages(caller: Caller, ids: string[] | undefined, page: PageRequest): Promise<Page<Message>> {
        const result = await this.messages.pageOfParticipant(caller.address, ids, page);
        await this.messages.loadRecipients(result.items);
        await this.markReceived(caller, result.items);
        return result;
    }

    /**
     * The messages an identity sent (Outgoing) or received (Incoming), as the Admin API lists them: metadata only
     * (sender, device, date, recipients with their relationship and receipt, number of attachments), oldest first;
     * never bodies or keys.
     */
    async listMessagesOfParticipant(participant: string, type: "Incoming" | "Outgoing", page: PageRequest): Promise<Page<MessageOverview>> {
        const result = await this.messages.pageSentOrReceivedBy(participant, type, page);
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

    /** Sets receivedAt/receivedByDevice of the caller's entries not received yet, and shows the entries as they are now. */
    private async markReceived(caller: Caller, messages: Message[]): Promise<void> {
        const ids = Message.unreceivedBy(messages, caller.address);
        if (ids.length === 0) return;
        const fresh = await this.messages.markReceived(ids, caller.address, caller.deviceId, this.clock.now());
        for (const entry of fresh) {
            const message = messages.find((m) => m.id === entry.messageId)!;
            message.recipients = message.recipients.map((r) => (r.position === entry.position ? entry : r));
        }
    }
}
