import { Inject, Injectable } from "@nestjs/common";
import type { EntityManager } from "typeorm";

import { Clock } from "../../core/clock/clock";
import { newId } from "../../core/ids/ids";
import { ExternalEvent } from "./external-event.entity";
import { ExternalEventPushes } from "./external-event-pushes";
import { ExternalEventsRepository } from "./external-events.repository";
import type { ExternalEventType } from "./synchronization.events";

export const EXTERNAL_EVENTS_CHANNEL = "backbone_external_events";

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
        private readonly events: ExternalEventsRepository,
        private readonly pushes: ExternalEventPushes
    ) {}

    /**
     * Records the events in one statement: the owners' counter rows are locked (upserted) in a fixed order (sorted
     * owners), each owner's events take the next gap-free indexes, all events are inserted together, and the deliverable
     * ones are announced (NOTIFY, sent on commit). It is meant to run last in its transaction, so the counter rows, which
     * serialise every writer of an owner, are held as briefly as possible.
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
        const indexes = await this.events.insertNumbered(
            manager,
            created,
            owners.map((owner) => byOwner.get(owner)!.length),
            owners,
            now,
            EXTERNAL_EVENTS_CHANNEL
        );
        for (const event of created) event.index = indexes.get(event.id)!;
        this.pushes.afterCommitOf(
            manager,
            created.filter((e) => !e.isDeliveryBlocked).map((e) => e.owner)
        );
        return created;
    }

    /** Tells every instance (after commit) that these identities have new deliverable events: one statement. */
    async announce(manager: EntityManager, owners: string[]): Promise<void> {
        if (owners.length === 0) return;
        await this.events.notify(manager, EXTERNAL_EVENTS_CHANNEL, [...new Set(owners)]);
    }

    /** Releases the held-back events about `context` (e.g. when a relationship becomes Active); announces them. */
    async releaseBlocked(manager: EntityManager, context: string): Promise<void> {
        await this.announce(manager, await this.events.releaseBlockedAbout(manager, context));
    }

    /** The contexts of an owner's held-back events of one type. */
    async blockedContextsOf(manager: EntityManager, owner: string, type: ExternalEventType): Promise<string[]> {
        return await this.events.blockedContextsOf(manager, owner, type);
    }

    /** Releases an owner's held-back events of one type about these contexts; announces them. */
    async releaseBlockedOf(manager: EntityManager, owner: string, type: ExternalEventType, contexts: string[]): Promise<void> {
        if (contexts.length === 0) return;
        await this.events.releaseBlockedOf(manager, owner, type, contexts);
        await this.announce(manager, [owner]);
    }

    /** Drops the held-back events about `context` (e.g. when a relationship is rejected or revoked). */
    async deleteBlocked(manager: EntityManager, context: string): Promise<void> {
        await this.events.deleteBlocked(manager, context);
    }

    /** Drops an owner's not yet synced events of one type about `context` (e.g. on decomposition). */
    async deleteUnsynced(manager: EntityManager, owner: string, type: ExternalEventType, context: string): Promise<void> {
        await this.events.deleteUnsynced(manager, owner, type, context);
    }
}
