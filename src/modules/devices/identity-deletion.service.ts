import { createHash } from "node:crypto";

import { Inject, Injectable, Logger } from "@nestjs/common";
import { DataSource, type EntityManager, In, LessThan } from "typeorm";

import { Clock } from "../../core/clock/clock";
import { DomainEvents } from "../../core/events/domain-events";
import { DeletedIdentityUsername } from "./deleted-identity.entity";
import { IdentityDeletionProcess } from "./deletion-process.entity";
import { DeletionProcessesService } from "./deletion-processes.service";
import { Device } from "./device.entity";
import {
    DeletionAuditLogMessageKey,
    DeletionProcessStatus,
    IdentityDeleted,
    IdentityDeletionStarted,
    IdentityStatus
} from "./devices.events";
import { Identity } from "./identity.entity";

export function usernameHash(username: string): string {
    return createHash("sha256").update(username).digest("hex");
}

/**
 * Deletes identities whose deletion grace period is over. Each identity goes in one transaction: peers are told
 * (IdentityDeletionStarted), every module removes its data (IdentityDeleted), then devices and identity go. A failure
 * rolls the identity back and it is retried on the next run; concurrent runs skip identities another run holds.
 */
@Injectable()
export class IdentityDeletionService {
    private readonly logger = new Logger("IdentityDeletion");

    constructor(
        private readonly dataSource: DataSource,
        private readonly domainEvents: DomainEvents,
        private readonly processes: DeletionProcessesService,
        @Inject(Clock) private readonly clock: Clock
    ) {}

    /** Deletes up to `batchSize` due identities; returns how many were deleted. */
    async deleteDueIdentities(batchSize = 50): Promise<number> {
        const now = this.clock.now();
        const due = await this.dataSource.getRepository(Identity).find({
            where: { status: In([IdentityStatus.ToBeDeleted, IdentityStatus.Deleting]), deletionGracePeriodEndsAt: LessThan(now) },
            select: { address: true },
            order: { deletionGracePeriodEndsAt: "ASC" },
            take: batchSize
        });
        let deleted = 0;
        for (const { address } of due) {
            try {
                if (await this.dataSource.transaction((manager) => this.deleteIdentity(manager, address, now))) deleted++;
            } catch (error) {
                this.logger.error(
                    `deletion of an identity failed and will be retried: ${error instanceof Error ? error.message : "unknown error"}`
                );
            }
        }
        return deleted;
    }

    private async deleteIdentity(manager: EntityManager, address: string, now: Date): Promise<boolean> {
        const identity = await manager
            .createQueryBuilder(Identity, "i")
            .setLock("pessimistic_write")
            .setOnLocked("skip_locked")
            .where("i.address = :address", { address })
            .getOne();
        if (!identity || identity.canLogIn(now)) return false;
        const processes = await manager.find(IdentityDeletionProcess, {
            where: { identityAddress: address, status: In([DeletionProcessStatus.Active, DeletionProcessStatus.Deleting]) }
        });
        for (const process of processes.filter((p) => p.status === DeletionProcessStatus.Active)) {
            await this.processes.audit(manager, process, now, {
                oldStatus: DeletionProcessStatus.Active,
                newStatus: DeletionProcessStatus.Deleting,
                messageKey: DeletionAuditLogMessageKey.DeletionStarted
            });
        }
        await manager.update(
            IdentityDeletionProcess,
            { identityAddress: address, status: DeletionProcessStatus.Active },
            { status: DeletionProcessStatus.Deleting }
        );
        await this.domainEvents.publish(manager, new IdentityDeletionStarted(address, now));
        await this.domainEvents.publish(manager, new IdentityDeleted(address));
        const devices = await manager.find(Device, { where: { identityAddress: address }, select: { id: true, username: true } });
        if (devices.length > 0) {
            await manager
                .createQueryBuilder()
                .insert()
                .into(DeletedIdentityUsername)
                .values(devices.map((d) => ({ usernameHash: usernameHash(d.username), deletedAt: now })))
                .orIgnore()
                .execute();
        }
        await manager.delete(Device, { identityAddress: address });
        await manager.delete(IdentityDeletionProcess, { identityAddress: address });
        await manager.delete(Identity, { address });
        for (const process of processes) {
            await this.processes.audit(manager, process, now, {
                oldStatus: DeletionProcessStatus.Deleting,
                newStatus: null,
                messageKey: DeletionAuditLogMessageKey.DeletionCompleted
            });
        }
        return true;
    }
}
