import { Column, Entity, Index, PrimaryColumn } from "typeorm";

import type { SyncRunType } from "./synchronization.events";

const bigint = { to: (v: number) => v, from: (v: string) => Number(v) };

/**
 * One synchronisation of a device: the external events handed to it, or a datawallet version upgrade.
 * At most one unfinalized run per identity (a partial unique index), and run indexes are unique per identity.
 */
@Entity({ name: "sync_runs" })
@Index("ux_sync_runs_created_by_index", ["createdBy", "index"], { unique: true })
@Index("ux_sync_runs_one_unfinalized_per_identity", ["createdBy"], { unique: true, where: "finalized_at IS NULL" })
export class SyncRun {
    @PrimaryColumn({ type: "varchar", length: 20 })
    id!: string;

    @Column({ type: "varchar", length: 30 })
    type!: SyncRunType;

    @Column({ type: "bigint", transformer: bigint })
    index!: number;

    @Column({ type: "varchar", length: 80 })
    createdBy!: string;

    @Column({ type: "varchar", length: 20 })
    createdByDevice!: string;

    @Column({ type: "timestamptz" })
    createdAt!: Date;

    @Column({ type: "timestamptz" })
    expiresAt!: Date;

    @Column({ type: "timestamptz", nullable: true })
    finalizedAt!: Date | null;

    @Column({ type: "integer", default: 0 })
    eventCount!: number;

    isExpired(now: Date): boolean {
        return this.expiresAt.getTime() <= now.getTime();
    }

    isFinalized(): boolean {
        return this.finalizedAt !== null;
    }
}
