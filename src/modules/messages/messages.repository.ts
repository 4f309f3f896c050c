import { Injectable } from "@nestjs/common";
import { InjectDataSource } from "@nestjs/typeorm";
import { type DataSource, type EntityManager, In } from "typeorm";

import { lockEachForTransaction } from "../../core/database/advisory-lock";
import { rawQuery } from "../../core/database/raw-query";
import { type Page, pageCounted, pageOffset, type PageRequest, paginate } from "../../core/http/pagination";
import { createdByQuery } from "../../core/quotas/quota-usage";
import { Message, MessageRecipient } from "./message.entity";

/**
 * The messages an identity takes part in, as two branches that each an index drives: those it sent (and has not
 * decomposed towards every recipient: ix_messages_created_by_created_at) and those it received (and has not decomposed:
 * ix_message_recipients_received). No identity has a relationship with itself, so a sender is never a recipient of its
 * own message (only the anonymised address of deleted identities can be both, and it never asks): the branches are
 * disjoint and UNION ALL needs no deduplication. The received branch counts without reading `messages`; the sent
 * branch asks its message's recipients per message (a scalar subquery, which PostgreSQL cannot turn into a join over all
 * of `message_recipients`), so its count costs what the identity sent.
 */
function participationBranches(idsFilter: boolean): { sent: string; received: string; receivedMessages: string } {
    const received = `r.address = $1 ${idsFilter ? "AND r.message_id = ANY($2)" : ""} AND NOT r.is_relationship_decomposed_by_recipient`;
    return {
        sent: `FROM messages m
               WHERE m.created_by = $1 ${idsFilter ? "AND m.id = ANY($2)" : ""}
                 AND (SELECT bool_or(NOT s.is_relationship_decomposed_by_sender) FROM message_recipients s WHERE s.message_id = m.id)`,
        received: `FROM message_recipients r WHERE ${received}`,
        receivedMessages: `FROM message_recipients r JOIN messages m ON m.id = r.message_id WHERE ${received}`
    };
}

/** The columns of `messages`, named as the entity's properties. */
const MESSAGE_COLUMNS = `m.id, m.created_at AS "createdAt", m.created_by AS "createdBy", m.created_by_device AS "createdByDevice",
    m.body, m.attachments`;

function messageOf(row: Partial<Message>): Message {
    return Object.assign(new Message(), row);
}

/** The columns of `message_recipients`, named as the entity's properties. */
const RECIPIENT_COLUMNS = `r.message_id AS "messageId", r.position, r.address, r.encrypted_key AS "encryptedKey",
    r.relationship_id AS "relationshipId", r.received_at AS "receivedAt", r.received_by_device AS "receivedByDevice",
    r.is_relationship_decomposed_by_sender AS "isRelationshipDecomposedBySender",
    r.is_relationship_decomposed_by_recipient AS "isRelationshipDecomposedByRecipient"`;

function recipientOf(row: Partial<MessageRecipient>): MessageRecipient {
    return Object.assign(new MessageRecipient(), row);
}

/**
 * Every query of the messages module, named by intent: the only place of the module that touches the database.
 * Methods that run inside a use case's transaction take its EntityManager first.
 */
@Injectable()
export class MessagesRepository {
    constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

    /**
     * One page of the messages `address` sent or received (optionally only those among `ids`), oldest first, without
     * their recipients. Each branch reads at most the rows up to the end of the page, in index order; the total is
     * counted only when the page does not tell it.
     */
    async pageOfParticipant(address: string, ids: string[] | undefined, page: PageRequest): Promise<Page<Message>> {
        const idsFilter = ids !== undefined && ids.length > 0;
        const { sent, received, receivedMessages } = participationBranches(idsFilter);
        const parameters: unknown[] = idsFilter ? [address, ids] : [address];
        const offset = pageOffset(page);
        const end = parameters.length + 1;
        const { rows } = await rawQuery<Partial<Message>>(
            this.dataSource,
            `SELECT * FROM (
                 (SELECT ${MESSAGE_COLUMNS} ${sent} ORDER BY m.created_at, m.id LIMIT $${end})
                 UNION ALL
                 (SELECT ${MESSAGE_COLUMNS} ${receivedMessages} ORDER BY m.created_at, m.id LIMIT $${end})
             ) p
             ORDER BY p."createdAt", p.id LIMIT $${end + 1} OFFSET $${end + 2}`,
            [...parameters, offset + page.pageSize, page.pageSize, offset]
        );
        return await pageCounted(rows.map(messageOf), page, async () => {
            const counted = await rawQuery<{ total: string }>(
                this.dataSource,
                `SELECT (SELECT count(*) ${sent}) + (SELECT count(*) ${received}) AS total`,
                parameters
            );
            return Number(counted.rows[0]!.total);
        });
    }

    /** A message with its recipients. */
    async find(id: string): Promise<Message | undefined> {
        const { rows } = await rawQuery<Partial<Message>>(this.dataSource, `SELECT ${MESSAGE_COLUMNS} FROM messages m WHERE m.id = $1`, [
            id
        ]);
        if (!rows[0]) return undefined;
        const message = messageOf(rows[0]);
        await this.loadRecipients([message]);
        return message;
    }

    /** Fills in the recipients of `messages`, in the order sent, in one statement. */
    async loadRecipients(messages: Message[]): Promise<void> {
        if (messages.length === 0) return;
        const { rows } = await rawQuery<Partial<MessageRecipient>>(
            this.dataSource,
            `SELECT ${RECIPIENT_COLUMNS} FROM message_recipients r WHERE r.message_id = ANY($1) ORDER BY r.message_id, r.position`,
            [messages.map((m) => m.id)]
        );
        const byMessage = new Map<string, MessageRecipient[]>(messages.map((m) => [m.id, []]));
        for (const row of rows) byMessage.get(row.messageId!)!.push(recipientOf(row));
        for (const message of messages) message.recipients = byMessage.get(message.id)!;
    }

    /**
     * The messages (with their recipients) that `participant` sent (Outgoing) or received (Incoming), oldest first,
     * whatever either side decomposed: the Admin API's view.
     */
    async pageSentOrReceivedBy(participant: string, type: "Incoming" | "Outgoing", page: PageRequest): Promise<Page<Message>> {
        const query = this.dataSource
            .getRepository(Message)
            .createQueryBuilder("m")
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
        return result;
    }

    /**
     * Serialises concurrent sends from `sender` to each of `recipients` (so that the unreceived limit holds under
     * concurrency): one transaction-scoped advisory lock per pair, all in one statement and in a fixed order (sorted
     * keys), so that concurrent senders to overlapping recipients never wait for each other in a cycle.
     */
    async lockSendingTo(manager: EntityManager, sender: string, recipients: string[]): Promise<void> {
        const keys = recipients.map((recipient) => `messages:${sender}:${recipient}`).sort();
        await lockEachForTransaction(manager, keys);
    }

    /**
     * How many of `sender`'s messages each of `recipients` has not fetched yet (address → count; those with none are
     * missing), in one statement (ix_message_recipients_unreceived).
     */
    async countUnreceived(manager: EntityManager, sender: string, recipients: string[]): Promise<Map<string, number>> {
        const { rows } = await rawQuery<{ address: string; count: string }>(
            manager,
            `SELECT r.address, count(*) AS count FROM message_recipients r JOIN messages m ON m.id = r.message_id
             WHERE r.address = ANY($2) AND r.received_at IS NULL AND m.created_by = $1
             GROUP BY r.address`,
            [sender, recipients]
        );
        return new Map(rows.map((row) => [row.address, Number(row.count)]));
    }

    /** Stores a new message and all its recipients, in one statement. */
    async insert(manager: EntityManager, message: Message): Promise<void> {
        const recipients = message.recipients;
        await rawQuery(
            manager,
            `WITH message AS (
                 INSERT INTO messages (id, created_at, created_by, created_by_device, body, attachments) VALUES ($1, $2, $3, $4, $5, $6)
                 RETURNING id
             )
             INSERT INTO message_recipients (message_id, position, address, encrypted_key, relationship_id)
             SELECT message.id, r.position, r.address, r.encrypted_key, r.relationship_id
             FROM message, unnest($7::smallint[], $8::varchar[], $9::bytea[], $10::varchar[]) AS r(position, address, encrypted_key, relationship_id)`,
            [
                message.id,
                message.createdAt,
                message.createdBy,
                message.createdByDevice,
                message.body,
                JSON.stringify(message.attachments),
                recipients.map((r) => r.position),
                recipients.map((r) => r.address),
                recipients.map((r) => r.encryptedKey),
                recipients.map((r) => r.relationshipId)
            ]
        );
    }

    /**
     * Marks the entries of `address` in the messages `ids` received (those not received yet, atomically) and answers
     * the entries as they are now: a concurrent fetch may have marked some first.
     */
    async markReceived(ids: string[], address: string, deviceId: string, at: Date): Promise<MessageRecipient[]> {
        await rawQuery(
            this.dataSource,
            `UPDATE message_recipients SET received_at = $1, received_by_device = $2
             WHERE message_id = ANY($3) AND address = $4 AND received_at IS NULL`,
            [at, deviceId, ids, address]
        );
        const { rows } = await rawQuery<Partial<MessageRecipient>>(
            this.dataSource,
            `SELECT ${RECIPIENT_COLUMNS} FROM message_recipients r WHERE r.message_id = ANY($1) AND r.address = $2`,
            [ids, address]
        );
        return rows.map(recipientOf);
    }

    /** Flags `actor`'s side of the messages over a relationship as decomposed: as sender and as recipient. */
    async flagDecomposedBy(manager: EntityManager, relationshipId: string, actor: string): Promise<void> {
        await rawQuery(
            manager,
            `UPDATE message_recipients r SET is_relationship_decomposed_by_sender = true
             FROM messages m WHERE m.id = r.message_id AND r.relationship_id = $1 AND m.created_by = $2`,
            [relationshipId, actor]
        );
        // Over one relationship a recipient entry of the actor is always a message from the peer (whose address may
        // already be anonymised if the peer was deleted), so the entry's own address is enough.
        await rawQuery(
            manager,
            `UPDATE message_recipients SET is_relationship_decomposed_by_recipient = true WHERE relationship_id = $1 AND address = $2`,
            [relationshipId, actor]
        );
    }

    /** Replaces `address` by `anonymous` in the messages over a relationship: as sender and as recipient. */
    async anonymizeParticipant(manager: EntityManager, relationshipId: string, address: string, anonymous: string): Promise<void> {
        await rawQuery(
            manager,
            `UPDATE messages m SET created_by = $3
             WHERE m.created_by = $2 AND m.id IN (SELECT message_id FROM message_recipients WHERE relationship_id = $1)`,
            [relationshipId, address, anonymous]
        );
        await rawQuery(manager, `UPDATE message_recipients SET address = $3 WHERE relationship_id = $1 AND address = $2`, [
            relationshipId,
            address,
            anonymous
        ]);
    }

    /**
     * After both sides decomposed a relationship: its entries decomposed by both are anonymised, a sender whose
     * recipients are all anonymised too, and a message with nobody left is deleted.
     */
    async anonymizeFullyDecomposed(manager: EntityManager, relationshipId: string, anonymous: string): Promise<void> {
        await rawQuery(
            manager,
            `UPDATE message_recipients SET address = $2
             WHERE relationship_id = $1 AND is_relationship_decomposed_by_sender AND is_relationship_decomposed_by_recipient`,
            [relationshipId, anonymous]
        );
        await rawQuery(
            manager,
            `UPDATE messages m SET created_by = $2
             WHERE m.id IN (SELECT message_id FROM message_recipients WHERE relationship_id = $1)
               AND NOT EXISTS (SELECT 1 FROM message_recipients r WHERE r.message_id = m.id AND r.address <> $2)`,
            [relationshipId, anonymous]
        );
        const { rows } = await rawQuery<{ id: string }>(
            manager,
            `SELECT m.id FROM messages m
             WHERE m.created_by = $1 AND m.id IN (SELECT message_id FROM message_recipients WHERE relationship_id = $2)
               AND NOT EXISTS (SELECT 1 FROM message_recipients r WHERE r.message_id = m.id AND r.address <> $1)`,
            [anonymous, relationshipId]
        );
        if (rows.length === 0) return;
        const ids = rows.map((row) => row.id);
        await manager.delete(MessageRecipient, { messageId: In(ids) });
        await manager.delete(Message, { id: In(ids) });
    }

    /** The messages `address` sent (since `since`, when given): the NumberOfSentMessages quota. */
    async countSentBy(address: string, since: Date | undefined): Promise<number> {
        return await createdByQuery(this.dataSource, Message, address, since).getCount();
    }
}
