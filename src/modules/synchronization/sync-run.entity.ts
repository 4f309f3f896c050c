import { Column, Entity, Index } from "typeorm";

import { CreatedRecordColumns } from "../../core/database/created-record";
import { pageOffset, type PageRequest } from "../../core/http/pagination";
import { newId } from "../../core/ids/ids";
import { SynchronizationErrors } from "./synchronization.errors";
import type { SyncRunType } from "./synchronization.events";

/** How long a run lives when its start names no duration, and how long a refresh extends it (seconds). */
export const DEFAULT_SYNC_RUN_DURATION_SECONDS = 10;
export const SYNC_RUN_REFRESH_SECONDS = 10;

export interface NewSyncRun {
    type: SyncRunType;
    createdBy: { address: string; deviceId: string };
    /** The identity's latest run before this one (its index + 1 is this run's index). */
    previous: SyncRun | null;
    durationSeconds?: number;
    now: Date;
}

const bigint = { to: (v: number) => v, from: (v: string) => Number(v) };

/**
 * One synchronisation of a device: the external events handed to it, or a datawallet version upgrade.
 * At most one unfinalized run per identity (a partial unique index), and run indexes are unique per identity.
 */
@Entity({ name: "sync_runs" })
@Index("ux_sync_runs_created_by_index", ["createdBy", "index"], { unique: true })
@Index("ux_sync_runs_one_unfinalized_per_identity", ["createdBy"], { unique: true, where: "finalized_at IS NULL" })
export class SyncRun extends CreatedRecordColumns {
    @Column({ type: "varchar", length: 30 })
    type!: SyncRunType;

    @Column({ type: "bigint", transformer: bigint })
    index!: number;

    @Column({ type: "timestamptz" })
    expiresAt!: Date;

    @Column({ type: "timestamptz", nullable: true })
    finalizedAt!: Date | null;

    @Column({ type: "integer", default: 0 })
    eventCount!: number;

    /** A new run of an identity; `previous` must not block it (see blocksNewRunAt). */
    static start(input: NewSyncRun): SyncRun {
        return Object.assign(new SyncRun(), {
            id: newId("SYR"),
            type: input.type,
            index: input.previous ? input.previous.index + 1 : 0,
            createdBy: input.createdBy.address,
            createdByDevice: input.createdBy.deviceId,
            createdAt: input.now,
            expiresAt: new Date(input.now.getTime() + (input.durationSeconds ?? DEFAULT_SYNC_RUN_DURATION_SECONDS) * 1000),
            finalizedAt: null,
            eventCount: 0
        });
    }

    /**
     * Decides what the start of a new run does with this (the identity's latest) run: nothing when it is finalized,
     * "cancel" when it expired unfinalized; refused while it runs.
     */
    onNewRunAt(now: Date): "none" | "cancel" {
        if (this.isFinalized()) return "none";
        if (!this.isExpired(now)) throw SynchronizationErrors.cannotStartSyncRunWhenAnotherSyncRunIsRunning(this.id);
        return "cancel";
    }

    /** Ends an expired run without a result: its events count a failed attempt and become deliverable again. */
    cancel(now: Date): void {
        this.finalizedAt = now;
    }

    /** Checks that the device may read the run's events now. */
    assertReadableBy(deviceId: string): void {
        if (this.isFinalized()) throw SynchronizationErrors.syncRunAlreadyFinalized();
        if (this.createdByDevice !== deviceId) throw SynchronizationErrors.cannotReadExternalEventsOfASyncRunStartedByAnotherDevice();
    }

    /** The positions of a page of the run's events (the run knows how many it has) and its total. */
    pageRange(request: PageRequest): { from: number; count: number; total: number } {
        const from = pageOffset(request);
        return { from, count: Math.max(0, Math.min(request.pageSize, this.eventCount - from)), total: this.eventCount };
    }

    /** Finalizes the run (of the expected type) by the device that started it. */
    finalize(type: SyncRunType, deviceId: string, now: Date): void {
        if (this.type !== type) throw SynchronizationErrors.unexpectedSyncRunType(type);
        if (this.createdByDevice !== deviceId) throw SynchronizationErrors.cannotFinalizeSyncRunStartedByAnotherDevice();
        if (this.isFinalized()) throw SynchronizationErrors.syncRunAlreadyFinalized();
        this.finalizedAt = now;
    }

    /** Extends the run, by the device that started it, to SYNC_RUN_REFRESH_SECONDS from now. */
    refresh(deviceId: string, now: Date): void {
        if (this.createdByDevice !== deviceId) throw SynchronizationErrors.cannotRefreshExpirationTimeOfSyncRunStartedByAnotherDevice();
        if (this.isFinalized()) throw SynchronizationErrors.syncRunAlreadyFinalized();
        this.expiresAt = new Date(now.getTime() + SYNC_RUN_REFRESH_SECONDS * 1000);
    }

    isExpired(now: Date): boolean {
        return this.expiresAt.getTime() <= now.getTime();
    }

    isFinalized(): boolean {
        return this.finalizedAt !== null;
    }
}
