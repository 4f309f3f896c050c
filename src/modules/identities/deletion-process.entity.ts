import { Column, Entity, Index, PrimaryColumn } from "typeorm";

import { newId } from "../../core/ids/ids";
import { IdentitiesErrors } from "./identities.errors";
import { DeletionAuditLogMessageKey, DeletionProcessStatus } from "./identities.events";

const DAY_MS = 24 * 60 * 60 * 1000;
/** The grace period of a deletion process when its starter names none (support always uses it). */
export const DEFAULT_GRACE_PERIOD_DAYS = 14;

/** Who starts or cancels a deletion process: a device of the identity, or support through the Admin API. */
export type DeletionInitiator = { kind: "owner"; deviceId: string } | { kind: "support" };

/** A change of a deletion process as its audit log records it. */
export interface DeletionProcessChange {
    oldStatus: DeletionProcessStatus | null;
    newStatus: DeletionProcessStatus | null;
    messageKey: DeletionAuditLogMessageKey;
}

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

    /**
     * A new, active process of an identity that has none open (checked by the caller in its transaction, and by the
     * unique index); the identity's tier is kept to be restored on cancellation.
     */
    static start(input: {
        identityAddress: string;
        previousTierId: string | null;
        initiator: DeletionInitiator;
        lengthOfGracePeriodInDays: number;
        now: Date;
    }): IdentityDeletionProcess {
        return Object.assign(new IdentityDeletionProcess(), {
            id: newId("IDP"),
            identityAddress: input.identityAddress,
            status: DeletionProcessStatus.Active,
            createdAt: input.now,
            createdByDevice: input.initiator.kind === "owner" ? input.initiator.deviceId : null,
            gracePeriodEndsAt: new Date(input.now.getTime() + input.lengthOfGracePeriodInDays * DAY_MS),
            gracePeriodReminder1SentAt: null,
            gracePeriodReminder2SentAt: null,
            gracePeriodReminder3SentAt: null,
            cancelledAt: null,
            cancelledByDevice: null,
            previousTierId: input.previousTierId
        });
    }

    /** What its start records in the audit log. */
    static started(initiator: DeletionInitiator): DeletionProcessChange {
        return {
            oldStatus: null,
            newStatus: DeletionProcessStatus.Active,
            messageKey: initiator.kind === "owner" ? DeletionAuditLogMessageKey.StartedByOwner : DeletionAuditLogMessageKey.StartedBySupport
        };
    }

    get isOpen(): boolean {
        return this.status === DeletionProcessStatus.Active || this.status === DeletionProcessStatus.Deleting;
    }

    isGracePeriodOver(now: Date): boolean {
        return this.gracePeriodEndsAt !== null && this.gracePeriodEndsAt.getTime() < now.getTime();
    }

    /**
     * Cancels an active process. The owner may cancel only during the grace period; support also after it, as long as
     * the deletion has not begun.
     */
    cancel(initiator: DeletionInitiator, now: Date): DeletionProcessChange {
        if (this.status !== DeletionProcessStatus.Active) throw IdentitiesErrors.deletionProcessNotActive();
        if (initiator.kind === "owner" && this.isGracePeriodOver(now)) throw IdentitiesErrors.gracePeriodOver();
        this.status = DeletionProcessStatus.Cancelled;
        this.cancelledAt = now;
        this.cancelledByDevice = initiator.kind === "owner" ? initiator.deviceId : null;
        this.gracePeriodEndsAt = null;
        return {
            oldStatus: DeletionProcessStatus.Active,
            newStatus: DeletionProcessStatus.Cancelled,
            messageKey:
                initiator.kind === "owner" ? DeletionAuditLogMessageKey.CancelledByOwner : DeletionAuditLogMessageKey.CancelledBySupport
        };
    }

    /** The grace period is over and the deletion begins: an active process moves to Deleting (null: it already had). */
    beginDeletion(): DeletionProcessChange | null {
        if (this.status !== DeletionProcessStatus.Active) return null;
        this.status = DeletionProcessStatus.Deleting;
        return {
            oldStatus: DeletionProcessStatus.Active,
            newStatus: DeletionProcessStatus.Deleting,
            messageKey: DeletionAuditLogMessageKey.DeletionStarted
        };
    }

    /** The identity is gone, and the process with it. */
    static completed(): DeletionProcessChange {
        return { oldStatus: DeletionProcessStatus.Deleting, newStatus: null, messageKey: DeletionAuditLogMessageKey.DeletionCompleted };
    }
}
