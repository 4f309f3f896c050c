import { createHash } from "node:crypto";

import { Inject, Injectable } from "@nestjs/common";
import { DataSource, type EntityManager } from "typeorm";

import type { Caller } from "../../core/auth/caller";
import { Clock } from "../../core/clock/clock";
import { isUniqueViolation } from "../../core/database/errors";
import { ApiError, notFound, notFoundInDomain } from "../../core/errors/errors";
import { DomainEvents } from "../../core/events/domain-events";
import { newId } from "../../core/ids/ids";
import { QUEUED_FOR_DELETION_TIER_ID } from "../../core/quotas/tiers";
import { IdentityDeletionProcess } from "./deletion-process.entity";
import { DeletionProcessAuditLogEntry } from "./deletion-process-audit-log.entity";
import {
    DeletionAuditLogMessageKey,
    DeletionProcessCancelledBySupport,
    DeletionProcessStartedBySupport,
    DeletionProcessStatus,
    IdentityDeletionCancelled,
    IdentityStatus,
    IdentityToBeDeleted
} from "./devices.events";
import { Identity } from "./identity.entity";

const DAY_MS = 24 * 60 * 60 * 1000;
const DEFAULT_GRACE_PERIOD_DAYS = 14;

const onlyOneActive = () =>
    new ApiError("error.platform.validation.device.onlyOneActiveDeletionProcessAllowed", "Only one active deletion process is allowed.");
const notInRequiredStatus = () =>
    new ApiError(
        "error.platform.validation.device.deletionProcessIsNotInRequiredStatus",
        "The deletion process must be in status [Active] for the operation to continue, but it was in another status."
    );
const gracePeriodOver = () =>
    new ApiError(
        "error.platform.validation.device.gracePeriodHasAlreadyExpired",
        "You cannot perform this action, because the grace period of this deletion process has already expired."
    );

/** The SHA-256 of an address, which names the identity in the deletion audit log. */
export function addressHash(address: string): string {
    return createHash("sha256").update(address, "utf8").digest("hex");
}

/** A deletion process as support sees it (Admin API). */
export interface DeletionProcessOverview {
    id: string;
    status: string;
    createdAt: string;
    createdByDevice: string | null;
    approvedAt: string;
    approvedByDevice: string | null;
    gracePeriodEndsAt: string | null;
    gracePeriodReminder1SentAt: string | null;
    gracePeriodReminder2SentAt: string | null;
    gracePeriodReminder3SentAt: string | null;
}

export interface DeletionAuditLogEntryInfo {
    id: string;
    createdAt: string;
    oldStatus: string | null;
    newStatus: string | null;
    additionalData: Record<string, string>;
    messageKey: string;
}

function overview(p: IdentityDeletionProcess): DeletionProcessOverview {
    const iso = (d: Date | null) => d?.toISOString() ?? null;
    return {
        id: p.id,
        status: p.status,
        createdAt: p.createdAt.toISOString(),
        createdByDevice: p.createdByDevice,
        approvedAt: p.createdAt.toISOString(),
        approvedByDevice: p.createdByDevice,
        gracePeriodEndsAt: iso(p.gracePeriodEndsAt),
        gracePeriodReminder1SentAt: iso(p.gracePeriodReminder1SentAt),
        gracePeriodReminder2SentAt: iso(p.gracePeriodReminder2SentAt),
        gracePeriodReminder3SentAt: iso(p.gracePeriodReminder3SentAt)
    };
}

function auditEntry(e: DeletionProcessAuditLogEntry): DeletionAuditLogEntryInfo {
    return {
        id: e.id,
        createdAt: e.createdAt.toISOString(),
        oldStatus: e.oldStatus,
        newStatus: e.newStatus,
        additionalData: e.additionalData ?? {},
        messageKey: e.messageKey
    };
}

/** Who starts or cancels a deletion process: a device of the identity, or support through the Admin API. */
type Initiator = { kind: "owner"; deviceId: string } | { kind: "support" };

/**
 * Identity deletion processes: started and cancelled by the identity itself (Consumer API) or by support (Admin
 * API), with an audit log that outlives the identity.
 */
@Injectable()
export class DeletionProcessesService {
    constructor(
        private readonly dataSource: DataSource,
        private readonly domainEvents: DomainEvents,
        @Inject(Clock) private readonly clock: Clock
    ) {}

    async startDeletionProcess(caller: Caller, lengthOfGracePeriodInDays = DEFAULT_GRACE_PERIOD_DAYS): Promise<IdentityDeletionProcess> {
        return await this.start(caller.address, { kind: "owner", deviceId: caller.deviceId }, lengthOfGracePeriodInDays);
    }

    /**
     * Support starts the deletion of an identity: the process is active at once with the default grace period (the
     * current Consumer API knows no approval by the owner), and the identity's devices learn it on their next sync.
     */
    async startDeletionProcessAsSupport(address: string): Promise<IdentityDeletionProcess> {
        return await this.start(address, { kind: "support" }, DEFAULT_GRACE_PERIOD_DAYS);
    }

    private async start(address: string, initiator: Initiator, lengthOfGracePeriodInDays: number): Promise<IdentityDeletionProcess> {
        const now = this.clock.now();
        try {
            return await this.dataSource.transaction(async (manager) => {
                const identity = await manager.findOne(Identity, { where: { address }, lock: { mode: "pessimistic_write" } });
                if (!identity) throw notFound("Identity");
                const open = await manager.existsBy(IdentityDeletionProcess, [
                    { identityAddress: address, status: DeletionProcessStatus.Active },
                    { identityAddress: address, status: DeletionProcessStatus.Deleting }
                ]);
                if (open) throw onlyOneActive();
                const gracePeriodEndsAt = new Date(now.getTime() + lengthOfGracePeriodInDays * DAY_MS);
                const process = manager.create(IdentityDeletionProcess, {
                    id: newId("IDP"),
                    identityAddress: address,
                    status: DeletionProcessStatus.Active,
                    createdAt: now,
                    createdByDevice: initiator.kind === "owner" ? initiator.deviceId : null,
                    gracePeriodEndsAt,
                    gracePeriodReminder1SentAt: null,
                    gracePeriodReminder2SentAt: null,
                    gracePeriodReminder3SentAt: null,
                    cancelledAt: null,
                    cancelledByDevice: null,
                    previousTierId: identity.tierId
                });
                await manager.insert(IdentityDeletionProcess, process);
                await manager.update(
                    Identity,
                    { address },
                    {
                        status: IdentityStatus.ToBeDeleted,
                        deletionGracePeriodEndsAt: gracePeriodEndsAt,
                        tierId: QUEUED_FOR_DELETION_TIER_ID
                    }
                );
                await this.audit(manager, process, now, {
                    oldStatus: null,
                    newStatus: DeletionProcessStatus.Active,
                    messageKey:
                        initiator.kind === "owner" ? DeletionAuditLogMessageKey.StartedByOwner : DeletionAuditLogMessageKey.StartedBySupport
                });
                await this.domainEvents.publish(manager, new IdentityToBeDeleted(address, gracePeriodEndsAt));
                if (initiator.kind === "support") {
                    await this.domainEvents.publish(manager, new DeletionProcessStartedBySupport(address, process.id));
                }
                return process;
            });
        } catch (error) {
            if (isUniqueViolation(error, "ux_deletion_processes_one_open")) throw onlyOneActive();
            throw error;
        }
    }

    async listDeletionProcesses(caller: Caller): Promise<IdentityDeletionProcess[]> {
        return await this.dataSource.getRepository(IdentityDeletionProcess).find({
            where: { identityAddress: caller.address },
            order: { createdAt: "ASC", id: "ASC" }
        });
    }

    async getDeletionProcess(caller: Caller, id: string): Promise<IdentityDeletionProcess> {
        const process = await this.dataSource.getRepository(IdentityDeletionProcess).findOneBy({ id, identityAddress: caller.address });
        if (!process) throw notFound("IdentityDeletionProcess");
        return process;
    }

    /** The deletion processes of an identity for support, newest first; 404 when the identity does not exist. */
    async listDeletionProcessesAsSupport(address: string): Promise<DeletionProcessOverview[]> {
        if (!(await this.dataSource.getRepository(Identity).existsBy({ address }))) throw notFound("Identity");
        const processes = await this.dataSource.getRepository(IdentityDeletionProcess).find({
            where: { identityAddress: address },
            order: { createdAt: "DESC", id: "ASC" }
        });
        return processes.map(overview);
    }

    /** One deletion process of an identity with its audit log, for support. */
    async getDeletionProcessAsSupport(
        address: string,
        id: string
    ): Promise<DeletionProcessOverview & { auditLog: DeletionAuditLogEntryInfo[] }> {
        if (!(await this.dataSource.getRepository(Identity).existsBy({ address }))) throw notFound("Identity");
        const process = await this.dataSource.getRepository(IdentityDeletionProcess).findOneBy({ id, identityAddress: address });
        if (!process) throw notFound("IdentityDeletionProcess");
        const entries = await this.dataSource
            .getRepository(DeletionProcessAuditLogEntry)
            .find({ where: { deletionProcessId: process.id }, order: { createdAt: "ASC", sequence: "ASC" } });
        return { ...overview(process), auditLog: entries.map(auditEntry) };
    }

    /** Every audit log entry about an address, oldest first, also after the identity was deleted. */
    async auditLogsOfIdentity(address: string): Promise<DeletionAuditLogEntryInfo[]> {
        const entries = await this.dataSource
            .getRepository(DeletionProcessAuditLogEntry)
            .find({ where: { identityAddressHash: addressHash(address) }, order: { createdAt: "ASC", sequence: "ASC" } });
        return entries.map(auditEntry);
    }

    async cancelDeletionProcess(caller: Caller, id: string): Promise<IdentityDeletionProcess> {
        return await this.cancel(caller.address, id, { kind: "owner", deviceId: caller.deviceId });
    }

    /** Support cancels an active deletion process (also after its grace period, as long as the deletion has not begun). */
    async cancelDeletionProcessAsSupport(address: string, id: string): Promise<IdentityDeletionProcess> {
        if (!(await this.dataSource.getRepository(Identity).existsBy({ address }))) throw notFound("Identity");
        return await this.cancel(address, id, { kind: "support" });
    }

    private async cancel(address: string, id: string, initiator: Initiator): Promise<IdentityDeletionProcess> {
        const now = this.clock.now();
        return await this.dataSource.transaction(async (manager) => {
            const process = await manager.findOne(IdentityDeletionProcess, {
                where: { id, identityAddress: address },
                lock: { mode: "pessimistic_write" }
            });
            if (!process) throw notFoundInDomain("IdentityDeletionProcess");
            if (process.status !== DeletionProcessStatus.Active) throw notInRequiredStatus();
            if (initiator.kind === "owner" && process.isGracePeriodOver(now)) throw gracePeriodOver();
            process.status = DeletionProcessStatus.Cancelled;
            process.cancelledAt = now;
            process.cancelledByDevice = initiator.kind === "owner" ? initiator.deviceId : null;
            process.gracePeriodEndsAt = null;
            await manager.save(process);
            await manager.update(
                Identity,
                { address },
                { status: IdentityStatus.Active, deletionGracePeriodEndsAt: null, tierId: process.previousTierId }
            );
            await this.audit(manager, process, now, {
                oldStatus: DeletionProcessStatus.Active,
                newStatus: DeletionProcessStatus.Cancelled,
                messageKey:
                    initiator.kind === "owner" ? DeletionAuditLogMessageKey.CancelledByOwner : DeletionAuditLogMessageKey.CancelledBySupport
            });
            await this.domainEvents.publish(manager, new IdentityDeletionCancelled(address));
            if (initiator.kind === "support") await this.domainEvents.publish(manager, new DeletionProcessCancelledBySupport(address, id));
            return process;
        });
    }

    /** Writes an audit log entry in the transaction of the change. */
    async audit(
        manager: EntityManager,
        process: Pick<IdentityDeletionProcess, "id" | "identityAddress">,
        at: Date,
        entry: { oldStatus: string | null; newStatus: string | null; messageKey: DeletionAuditLogMessageKey }
    ): Promise<void> {
        await manager.insert(DeletionProcessAuditLogEntry, {
            id: newId("IDA"),
            deletionProcessId: process.id,
            identityAddressHash: addressHash(process.identityAddress),
            createdAt: at,
            oldStatus: entry.oldStatus,
            newStatus: entry.newStatus,
            messageKey: entry.messageKey,
            additionalData: null
        });
    }
}
