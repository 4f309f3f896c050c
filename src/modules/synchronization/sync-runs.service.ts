import { Inject, Injectable } from "@nestjs/common";
import { DataSource, type EntityManager } from "typeorm";

import type { Caller } from "../../core/auth/caller";
import { Clock } from "../../core/clock/clock";
import { lockForTransaction } from "../../core/database/advisory-lock";
import { isUniqueViolation } from "../../core/database/errors";
import { notFound, ValidationError } from "../../core/errors/errors";
import { type Page, type PageRequest, paginate } from "../../core/http/pagination";
import { newId } from "../../core/ids/ids";
import { IdentityStatus } from "../identities/identities.events";
import { IdentitiesService } from "../identities/identities.service";
import { Datawallet } from "./datawallet.entity";
import { DatawalletService } from "./datawallet.service";
import { ExternalEvent } from "./external-event.entity";
import { MAX_SYNC_ERRORS } from "./external-events.service";
import { SyncRun } from "./sync-run.entity";
import {
    CreatedDatawalletModificationDto,
    ExternalEventDto,
    type FinalizeDatawalletVersionUpgradeRequest,
    type FinalizeDatawalletVersionUpgradeResponse,
    type FinalizeExternalEventSyncRequest,
    type FinalizeExternalEventSyncResponse,
    type RefreshExpirationTimeResponse,
    type StartSyncRunRequest,
    type StartSyncRunResponse,
    SyncRunDto
} from "./synchronization.dto";
import { SynchronizationErrors } from "./synchronization.errors";
import { StartSyncRunStatus, SyncRunType } from "./synchronization.events";

const DEFAULT_DURATION_SECONDS = 10;
const REFRESH_DURATION_SECONDS = 10;
const ONE_ACTIVE_RUN_CONSTRAINTS = ["ux_sync_runs_one_unfinalized_per_identity", "ux_sync_runs_created_by_index"];

@Injectable()
export class SyncRunsService {
    constructor(
        private readonly dataSource: DataSource,
        private readonly identities: IdentitiesService,
        private readonly datawallets: DatawalletService,
        @Inject(Clock) private readonly clock: Clock
    ) {}

    async startSyncRun(caller: Caller, supportedVersion: number, request: StartSyncRunRequest): Promise<StartSyncRunResponse> {
        if (supportedVersion <= 0) throw new ValidationError("'X-Supported-Datawallet-Version': must be greater than 0.");
        if ((await this.identities.statusOf(caller.address)) !== IdentityStatus.Active)
            throw SynchronizationErrors.cannotStartSyncRunWhileIdentityIsToBeDeleted();
        const type = request.type ?? SyncRunType.ExternalEventSync;
        try {
            return await this.dataSource.transaction(async (manager) => {
                // Starts of one identity run one after the other, so that a start that waited sees the run that won
                // (and answers "another sync run is running", never "no new events" because the winner took them).
                await lockForTransaction(manager, "sync-run-start", caller.address);
                // Shared lock: a concurrent push of modifications (which locks the row for update) waits for the start.
                const datawallet = await manager
                    .createQueryBuilder(Datawallet, "d")
                    .setLock("pessimistic_read")
                    .where("d.owner = :owner", { owner: caller.address })
                    .getOne();
                if (type === SyncRunType.ExternalEventSync && !datawallet) throw notFound("Datawallet");
                if (datawallet && supportedVersion < datawallet.version) {
                    throw SynchronizationErrors.insufficientSupportedDatawalletVersion();
                }
                const now = this.clock.now();
                const previous = await manager.findOne(SyncRun, { where: { createdBy: caller.address }, order: { index: "DESC" } });
                if (previous && !previous.isFinalized()) {
                    if (!previous.isExpired(now)) throw SynchronizationErrors.cannotStartSyncRunWhenAnotherSyncRunIsRunning(previous.id);
                    await this.cancel(manager, previous, now);
                }
                if (type === SyncRunType.ExternalEventSync) {
                    const hasEvents = await manager.query(
                        `SELECT 1 FROM external_events WHERE owner = $1 AND sync_run_id IS NULL AND NOT is_delivery_blocked AND sync_error_count < $2 LIMIT 1`,
                        [caller.address, MAX_SYNC_ERRORS]
                    );
                    if (hasEvents.length === 0) return { status: StartSyncRunStatus.NoNewEvents, syncRun: null };
                }
                const run = manager.create(SyncRun, {
                    id: newId("SYR"),
                    type,
                    index: previous ? previous.index + 1 : 0,
                    createdBy: caller.address,
                    createdByDevice: caller.deviceId,
                    createdAt: now,
                    expiresAt: new Date(now.getTime() + (request.duration ?? DEFAULT_DURATION_SECONDS) * 1000),
                    finalizedAt: null,
                    eventCount: 0
                });
                // The partial unique index lets exactly one of several concurrent starts insert its run.
                await manager.insert(SyncRun, run);
                if (type === SyncRunType.ExternalEventSync) {
                    const counted: Array<{ n: string }> = await manager.query(
                        `WITH assigned AS (
                             UPDATE external_events SET sync_run_id = $1
                             WHERE owner = $2 AND sync_run_id IS NULL AND NOT is_delivery_blocked AND sync_error_count < $3
                             RETURNING 1)
                         SELECT count(*) AS n FROM assigned`,
                        [run.id, caller.address, MAX_SYNC_ERRORS]
                    );
                    run.eventCount = Number(counted[0]!.n);
                    await manager.update(SyncRun, { id: run.id }, { eventCount: run.eventCount });
                }
                return { status: StartSyncRunStatus.Created, syncRun: SyncRunDto.from(run) };
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
        const result = await manager
            .createQueryBuilder()
            .update(SyncRun)
            .set({ finalizedAt: now })
            .where("id = :id AND finalized_at IS NULL", { id: run.id })
            .execute();
        if (!result.affected) return;
        await manager.query(
            "UPDATE external_events SET sync_run_id = NULL, sync_error_count = sync_error_count + 1 WHERE sync_run_id = $1",
            [run.id]
        );
    }

    async getSyncRun(caller: Caller, id: string): Promise<SyncRunDto> {
        const run = await this.dataSource.getRepository(SyncRun).findOneBy({ id, createdBy: caller.address });
        if (!run) throw notFound("SyncRun");
        return SyncRunDto.from(run);
    }

    async listExternalEvents(caller: Caller, id: string, request: PageRequest): Promise<Page<ExternalEventDto>> {
        const run = await this.dataSource.getRepository(SyncRun).findOneBy({ id, createdBy: caller.address });
        if (!run) throw notFound("SyncRun");
        if (run.isFinalized()) throw SynchronizationErrors.syncRunAlreadyFinalized();
        if (run.createdByDevice !== caller.deviceId) throw SynchronizationErrors.cannotReadExternalEventsOfASyncRunStartedByAnotherDevice();
        const query = this.dataSource
            .getRepository(ExternalEvent)
            .createQueryBuilder("e")
            .where("e.sync_run_id = :id", { id: run.id })
            .orderBy("e.index", "ASC");
        return (await paginate(query, request)).map((event) => ExternalEventDto.from(event));
    }

    /** The caller identity's run, row-locked for a change; 404 when it has none with this id. */
    private async lockOwnRun(manager: EntityManager, caller: Caller, id: string): Promise<SyncRun> {
        const run = await manager
            .createQueryBuilder(SyncRun, "r")
            .setLock("pessimistic_write")
            .where("r.id = :id AND r.created_by = :owner", { id, owner: caller.address })
            .getOne();
        if (!run) throw notFound("SyncRun");
        return run;
    }

    /** Loads the caller's run for finalizing, row-locked, and checks that this device may finalize it now. */
    private async runToFinalize(manager: EntityManager, caller: Caller, id: string, type: SyncRunType): Promise<SyncRun> {
        const run = await this.lockOwnRun(manager, caller, id);
        if (run.type !== type) throw SynchronizationErrors.unexpectedSyncRunType(type);
        if (run.createdByDevice !== caller.deviceId) throw SynchronizationErrors.cannotFinalizeSyncRunStartedByAnotherDevice();
        if (run.isFinalized()) throw SynchronizationErrors.syncRunAlreadyFinalized();
        return run;
    }

    async finalizeExternalEventSync(
        caller: Caller,
        id: string,
        request: FinalizeExternalEventSyncRequest
    ): Promise<FinalizeExternalEventSyncResponse> {
        const modifications = request.datawalletModifications ?? [];
        const response = await this.dataSource.transaction(async (manager) => {
            // Lock order everywhere: datawallet first, then the run.
            const datawallet = await this.datawallets.lock(manager, caller.address);
            const run = await this.runToFinalize(manager, caller, id, SyncRunType.ExternalEventSync);
            if (!datawallet) throw notFound("Datawallet");
            const succeeded = new Set(
                (request.externalEventResults ?? [])
                    .filter((r) => r.errorCode === undefined || r.errorCode === null || r.errorCode === "")
                    .map((r) => r.externalEventId)
            );
            const events: Array<{ id: string }> = await manager.query("SELECT id FROM external_events WHERE sync_run_id = $1", [run.id]);
            const failed = events.map((e) => e.id).filter((eventId) => !succeeded.has(eventId));
            if (failed.length > 0) {
                await manager.query(
                    "UPDATE external_events SET sync_run_id = NULL, sync_error_count = sync_error_count + 1 WHERE sync_run_id = $1 AND id = ANY($2)",
                    [run.id, failed]
                );
            }
            await manager.update(SyncRun, { id: run.id }, { finalizedAt: this.clock.now() });
            const created = await this.datawallets.append(manager, datawallet, caller, modifications);
            const unsynced = await manager.query(
                "SELECT 1 FROM external_events WHERE owner = $1 AND sync_run_id IS NULL AND NOT is_delivery_blocked AND sync_error_count = 0 LIMIT 1",
                [caller.address]
            );
            return {
                newDatawalletModificationIndex: datawallet.latestIndex(),
                datawalletModifications: created.map((m) => CreatedDatawalletModificationDto.from(m)),
                newUnsyncedExternalEventsExist: unsynced.length > 0
            };
        });
        if (modifications.length > 0) this.datawallets.announceModifications(caller);
        return response;
    }

    async finalizeDatawalletVersionUpgrade(
        caller: Caller,
        id: string,
        request: FinalizeDatawalletVersionUpgradeRequest
    ): Promise<FinalizeDatawalletVersionUpgradeResponse> {
        const modifications = request.datawalletModifications ?? [];
        const response = await this.dataSource.transaction(async (manager) => {
            let datawallet = await this.datawallets.lock(manager, caller.address);
            const run = await this.runToFinalize(manager, caller, id, SyncRunType.DatawalletVersionUpgrade);
            if (!datawallet) {
                datawallet = manager.create(Datawallet, {
                    owner: caller.address,
                    version: request.newDatawalletVersion,
                    nextIndex: 0,
                    createdAt: this.clock.now()
                });
                await manager.insert(Datawallet, datawallet);
            } else {
                if (request.newDatawalletVersion < datawallet.version)
                    throw SynchronizationErrors.cannotDowngrade(datawallet.version, request.newDatawalletVersion);
                datawallet.version = request.newDatawalletVersion;
                await manager.update(Datawallet, { owner: caller.address }, { version: datawallet.version });
            }
            await manager.update(SyncRun, { id: run.id }, { finalizedAt: this.clock.now() });
            const created = await this.datawallets.append(manager, datawallet, caller, modifications);
            return {
                newDatawalletModificationIndex: datawallet.latestIndex(),
                datawalletModifications: created.map((m) => CreatedDatawalletModificationDto.from(m))
            };
        });
        if (modifications.length > 0) this.datawallets.announceModifications(caller);
        return response;
    }

    async refreshExpirationTime(caller: Caller, id: string): Promise<RefreshExpirationTimeResponse> {
        return await this.dataSource.transaction(async (manager) => {
            const run = await this.lockOwnRun(manager, caller, id);
            if (run.createdByDevice !== caller.deviceId)
                throw SynchronizationErrors.cannotRefreshExpirationTimeOfSyncRunStartedByAnotherDevice();
            if (run.isFinalized()) throw SynchronizationErrors.syncRunAlreadyFinalized();
            const expiresAt = new Date(this.clock.now().getTime() + REFRESH_DURATION_SECONDS * 1000);
            await manager.update(SyncRun, { id: run.id }, { expiresAt });
            return { expiresAt: expiresAt.toISOString() };
        });
    }
}
