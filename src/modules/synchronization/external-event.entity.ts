import { Column, Entity, Index, PrimaryColumn } from "typeorm";

import type { ExternalEventType } from "./synchronization.events";

/** An event that failed this often is never delivered again. */
export const MAX_SYNC_ERRORS = 3;

/**
 * Something an identity's devices must learn on their next sync. Written by the module that causes it, in the
 * same transaction as the change (the outbox of the monolith).
 */
@Entity({ name: "external_events" })
@Index("ux_external_events_owner_index", ["owner", "index"], { unique: true })
@Index("ix_external_events_owner_unsynced", ["owner", "index"], { where: "sync_run_id IS NULL" })
@Index("ix_external_events_sync_run_position", ["syncRunId", "syncRunPosition"], { where: "sync_run_id IS NOT NULL" })
export class ExternalEvent {
    @PrimaryColumn({ type: "varchar", length: 20 })
    id!: string;

    @Column({ type: "varchar", length: 80 })
    owner!: string;

    @Column({ type: "bigint", transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
    index!: number;

    @Column({ type: "varchar", length: 60 })
    type!: ExternalEventType;

    @Column({ type: "jsonb" })
    payload!: Record<string, string>;

    @Column({ type: "timestamptz" })
    createdAt!: Date;

    /** What the event is about, for releasing or dropping it later (e.g. the relationship of a MessageReceived). */
    @Index("ix_external_events_context")
    @Column({ type: "varchar", length: 20, nullable: true })
    context!: string | null;

    /** Held back (not delivered) until its context allows it, e.g. while a relationship is Pending. */
    @Column({ type: "boolean", default: false })
    isDeliveryBlocked!: boolean;

    @Column({ type: "varchar", length: 20, nullable: true })
    syncRunId!: string | null;

    /**
     * The event's place (0, 1, 2, ... in index order) among the events of its sync run, set when the run takes it: a
     * page of the run is a range of positions, read by index without skipping the earlier pages.
     */
    @Column({ type: "integer", nullable: true })
    syncRunPosition!: number | null;

    @Column({ type: "integer", default: 0 })
    syncErrorCount!: number;
}

/** Per-identity counter that hands out gap-free event indexes; its row lock serialises writers of one owner. */
@Entity({ name: "external_event_counters" })
export class ExternalEventCounter {
    @PrimaryColumn({ type: "varchar", length: 80 })
    owner!: string;

    @Column({ type: "bigint", transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
    nextIndex!: number;
}
