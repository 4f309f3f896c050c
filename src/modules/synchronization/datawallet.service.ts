import { Inject, Injectable, Logger } from "@nestjs/common";

import type { Caller } from "../../core/auth/caller";
import { Clock } from "../../core/clock/clock";
import { isUniqueViolation } from "../../core/database/errors";
import { Transactions } from "../../core/database/transactions";
import { notFound } from "../../core/errors/errors";
import { Page, type PageRequest } from "../../core/http/pagination";
import { PushNotificationsService } from "../push-notifications/push-notifications.service";
import type { Datawallet, DatawalletModification, NewDatawalletModification } from "./datawallet.entity";
import { DatawalletRepository } from "./datawallet.repository";
import { SyncRunsRepository } from "./sync-runs.repository";
import { SynchronizationErrors } from "./synchronization.errors";

/** The datawallet of an identity and its modifications (indexes 0, 1, 2, ... per identity, in arrival order). */
@Injectable()
export class DatawalletService {
    private readonly logger = new Logger("Datawallet");

    constructor(
        private readonly transactions: Transactions,
        private readonly datawallets: DatawalletRepository,
        private readonly syncRuns: SyncRunsRepository,
        private readonly pushNotifications: PushNotificationsService,
        @Inject(Clock) private readonly clock: Clock
    ) {}

    async getDatawallet(caller: Caller): Promise<Datawallet> {
        const datawallet = await this.datawallets.find(caller.address);
        if (!datawallet) throw notFound("Datawallet");
        return datawallet;
    }

    /** Appends modifications after the latest one (`localIndex`); refused while a sync run of the identity is open. */
    async pushModifications(
        caller: Caller,
        supportedVersion: number,
        request: { localIndex?: number | null; modifications: NewDatawalletModification[] }
    ): Promise<DatawalletModification[]> {
        let created: DatawalletModification[];
        try {
            created = await this.transactions.run(async (manager) => {
                const datawallet = await this.datawallets.lock(manager, caller.address, "update");
                if (await this.syncRuns.hasUnfinalized(manager, caller.address)) {
                    throw SynchronizationErrors.cannotPushDatawalletModificationsDuringActiveSyncRun();
                }
                if (!datawallet) throw notFound("Datawallet");
                datawallet.assertSupportedBy(supportedVersion);
                datawallet.assertUpToDate(request.localIndex);
                const modifications = datawallet.append(request.modifications, caller.deviceId, this.clock.now());
                await this.datawallets.append(manager, datawallet, modifications);
                return modifications;
            });
        } catch (error) {
            if (isUniqueViolation(error, "ux_datawallet_modifications_owner_index")) {
                throw SynchronizationErrors.datawalletNotUpToDate(request.localIndex, null);
            }
            throw error;
        }
        this.announceModifications(caller);
        return created;
    }

    /**
     * Tells the identity's other devices (after commit) that the datawallet changed: over SSE on every instance
     * (NOTIFY, which each instance LISTENs to) and by one push from this instance.
     */
    announceModifications(caller: Caller): void {
        this.datawallets
            .announceChange(caller.address, caller.deviceId)
            .catch((error: unknown) =>
                this.logger.warn(`datawallet change not announced: ${error instanceof Error ? error.message : "unknown error"}`)
            );
        void this.pushNotifications.sendToIdentity(
            caller.address,
            "DatawalletModificationsCreated",
            { createdByDevice: caller.deviceId },
            { exceptDevice: caller.deviceId }
        );
    }

    /**
     * The modifications after `localIndex`, only the latest one per (objectIdentifier, type, payloadCategory),
     * ordered by index.
     */
    async listModifications(
        caller: Caller,
        supportedVersion: number,
        localIndex: number | undefined,
        request: PageRequest
    ): Promise<Page<DatawalletModification>> {
        const datawallet = await this.datawallets.find(caller.address);
        if (!datawallet) return new Page([], request, 0);
        datawallet.assertSupportedBy(supportedVersion);
        return await this.datawallets.pageLatestAfter(caller.address, localIndex ?? -1, request);
    }
}
