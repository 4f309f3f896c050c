import { Injectable } from "@nestjs/common";
import { InjectDataSource } from "@nestjs/typeorm";
import type { DataSource, EntityManager } from "typeorm";

import { rawQuery } from "../../core/database/raw-query";
import { ExternalEvent, ExternalEventCounter, MAX_SYNC_ERRORS } from "./external-event.entity";
import type { ExternalEventType } from "./synchronization.events";

/** What a sync run may take of an identity's events: not yet taken, not held back, not failed too often. */
const DELIVERABLE = "sync_run_id IS NULL AND NOT is_delivery_blocked AND sync_error_count < $2";

/**
 * The queries of external events, named by intent: recording them with their gap-free indexes, holding back and
 * releasing, and the sync runs' side (taking, listing and releasing them).
 */
@Injectable()
export class ExternalEventsRepository {
    constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

    /** Whether the identity has an event that a new sync run would take. */
    async hasDeliverable(manager: EntityManager, owner: string): Promise<boolean> {
        const { rows } = await rawQuery(manager, `SELECT 1 FROM external_events WHERE owner = $1 AND ${DELIVERABLE} LIMIT 1`, [
            owner,
            MAX_SYNC_ERRORS
        ]);
        return rows.length > 0;
    }

    /**
     * Hands every deliverable event of the identity to the run, in one statement, numbering them 0, 1, 2, ... in index
     * order (their position in the run, by which its pages are read); answers how many it took. The events are
     * row-locked first, so that one deleted or changed meanwhile is left out without a gap in the positions.
     */
    async assignDeliverable(manager: EntityManager, owner: string, runId: string): Promise<number> {
        const { affected } = await rawQuery(
            manager,
            `UPDATE external_events e SET sync_run_id = $3, sync_run_position = taken.position
             FROM (SELECT id, (row_number() OVER (ORDER BY index) - 1)::integer AS position
                   FROM (SELECT id, index FROM external_events WHERE owner = $1 AND ${DELIVERABLE} FOR UPDATE) deliverable) taken
             WHERE e.id = taken.id AND e.owner = $1 AND e.sync_run_id IS NULL`,
            [owner, MAX_SYNC_ERRORS, runId]
        );
        return affected;
    }

    /** The run's events at positions `from` to `from + count - 1`, in index order, with the columns a page shows. */
    async pageOfRun(runId: string, from: number, count: number): Promise<ExternalEvent[]> {
        // Plain SQL: a sync pages through up to hundreds of pages of 200 events, where the builder's cost would show.
        const { rows } = await rawQuery<{
            id: string;
            type: ExternalEvent["type"];
            index: string;
            created_at: Date;
            sync_error_count: number;
            payload: Record<string, string>;
        }>(
            this.dataSource,
            `SELECT id, type, index, created_at, sync_error_count, payload FROM external_events
             WHERE sync_run_id = $1 AND sync_run_position >= $2 ORDER BY sync_run_position LIMIT $3`,
            [runId, from, count]
        );
        return rows.map((row) =>
            Object.assign(new ExternalEvent(), {
                id: row.id,
                type: row.type,
                index: Number(row.index),
                createdAt: row.created_at,
                syncErrorCount: row.sync_error_count,
                payload: row.payload,
                syncRunId: runId
            })
        );
    }

    /**
     * Gives back the run's events except `succeeded`, in one statement: each counts a failed attempt and becomes
     * deliverable to a later run (until it failed MAX_SYNC_ERRORS times).
     */
    async releaseAllBut(manager: EntityManager, runId: string, succeeded: string[]): Promise<void> {
        await rawQuery(
            manager,
            `UPDATE external_events SET sync_run_id = NULL, sync_run_position = NULL, sync_error_count = sync_error_count + 1
             WHERE sync_run_id = $1 AND id <> ALL($2::varchar[])`,
            [runId, succeeded]
        );
    }

    /** Whether the identity has deliverable events that never failed (a finalized client should sync again). */
    async hasNewUnsynced(manager: EntityManager, owner: string): Promise<boolean> {
        const { rows } = await rawQuery(
            manager,
            "SELECT 1 FROM external_events WHERE owner = $1 AND sync_run_id IS NULL AND NOT is_delivery_blocked AND sync_error_count = 0 LIMIT 1",
            [owner]
        );
        return rows.length > 0;
    }

    /**
     * Inserts the events in one statement, each owner's with the next gap-free indexes: the owners' counter rows are
     * upserted (and so locked) in the order given, which the caller sorts. `counts` is each owner's number of events.
     * The same statement sends a NOTIFY on `channel` for each owner of a deliverable event (PostgreSQL sends it on
     * commit, once per owner). Returns the index of each event by id.
     */
    async insertNumbered(
        manager: EntityManager,
        events: ExternalEvent[],
        counts: number[],
        owners: string[],
        now: Date,
        channel: string
    ): Promise<Map<string, number>> {
        const { rows } = await rawQuery<{ id: string; index: string }>(
            manager,
            `WITH counters AS (
                 INSERT INTO external_event_counters AS c (owner, next_index)
                 SELECT o.owner, o.n FROM unnest($1::varchar[], $2::bigint[]) WITH ORDINALITY AS o(owner, n, ord) ORDER BY o.ord
                 ON CONFLICT (owner) DO UPDATE SET next_index = c.next_index + excluded.next_index
                 RETURNING c.owner, c.next_index
             )
             , inserted AS (
                 INSERT INTO external_events (id, owner, index, type, payload, created_at, context, is_delivery_blocked, sync_run_id, sync_error_count)
                 SELECT e.id, e.owner,
                        c.next_index - count(*) OVER (PARTITION BY e.owner) + row_number() OVER (PARTITION BY e.owner ORDER BY e.ord) - 1,
                        e.type, e.payload::jsonb, $9, e.context, e.blocked, NULL, 0
                 FROM unnest($3::varchar[], $4::varchar[], $5::varchar[], $6::text[], $7::varchar[], $8::boolean[]) WITH ORDINALITY
                      AS e(id, owner, type, payload, context, blocked, ord)
                 JOIN counters c ON c.owner = e.owner
                 RETURNING id, index, owner, is_delivery_blocked
             )
             SELECT id, index, CASE WHEN NOT is_delivery_blocked THEN pg_notify($10, owner)::text END AS announced FROM inserted`,
            [
                owners,
                counts,
                events.map((e) => e.id),
                events.map((e) => e.owner),
                events.map((e) => e.type),
                events.map((e) => JSON.stringify(e.payload)),
                events.map((e) => e.context),
                events.map((e) => e.isDeliveryBlocked),
                now,
                channel
            ]
        );
        return new Map(rows.map((row) => [row.id, Number(row.index)]));
    }

    /** A NOTIFY on `channel` per owner, which PostgreSQL sends on commit: one statement. */
    async notify(manager: EntityManager, channel: string, owners: string[]): Promise<void> {
        await rawQuery(manager, "SELECT pg_notify($1, o.owner) FROM unnest($2::text[]) AS o(owner)", [channel, owners]);
    }

    /** Releases the held-back events about `context`; returns their owners. */
    async releaseBlockedAbout(manager: EntityManager, context: string): Promise<string[]> {
        const { rows } = await rawQuery<{ owner: string }>(
            manager,
            "UPDATE external_events SET is_delivery_blocked = false WHERE context = $1 AND is_delivery_blocked RETURNING owner",
            [context]
        );
        return rows.map((r) => r.owner);
    }

    /** The contexts of an owner's held-back events of one type. */
    async blockedContextsOf(manager: EntityManager, owner: string, type: ExternalEventType): Promise<string[]> {
        const { rows } = await rawQuery<{ context: string }>(
            manager,
            "SELECT DISTINCT context FROM external_events WHERE owner = $1 AND type = $2 AND is_delivery_blocked AND context IS NOT NULL",
            [owner, type]
        );
        return rows.map((r) => r.context);
    }

    /** Releases an owner's held-back events of one type about these contexts. */
    async releaseBlockedOf(manager: EntityManager, owner: string, type: ExternalEventType, contexts: string[]): Promise<void> {
        await rawQuery(
            manager,
            "UPDATE external_events SET is_delivery_blocked = false WHERE owner = $1 AND type = $2 AND context = ANY($3) AND is_delivery_blocked",
            [owner, type, contexts]
        );
    }

    /** Drops the held-back events about `context`. */
    async deleteBlocked(manager: EntityManager, context: string): Promise<void> {
        await rawQuery(manager, "DELETE FROM external_events WHERE context = $1 AND is_delivery_blocked", [context]);
    }

    /** Drops an owner's not yet synced events of one type about `context`. */
    async deleteUnsynced(manager: EntityManager, owner: string, type: ExternalEventType, context: string): Promise<void> {
        await rawQuery(manager, "DELETE FROM external_events WHERE owner = $1 AND type = $2 AND context = $3 AND sync_run_id IS NULL", [
            owner,
            type,
            context
        ]);
    }

    /** Removes a deleted identity's events and their counter, in the deletion's transaction. */
    async removeIdentity(manager: EntityManager, address: string): Promise<void> {
        await manager.delete(ExternalEvent, { owner: address });
        await manager.delete(ExternalEventCounter, { owner: address });
    }
}
