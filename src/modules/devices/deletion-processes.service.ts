import { Inject, Injectable } from "@nestjs/common";
import { DataSource } from "typeorm";

import type { Caller } from "../../core/auth/caller";
import { Clock } from "../../core/clock/clock";
import { isUniqueViolation } from "../../core/database/errors";
import { ApiError, notFound, notFoundInDomain } from "../../core/errors/errors";
import { DomainEvents } from "../../core/events/domain-events";
import { newId } from "../../core/ids/ids";
import { QUEUED_FOR_DELETION_TIER_ID } from "../../core/quotas/tiers";
import { DeletionProcessStatus, IdentityDeletionProcess } from "./deletion-process.entity";
import { IdentityDeletionCancelled, IdentityToBeDeleted } from "./devices.events";
import { Identity, IdentityStatus } from "./identity.entity";

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

/** Identity deletion processes started and cancelled by the identity itself. */
@Injectable()
export class DeletionProcessesService {
    constructor(
        private readonly dataSource: DataSource,
        private readonly domainEvents: DomainEvents,
        @Inject(Clock) private readonly clock: Clock
    ) {}

    async startDeletionProcess(caller: Caller, lengthOfGracePeriodInDays = DEFAULT_GRACE_PERIOD_DAYS): Promise<IdentityDeletionProcess> {
        const now = this.clock.now();
        try {
            return await this.dataSource.transaction(async (manager) => {
                const identity = await manager.findOne(Identity, {
                    where: { address: caller.address },
                    lock: { mode: "pessimistic_write" }
                });
                if (!identity) throw notFound("Identity");
                const open = await manager.existsBy(IdentityDeletionProcess, [
                    { identityAddress: caller.address, status: DeletionProcessStatus.Active },
                    { identityAddress: caller.address, status: DeletionProcessStatus.Deleting }
                ]);
                if (open) throw onlyOneActive();
                const gracePeriodEndsAt = new Date(now.getTime() + lengthOfGracePeriodInDays * DAY_MS);
                const process = manager.create(IdentityDeletionProcess, {
                    id: newId("IDP"),
                    identityAddress: caller.address,
                    status: DeletionProcessStatus.Active,
                    createdAt: now,
                    createdByDevice: caller.deviceId,
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
                    { address: identity.address },
                    {
                        status: IdentityStatus.ToBeDeleted,
                        deletionGracePeriodEndsAt: gracePeriodEndsAt,
                        tierId: QUEUED_FOR_DELETION_TIER_ID
                    }
                );
                await this.domainEvents.publish(manager, new IdentityToBeDeleted(identity.address, gracePeriodEndsAt));
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

    async cancelDeletionProcess(caller: Caller, id: string): Promise<IdentityDeletionProcess> {
        const now = this.clock.now();
        return await this.dataSource.transaction(async (manager) => {
            const process = await manager.findOne(IdentityDeletionProcess, {
                where: { id, identityAddress: caller.address },
                lock: { mode: "pessimistic_write" }
            });
            if (!process) throw notFoundInDomain("IdentityDeletionProcess");
            if (process.status !== DeletionProcessStatus.Active) throw notInRequiredStatus();
            if (process.isGracePeriodOver(now)) throw gracePeriodOver();
            process.status = DeletionProcessStatus.Cancelled;
            process.cancelledAt = now;
            process.cancelledByDevice = caller.deviceId;
            process.gracePeriodEndsAt = null;
            await manager.save(process);
            await manager.update(
                Identity,
                { address: caller.address },
                { status: IdentityStatus.Active, deletionGracePeriodEndsAt: null, tierId: process.previousTierId }
            );
            await this.domainEvents.publish(manager, new IdentityDeletionCancelled(caller.address));
            return process;
        });
    }
}
