import { Injectable } from "@nestjs/common";
import { InjectDataSource } from "@nestjs/typeorm";
import type { DataSource, EntityManager } from "typeorm";

import { lockForTransaction } from "../../core/database/advisory-lock";
import { rawQuery } from "../../core/database/raw-query";
import { SyncRun } from "./sync-run.entity";

/**
 * Every query of sync runs, named by intent. Methods that run inside a use case's transaction take its EntityManager
 * first; standalone reads use the DataSource.
 */
@Injectable()
export class SyncRunsRepository {
    constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

    /**
     * Starts of one identity run one after the other (until the transaction ends), so that a start that waited sees
     * the run that won (and answers "another sync run is running", never "no new events" because the winner took them).
     */
    async serializeStartsOf(manager: EntityManager, owner: string): Promise<void> {
        await lockForTransaction(manager, "sync-run-start", owner);
    }

    /** The identity's latest run (the one with the highest index), if any. */
    async latestOf(manager: EntityManager, owner: string): Promise<SyncRun | null> {
        return await manager.findOne(SyncRun, { where: { createdBy: owner }, order: { index: "DESC" } });
    }

    /** Whether the identity has a run that is not finalized (expired or not). */
    async hasUnfinalized(manager: EntityManager, owner: string): Promise<boolean> {
        const { rows } = await rawQuery(manager, "SELECT 1 FROM sync_runs WHERE created_by = $1 AND finalized_at IS NULL LIMIT 1", [owner]);
        return rows.length > 0;
    }

    /** Inserts a new run; the partial unique index lets exactly one of several concurrent starts insert its run. */
    async insert(manager: EntityManager, run: SyncRun): Promise<void> {
        await manager.insert(SyncRun, run);
    }

    /** The identity's run with this id (none for another identity's). */
    async findOwn(owner: string, id: string): Promise<SyncRun | null> {
        return await this.dataSource.getRepository(SyncRun).findOneBy({ id, createdBy: owner });
    }

    /** The identity's run with this id, row-locked until the transaction ends (none for another identity's). */
    async lockOwn(manager: EntityManager, owner: string, id: string): Promise<SyncRun | null> {
        return await manager
            .createQueryBuilder(SyncRun, "r")
            .setLock("pessimistic_write")
            .where("r.id = :id AND r.created_by = :owner", { id, owner })
            .getOne();
    }

    /** Marks a run finalized unless it is already; false when it was (or is gone). */
    async markFinalized(manager: EntityManager, run: SyncRun): Promise<boolean> {
        const result = await manager
            .createQueryBuilder()
            .update(SyncRun)
            .set({ finalizedAt: run.finalizedAt })
            .where("id = :id AND finalized_at IS NULL", { id: run.id })
            .execute();
        return (result.affected ?? 0) > 0;
    }

    async updateExpiresAt(manager: EntityManager, run: SyncRun): Promise<void> {
        await manager.update(SyncRun, { id: run.id }, { expiresAt: run.expiresAt });
    }

    /** Removes a deleted identity's runs, in the deletion's transaction. */
    async removeIdentity(manager: EntityManager, address: string): Promise<void> {
        await manager.delete(SyncRun, { createdBy: address });
    }
}
