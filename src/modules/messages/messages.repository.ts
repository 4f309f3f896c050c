import { Injectable } from "@nestjs/common";
import { InjectDataSource } from "@nestjs/typeorm";
import type { DataSource, EntityManager } from "typeorm";

import { rawQuery } from "../../core/database/raw-query";
import { type Page, pageCounted, type PageRequest } from "../../core/http/pagination";
import { Message } from "./message.entity";

/** The columns of `messages` as PostgreSQL answers them. */
interface MessageRow {
    id: string;
    created_at: Date;
    created_by: string;
    created_by_device: string;
    body: Buffer;
    attachments: string[];
}

function messageOf(row: MessageRow): Message {
    return Object.assign(new Message(), {
        id: row.id,
        createdAt: row.created_at,
        createdBy: row.created_by,
        createdByDevice: row.created_by_device,
        body: row.body,
        attachments: row.attachments
    });
}

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

const MESSAGE_COLUMNS = "m.id, m.created_at, m.created_by, m.created_by_device, m.body, m.attachments";

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
        const offset = (page.pageNumber - 1) * page.pageSize;
        const end = parameters.length + 1;
        const { rows } = await rawQuery<MessageRow>(
            this.dataSource,
            `SELECT * FROM (
                 (SELECT ${MESSAGE_COLUMNS} ${sent} ORDER BY m.created_at, m.id LIMIT $${end})
                 UNION ALL
                 (SELECT ${MESSAGE_COLUMNS} ${receivedMessages} ORDER BY m.created_at, m.id LIMIT $${end})
             ) p
             ORDER BY p.created_at, p.id LIMIT $${end + 1} OFFSET $${end + 2}`,
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

    /** How many of `sender`'s messages `recipient` has not fetched yet (ix_message_recipients_unreceived). */
    async countUnreceived(manager: EntityManager, sender: string, recipient: string): Promise<number> {
        const { rows } = await rawQuery<{ count: string }>(
            manager,
            `SELECT count(*) AS count FROM message_recipients r JOIN messages m ON m.id = r.message_id
             WHERE r.address = $2 AND r.received_at IS NULL AND m.created_by = $1`,
            [sender, recipient]
        );
        return Number(rows[0]!.count);
    }
}
