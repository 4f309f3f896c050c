import { Inject, Injectable } from "@nestjs/common";
import type { EntityManager } from "typeorm";

import { Clock } from "../../core/clock/clock";
import { rawQuery } from "../../core/database/raw-query";
import { newId } from "../../core/ids/ids";
import { ExternalEvent } from "./external-event.entity";
import { ExternalEventPushes } from "./external-event-pushes";
import type { ExternalEventType } from "./synchronization.events";

export const EXTERNAL_EVENTS_CHANNEL = "backbone_external_events";

/** An event that failed this often is never delivered again. */
export const MAX_SYNC_ERRORS = 3;

export interface NewExternalEvent {
    /** The identity whose devices receive the event. */
    owner: string;
    type: ExternalEventType;
    payload: Record<string, string>;
    /** The record the event is about, used to release or drop held-back events. */
    context?: string;
    /** Hold the event back until it is released (e.g. a MessageReceived while the relationship is Pending). */
    blocked?: boolean;
}

/**
 * The write side of external events, for every module. Always called with the EntityManager of the transaction
 * that makes the change, so the event commits or rolls back with it. Real-time delivery is announced with a
 * NOTIFY that Postgres sends only on commit.
 */
@Injectable()
export class ExternalEventsService {
    constructor(
        @Inject(Clock) private readonly clock: Clock,
        private readonly pushes: ExternalEventPushes
    ) {}

    /**
     * Records the events in one statement: the owners' counter rows are locked (upserted) in a fixed order (sorted
     * owners), each owner's events take the next gap-free indexes, and all events are inserted together. It is meant to
     * run last in its transaction (before the announcement), so the counter rows, which serialise every writer of an
     * owner, are held as briefly as possible.
     */
    async record(manager: EntityManager, events: NewExternalEvent[]): Promise<ExternalEvent[]> {
        if (events.length === 0) return [];
        const byOwner = new Map<string, NewExternalEvent[]>();
        for (const event of events) byOwner.set(event.owner, [...(byOwner.get(event.owner) ?? []), event]);
        const owners = [...byOwner.keys()].sort();
        const now = this.clock.now();
        const created = owners.flatMap((owner) =>
            byOwner.get(owner)!.map((event) =>
                Object.assign(new ExternalEvent(), {
                    id: newId("SYI"),
                    owner,
                    index: 0,
                    type: event.type,
                    payload: event.payload,
                    createdAt: now,
                    context: event.context ?? null,
                    isDeliveryBlocked: event.blocked ?? false,
                    syncRunId: null,
                    syncErrorCount: 0
                })
            )
        );
        const { rows } = await rawQuery<{ id: string; index: string }>(
            manager,
            `WITH counters AS (
                 INSERT INTO external_event_counters AS c (owner, next_index)
                 SELECT o.owner, o.n FROM unnest($1::varchar[], $2::bigint[]) WITH ORDINALITY AS o(owner, n, ord) ORDER BY o.ord
                 ON CONFLICT (owner) DO UPDATE SET next_index = c.next_index + excluded.next_index
                 RETURNING c.owner, c.next_index
             )
             INSERT INTO external_events (id, owner, index, type, payload, created_at, context, is_delivery_blocked, sync_run_id, sync_error_count)
             SELECT e.id, e.owner,
                    c.next_index - count(*) OVER (PARTITION BY e.owner) + row_number() OVER (PARTITION BY e.owner ORDER BY e.ord) - 1,
                    e.type, e.payload::jsonb, $9, e.context, e.blocked, NULL, 0
             FROM unnest($3::varchar[], $4::varchar[], $5::varchar[], $6::text[], $7::varchar[], $8::boolean[]) WITH ORDINALITY
                  AS e(id, owner, type, payload, context, blocked, ord)
             JOIN counters c ON c.owner = e.owner
             RETURNING id, index`,
            [
                owners,
                owners.map((owner) => byOwner.get(owner)!.length),
                created.map((e) => e.id),
                created.map((e) => e.owner),
                created.map((e) => e.type),
                created.map((e) => JSON.stringify(e.payload)),
                created.map((e) => e.context),
                created.map((e) => e.isDeliveryBlocked),
                now
            ]
        );
        const indexes = new Map(rows.map((row) => [row.id, Number(row.index)]));
        for (const event of created) event.index = indexes.get(event.id)!;
        const deliverableOwners = created.filter((e) => !e.isDeliveryBlocked).map((e) => e.owner);
        await this.announce(manager, deliverableOwners);
        this.pushes.afterCommitOf(manager, deliverableOwners);
        return created;
    }

    /** Tells every instance (after commit) that these identities have new deliverable events: one statement. */
    async announce(manager: EntityManager, owners: string[]): Promise<void> {
        if (owners.length === 0) return;
        await rawQuery(manager, "SELECT pg_notify($1, o.owner) FROM unnest($2::text[]) AS o(owner)", [
            EXTERNAL_EVENTS_CHANNEL,
            [...new Set(owners)]
        ]);
    }

    /** Releases the held-back events about `context` (e.g. when a relationship becomes Active); announces them. */
    async releaseBlocked(manager: EntityManager, context: string): Promise<void> {
        const { rows } = await rawQuery<{ owner: string }>(
            manager,
            "UPDATE external_events SET is_delivery_blocked = false WHERE context = $1 AND is_delivery_blocked RETURNING owner",
            [context]
        );
        await this.announce(
            manager,
            rows.map((r) => r.owner)
        );
    }

    /** The contexts of an owner's held-back events of one type. */
    async blockedContextsOf(manager: EntityManager, owner: string, type: ExternalEventType): Promise<string[]> {
        const rows: Array<{ context: string }> = await manager.query(
            "SELECT DISTINCT context FROM external_events WHERE owner = $1 AND type = $2 AND is_delivery_blocked AND context IS NOT NULL",
            [owner, type]
        );
        return rows.map((r) => r.context);
    }

    /** Releases an owner's held-back events of one type about these contexts; announces them. */
    async releaseBlockedOf(manager: EntityManager, owner: string, type: ExternalEventType, contexts: string[]): Promise<void> {
        if (contexts.length === 0) return;
        await manager.query(
            "UPDATE external_events SET is_delivery_blocked = false WHERE owner = $1 AND type = $2 AND context = ANY($3) AND is_delivery_blocked",
            [owner, type, contexts]
        );
        await this.announce(manager, [owner]);
    }

    /** Drops the held-back events about `context` (e.g. when a relationship is rejected or revoked). */
    async deleteBlocked(manager: EntityManager, context: string): Promise<void> {
        await manager.query("DELETE FROM external_events WHERE context = $1 AND is_delivery_blocked", [context]);
    }

    /** Drops an owner's not yet synced events of one type about `context` (e.g. on decomposition). */
    async deleteUnsynced(manager: EntityManager, owner: string, type: ExternalEventType, context: string): Promise<void> {
        await manager.query("DELETE FROM external_events WHERE owner = $1 AND type = $2 AND context = $3 AND sync_run_id IS NULL", [
            owner,
            type,
            context
        ]);
    }
}
