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

    async record(manager: EntityManager, events: NewExternalEvent[]): Promise<ExternalEvent[]> {
        if (events.length === 0) return [];
        const byOwner = new Map<string, NewExternalEvent[]>();
        for (const event of events) byOwner.set(event.owner, [...(byOwner.get(event.owner) ?? []), event]);
        const created: ExternalEvent[] = [];
        const now = this.clock.now();
        for (const owner of [...byOwner.keys()].sort()) {
            const ownEvents = byOwner.get(owner)!;
            const rows: Array<{ next_index: string }> = await manager.query(
                `INSERT INTO external_event_counters (owner, next_index) VALUES ($1, $2)
                 ON CONFLICT (owner) DO UPDATE SET next_index = external_event_counters.next_index + $2
                 RETURNING next_index`,
                [owner, ownEvents.length]
            );
            const first = Number(rows[0]!.next_index) - ownEvents.length;
            ownEvents.forEach((event, i) => {
                created.push(
                    manager.create(ExternalEvent, {
                        id: newId("SYI"),
                        owner,
                        index: first + i,
                        type: event.type,
                        payload: event.payload,
                        createdAt: now,
                        context: event.context ?? null,
                        isDeliveryBlocked: event.blocked ?? false,
                        syncRunId: null,
                        syncErrorCount: 0
                    })
                );
            });
        }
        await manager.insert(ExternalEvent, created);
        const deliverableOwners = created.filter((e) => !e.isDeliveryBlocked).map((e) => e.owner);
        await this.announce(manager, deliverableOwners);
        this.pushes.afterCommitOf(manager, deliverableOwners);
        return created;
    }

    /** Tells every instance (after commit) that these identities have new deliverable events. */
    async announce(manager: EntityManager, owners: string[]): Promise<void> {
        for (const owner of new Set(owners)) {
            await manager.query("SELECT pg_notify($1, $2)", [EXTERNAL_EVENTS_CHANNEL, owner]);
        }
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
