import { Injectable } from "@nestjs/common";
import { InjectDataSource } from "@nestjs/typeorm";
import type { DataSource, EntityManager } from "typeorm";

import { rawQuery } from "../../core/database/raw-query";
import { ExternalEvent, ExternalEventCounter } from "./external-event.entity";
import { MAX_SYNC_ERRORS } from "./external-events.service";

/** What a sync run may take of an identity's events: not yet taken, not held back, not failed too often. */
const DELIVERABLE = "sync_run_id IS NULL AND NOT is_delivery_blocked AND sync_error_count < $2";

/**
 * The queries of the read side of external events (sync runs taking, listing and releasing them), named by intent.
 * Recording events stays with ExternalEventsService.
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
        await manager.query(
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

    /** Removes a deleted identity's events and their counter, in the deletion's transaction. */
    async removeIdentity(manager: EntityManager, address: string): Promise<void> {
        await manager.delete(ExternalEvent, { owner: address });
        await manager.delete(ExternalEventCounter, { owner: address });
    }
}
