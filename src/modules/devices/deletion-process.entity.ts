import { Column, Entity, Index, PrimaryColumn } from "typeorm";

import { DeletionProcessStatus } from "./devices.events";

/**
 * A request to delete an identity after a grace period, started by the identity itself or by support; the identity
 * (or support) may cancel it until then.
 */
@Entity({ name: "identity_deletion_processes" })
@Index("ux_deletion_processes_one_open", ["identityAddress"], { unique: true, where: "status IN ('Active', 'Deleting')" })
export class IdentityDeletionProcess {
    @PrimaryColumn({ type: "varchar", length: 20 })
    id!: string;

    @Index("ix_deletion_processes_identity")
    @Column({ type: "varchar", length: 80 })
    identityAddress!: string;

    @Column({ type: "varchar", length: 20 })
    status!: DeletionProcessStatus;

    @Column({ type: "timestamptz" })
    createdAt!: Date;

    /** The device that started the process; null when support started it. */
    @Column({ type: "varchar", length: 20, nullable: true })
    createdByDevice!: string | null;

    @Column({ type: "timestamptz", nullable: true })
    gracePeriodEndsAt!: Date | null;

    @Column({ type: "timestamptz", nullable: true })
    gracePeriodReminder1SentAt!: Date | null;

    @Column({ type: "timestamptz", nullable: true })
    gracePeriodReminder2SentAt!: Date | null;

    @Column({ type: "timestamptz", nullable: true })
    gracePeriodReminder3SentAt!: Date | null;

    @Column({ type: "timestamptz", nullable: true })
    cancelledAt!: Date | null;

    @Column({ type: "varchar", length: 20, nullable: true })
    cancelledByDevice!: string | null;

    /** The tier to restore when the process is cancelled. */
    @Column({ type: "varchar", length: 20, nullable: true })
    previousTierId!: string | null;

    isGracePeriodOver(now: Date): boolean {
        return this.gracePeriodEndsAt !== null && this.gracePeriodEndsAt.getTime() < now.getTime();
    }
}
