import { Inject, Injectable } from "@nestjs/common";
import type { EntityManager } from "typeorm";

import type { Caller } from "../../core/auth/caller";
import { Clock } from "../../core/clock/clock";
import { isUniqueViolation } from "../../core/database/errors";
import { Transactions } from "../../core/database/transactions";
import { notFound, notFoundInDomain } from "../../core/errors/errors";
import { DomainEvents } from "../../core/events/domain-events";
import {
    DEFAULT_GRACE_PERIOD_DAYS,
    type DeletionInitiator,
    type DeletionProcessChange,
    IdentityDeletionProcess
} from "./deletion-process.entity";
import { DeletionProcessAuditLogEntry } from "./deletion-process-audit-log.entity";
import { type DeletionProcessOverview, deletionProcessOverview } from "./deletion-processes.dto";
import { IdentitiesErrors } from "./identities.errors";
import {
    DeletionProcessCancelledBySupport,
    DeletionProcessStartedBySupport,
    IdentityDeletionCancelled,
    IdentityToBeDeleted
} from "./identities.events";
import { IdentitiesRepository } from "./identities.repository";

export interface DeletionAuditLogEntryInfo {
    id: string;
    createdAt: string;
    oldStatus: string | null;
    newStatus: string | null;
    additionalData: Record<string, string>;
    messageKey: string;
}

function auditLogEntryInfo(e: DeletionProcessAuditLogEntry): DeletionAuditLogEntryInfo {
    return {
        id: e.id,
        createdAt: e.createdAt.toISOString(),
        oldStatus: e.oldStatus,
        newStatus: e.newStatus,
        additionalData: e.additionalData ?? {},
        messageKey: e.messageKey
    };
}

export type { DeletionProcessOverview } from "./deletion-processes.dto";

/**
 * Identity deletion processes: started and cancelled by the identity itself (Consumer API) or by support (Admin
 * API), with an audit log that outlives the identity. One method per use case: load or 404, the process and the
 * identity decide, persist through the repository, publish the domain events in the same transaction.
 */
@Injectable()
export class DeletionProcessesService {
    constructor(
        private readonly identities: IdentitiesRepository,
        private readonly transactions: Transactions,
        private readonly events: DomainEvents,
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

    async listDeletionProcesses(caller: Caller): Promise<IdentityDeletionProcess[]> {
        return await this.identities.deletionProcessesOf(caller.address, "ASC");
    }

    async getDeletionProcess(caller: Caller, id: string): Promise<IdentityDeletionProcess> {
        const process = await this.identities.findDeletionProcess(caller.address, id);
        if (!process) throw notFound("IdentityDeletionProcess");
        return process;
    }

    /** The deletion processes of an identity for support, newest first; 404 when the identity does not exist. */
    async listDeletionProcessesAsSupport(address: string): Promise<DeletionProcessOverview[]> {
        if (!(await this.identities.exists(address))) throw notFound("Identity");
        return (await this.identities.deletionProcessesOf(address, "DESC")).map(deletionProcessOverview);
    }

    /** One deletion process of an identity with its audit log, for support. */
    async getDeletionProcessAsSupport(
        address: string,
        id: string
    ): Promise<DeletionProcessOverview & { auditLog: DeletionAuditLogEntryInfo[] }> {
        if (!(await this.identities.exists(address))) throw notFound("Identity");
        const process = await this.identities.findDeletionProcess(address, id);
        if (!process) throw notFound("IdentityDeletionProcess");
        const entries = await this.identities.auditLogOfProcess(process.id);
        return { ...deletionProcessOverview(process), auditLog: entries.map(auditLogEntryInfo) };
    }

    /** Every audit log entry about an address, oldest first, also after the identity was deleted. */
    async auditLogsOfIdentity(address: string): Promise<DeletionAuditLogEntryInfo[]> {
        return (await this.identities.auditLogOfAddress(address)).map(auditLogEntryInfo);
    }

    async cancelDeletionProcess(caller: Caller, id: string): Promise<IdentityDeletionProcess> {
        return await this.cancel(caller.address, id, { kind: "owner", deviceId: caller.deviceId });
    }

    /** Support cancels an active deletion process (also after its grace period, as long as the deletion has not begun). */
    async cancelDeletionProcessAsSupport(address: string, id: string): Promise<IdentityDeletionProcess> {
        return await this.cancel(address, id, { kind: "support" });
    }

    private async start(
        address: string,
        initiator: DeletionInitiator,
        lengthOfGracePeriodInDays: number
    ): Promise<IdentityDeletionProcess> {
        const now = this.clock.now();
        try {
            return await this.transactions.run(async (manager) => {
                const identity = await this.identities.findForUpdate(manager, address);
                if (!identity) throw notFound("Identity");
                if (await this.identities.hasOpenDeletionProcess(manager, address)) throw IdentitiesErrors.onlyOneActiveDeletionProcess();
                const process = IdentityDeletionProcess.start({
                    identityAddress: address,
                    previousTierId: identity.tierId,
                    initiator,
                    lengthOfGracePeriodInDays,
                    now
                });
                await this.identities.insertDeletionProcess(manager, process);
                identity.queueForDeletion(process.gracePeriodEndsAt!);
                await this.identities.updateDeletionState(manager, identity);
                await this.audit(manager, process, IdentityDeletionProcess.started(initiator), now);
                await this.events.publish(manager, new IdentityToBeDeleted(address, process.gracePeriodEndsAt!));
                if (initiator.kind === "support")
                    await this.events.publish(manager, new DeletionProcessStartedBySupport(address, process.id));
                return process;
            });
        } catch (error) {
            if (isUniqueViolation(error, "ux_deletion_processes_one_open")) throw IdentitiesErrors.onlyOneActiveDeletionProcess();
            throw error;
        }
    }

    private async cancel(address: string, id: string, initiator: DeletionInitiator): Promise<IdentityDeletionProcess> {
        const now = this.clock.now();
        return await this.transactions.run(async (manager) => {
            // The identity first, as the start and the deletion lock it: the deletion waits for the cancellation (and
            // then finds the identity no longer due), or the cancellation waits and finds nothing left to cancel.
            const identity = await this.identities.findForUpdate(manager, address);
            if (!identity) throw initiator.kind === "support" ? notFound("Identity") : notFoundInDomain("IdentityDeletionProcess");
            const process = await this.identities.findDeletionProcessForUpdate(manager, address, id);
            if (!process) throw notFoundInDomain("IdentityDeletionProcess");
            const change = process.cancel(initiator, now);
            await this.identities.saveDeletionProcess(manager, process);
            identity.restore(process.previousTierId);
            await this.identities.updateDeletionState(manager, identity);
            await this.audit(manager, process, change, now);
            await this.events.publish(manager, new IdentityDeletionCancelled(address));
            if (initiator.kind === "support") await this.events.publish(manager, new DeletionProcessCancelledBySupport(address, id));
            return process;
        });
    }

    /** Writes an audit log entry in the transaction of the change. */
    async audit(
        manager: EntityManager,
        process: Pick<IdentityDeletionProcess, "id" | "identityAddress">,
        change: DeletionProcessChange,
        at: Date
    ): Promise<void> {
        await this.identities.insertAuditLogEntry(manager, DeletionProcessAuditLogEntry.of(process, change, at));
    }
}
