import { Inject, Injectable } from "@nestjs/common";
import type { EntityManager } from "typeorm";

import type { Caller } from "../../core/auth/caller";
import { Clock } from "../../core/clock/clock";
import { isUniqueViolation } from "../../core/database/errors";
import { Transactions } from "../../core/database/transactions";
import { notFound, ValidationError } from "../../core/errors/errors";
import { Page, type PageRequest } from "../../core/http/pagination";
import { IdentityStatus } from "../identities/identities.events";
import { IdentitiesService } from "../identities/identities.service";
import { Datawallet, type DatawalletModification, type NewDatawalletModification } from "./datawallet.entity";
import { DatawalletRepository } from "./datawallet.repository";
import { DatawalletService } from "./datawallet.service";
import type { ExternalEvent } from "./external-event.entity";
import { ExternalEventsRepository } from "./external-events.repository";
import { SyncRun } from "./sync-run.entity";
import { SyncRunsRepository } from "./sync-runs.repository";
import { SynchronizationErrors } from "./synchronization.errors";
import { SyncRunType } from "./synchronization.events";

const ONE_ACTIVE_RUN_CONSTRAINTS = ["ux_sync_runs_one_unfinalized_per_identity", "ux_sync_runs_created_by_index"];

/** What finalizing a run appended to the datawallet. */
export interface DatawalletAppended {
    datawallet: Datawallet;
    created: DatawalletModification[];
}

export interface ExternalEventSyncFinalized extends DatawalletAppended {
    /** Events arrived (or became deliverable) that the finalized run did not take: the device should sync again. */
    newUnsyncedExternalEventsExist: boolean;
}

/**
 * The use cases of sync runs, one method each: resolve the caller → load (locked) or 404 → let the run and the
 * datawallet decide → persist through the repositories → return the entities, which the controller maps to DTOs.
 */
@Injectable()
export class SyncRunsService {
    constructor(
        private readonly transactions: Transactions,
        private readonly syncRuns: SyncRunsRepository,
        private readonly externalEvents: ExternalEventsRepository,
        private readonly datawallets: DatawalletRepository,
        private readonly datawalletService: DatawalletService,
        private readonly identities: IdentitiesService,
        @Inject(Clock) private readonly clock: Clock
    ) {}

    /**
     * Starts a run; an ExternalEventSync run takes every deliverable event of the identity. Answers null (NoNewEvents)
     * when there is none.
     */
    async startSyncRun(
        caller: Caller,
        supportedVersion: number,
        request: { type?: SyncRunType; duration?: number }
    ): Promise<SyncRun | null> {
        if (supportedVersion <= 0) throw new ValidationError("'X-Supported-Datawallet-Version': must be greater than 0.");
        const type = request.type ?? SyncRunType.ExternalEventSync;
        try {
            return await this.transactions.run(async (manager) => {
                await this.syncRuns.serializeStartsOf(manager, caller.address);
                // Locked: a deletion process the identity starts meanwhile comes before or after the run's start.
                if ((await this.identities.lock(manager, caller.address))?.status !== IdentityStatus.Active)
                    throw SynchronizationErrors.cannotStartSyncRunWhileIdentityIsToBeDeleted();
                // Shared lock: a concurrent push of modifications (which locks the row for update) waits for the start.
                const datawallet = await this.datawallets.lock(manager, caller.address, "share");
                if (type === SyncRunType.ExternalEventSync && !datawallet) throw notFound("Datawallet");
                datawallet?.assertSupportedBy(supportedVersion);
                const now = this.clock.now();
                const previous = await this.syncRuns.latestOf(manager, caller.address);
                if (previous?.onNewRunAt(now) === "cancel") await this.cancel(manager, previous, now);
                if (type === SyncRunType.ExternalEventSync && !(await this.externalEvents.hasDeliverable(manager, caller.address))) {
                    return null;
                }
                const run = SyncRun.start({ type, createdBy: caller, previous, durationSeconds: request.duration, now });
                if (type === SyncRunType.ExternalEventSync) {
                    run.eventCount = await this.externalEvents.assignDeliverable(manager, caller.address, run.id);
                }
                await this.syncRuns.insert(manager, run);
                return run;
            });
        } catch (error) {
            if (ONE_ACTIVE_RUN_CONSTRAINTS.some((name) => isUniqueViolation(error, name))) {
                throw SynchronizationErrors.cannotStartSyncRunWhenAnotherSyncRunIsRunning();
            }
            throw error;
        }
    }

    /** Cancels an expired, unfinalized run: its events count a failed attempt and become deliverable again. */
    private async cancel(manager: EntityManager, run: SyncRun, now: Date): Promise<void> {
        run.cancel(now);
        if (await this.syncRuns.markFinalized(manager, run)) await this.externalEvents.releaseAllBut(manager, run.id, []);
    }

    async getSyncRun(caller: Caller, id: string): Promise<SyncRun> {
        const run = await this.syncRuns.findOwn(caller.address, id);
        if (!run) throw notFound("SyncRun");
        return run;
    }

    /** A page of the run's events, read by their position in the run: no earlier page is skipped, nothing recounted. */
    async listExternalEvents(caller: Caller, id: string, request: PageRequest): Promise<Page<ExternalEvent>> {
        const run = await this.getSyncRun(caller, id);
        run.assertReadableBy(caller.deviceId);
        const { from, count, total } = run.pageRange(request);
        const events = count > 0 ? await this.externalEvents.pageOfRun(run.id, from, count) : [];
        return new Page(events, request, total);
    }

    /**
     * Finalizes an ExternalEventSync run: the events without a successful result count a failed attempt and become
     * deliverable again (one statement); the modifications are appended.
     */
    async finalizeExternalEventSync(
        caller: Caller,
        id: string,
        request: {
            externalEventResults?: Array<{ externalEventId: string; errorCode?: string | null }>;
            datawalletModifications?: NewDatawalletModification[];
        }
    ): Promise<ExternalEventSyncFinalized> {
        const modifications = request.datawalletModifications ?? [];
        const result = await this.transactions.run(async (manager) => {
            // Lock order everywhere: datawallet first, then the run.
            const datawallet = await this.datawallets.lock(manager, caller.address, "update");
            const run = await this.runToFinalize(manager, caller, id, SyncRunType.ExternalEventSync);
            if (!datawallet) throw notFound("Datawallet");
            const succeeded = (request.externalEventResults ?? []).filter((r) => !r.errorCode).map((r) => r.externalEventId);
            await this.externalEvents.releaseAllBut(manager, run.id, succeeded);
            await this.syncRuns.markFinalized(manager, run);
            const created = await this.append(manager, datawallet, caller, modifications);
            return {
                datawallet,
                created,
                newUnsyncedExternalEventsExist: await this.externalEvents.hasNewUnsynced(manager, caller.address)
            };
        });
        if (modifications.length > 0) this.datawalletService.announceModifications(caller);
        return result;
    }

    /** Finalizes a DatawalletVersionUpgrade run: creates or upgrades the datawallet; the modifications are appended. */
    async finalizeDatawalletVersionUpgrade(
        caller: Caller,
        id: string,
        request: { newDatawalletVersion: number; datawalletModifications?: NewDatawalletModification[] }
    ): Promise<DatawalletAppended> {
        const modifications = request.datawalletModifications ?? [];
        const result = await this.transactions.run(async (manager) => {
            let datawallet = await this.datawallets.lock(manager, caller.address, "update");
            const run = await this.runToFinalize(manager, caller, id, SyncRunType.DatawalletVersionUpgrade);
            if (!datawallet) {
                datawallet = Datawallet.create(caller.address, request.newDatawalletVersion, this.clock.now());
                await this.datawallets.insert(manager, datawallet);
            } else {
                datawallet.upgradeTo(request.newDatawalletVersion);
                await this.datawallets.updateVersion(manager, datawallet);
            }
            await this.syncRuns.markFinalized(manager, run);
            return { datawallet, created: await this.append(manager, datawallet, caller, modifications) };
        });
        if (modifications.length > 0) this.datawalletService.announceModifications(caller);
        return result;
    }

    async refreshExpirationTime(caller: Caller, id: string): Promise<SyncRun> {
        return await this.transactions.run(async (manager) => {
            const run = await this.lockOwnRun(manager, caller, id);
            run.refresh(caller.deviceId, this.clock.now());
            await this.syncRuns.updateExpiresAt(manager, run);
            return run;
        });
    }

    /** The caller identity's run, row-locked for a change; 404 when it has none with this id. */
    private async lockOwnRun(manager: EntityManager, caller: Caller, id: string): Promise<SyncRun> {
        const run = await this.syncRuns.lockOwn(manager, caller.address, id);
        if (!run) throw notFound("SyncRun");
        return run;
    }

    /** Loads the caller's run row-locked and lets it decide whether this device finalizes it now. */
    private async runToFinalize(manager: EntityManager, caller: Caller, id: string, type: SyncRunType): Promise<SyncRun> {
        const run = await this.lockOwnRun(manager, caller, id);
        run.finalize(type, caller.deviceId, this.clock.now());
        return run;
    }

    private async append(
        manager: EntityManager,
        datawallet: Datawallet,
        caller: Caller,
        items: NewDatawalletModification[]
    ): Promise<DatawalletModification[]> {
        const created = datawallet.append(items, caller.deviceId, this.clock.now());
        await this.datawallets.append(manager, datawallet, created);
        return created;
    }
}
