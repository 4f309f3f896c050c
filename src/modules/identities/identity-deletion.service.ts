import { Inject, Injectable, Logger } from "@nestjs/common";
import type { EntityManager } from "typeorm";

import { Clock } from "../../core/clock/clock";
import { Transactions } from "../../core/database/transactions";
import { DomainEvents } from "../../core/events/domain-events";
import { IdentityDeletionProcess } from "./deletion-process.entity";
import { DeletionProcessesService } from "./deletion-processes.service";
import { IdentityDeleted, IdentityDeletionStarted } from "./identities.events";
import { IdentitiesRepository } from "./identities.repository";

/**
 * Deletes identities whose deletion grace period is over. Each identity goes in one transaction: peers are told
 * (IdentityDeletionStarted), every module removes its data (IdentityDeleted: the devices module its devices), then
 * the identity goes. A failure rolls the identity back and it is retried on the next run; concurrent runs skip
 * identities another run holds.
 */
@Injectable()
export class IdentityDeletionService {
    private readonly logger = new Logger("IdentityDeletion");

    constructor(
        private readonly identities: IdentitiesRepository,
        private readonly processes: DeletionProcessesService,
        private readonly transactions: Transactions,
        private readonly events: DomainEvents,
        @Inject(Clock) private readonly clock: Clock
    ) {}

    /** Deletes up to `batchSize` due identities; returns how many were deleted. */
    async deleteDueIdentities(batchSize = 50): Promise<number> {
        const now = this.clock.now();
        let deleted = 0;
        for (const address of await this.identities.dueForDeletion(now, batchSize)) {
            try {
                if (await this.transactions.run((manager) => this.deleteIdentity(manager, address, now))) deleted++;
            } catch (error) {
                this.logger.error(
                    `deletion of an identity failed and will be retried: ${error instanceof Error ? error.message : "unknown error"}`
                );
            }
        }
        return deleted;
    }

    private async deleteIdentity(manager: EntityManager, address: string, now: Date): Promise<boolean> {
        const identity = await this.identities.lockForDeletion(manager, address);
        if (!identity || !identity.isDueForDeletion(now)) return false;
        const processes = await this.identities.openDeletionProcessesOf(manager, address);
        for (const process of processes) {
            const change = process.beginDeletion();
            if (change) await this.processes.audit(manager, process, change, now);
        }
        await this.identities.beginDeletionProcesses(manager, address);
        await this.events.publish(manager, new IdentityDeletionStarted(address, now));
        await this.events.publish(manager, new IdentityDeleted(address));
        await this.identities.delete(manager, address);
        for (const process of processes) await this.processes.audit(manager, process, IdentityDeletionProcess.completed(), now);
        return true;
    }
}
