import { Injectable } from "@nestjs/common";
import { InjectDataSource } from "@nestjs/typeorm";
import { type DataSource, type EntityManager, In, LessThan } from "typeorm";

import { rawQuery } from "../../core/database/raw-query";
import { IdentityDeletionProcess } from "./deletion-process.entity";
import { addressHash, DeletionProcessAuditLogEntry } from "./deletion-process-audit-log.entity";
import { DeletionProcessStatus, IdentityStatus } from "./identities.events";
import { Identity } from "./identity.entity";

const OPEN = [DeletionProcessStatus.Active, DeletionProcessStatus.Deleting];

/**
 * Every query of the identities module (identities, their deletion processes and the deletion audit log), named by
 * intent. Methods that run inside a use case's transaction take its EntityManager first.
 */
@Injectable()
export class IdentitiesRepository {
    constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

    async find(address: string, manager: EntityManager = this.dataSource.manager): Promise<Identity | undefined> {
        return (await manager.findOneBy(Identity, { address })) ?? undefined;
    }

    /** The identity, locked for the rest of the transaction (concurrent changes of it wait). */
    async findForUpdate(manager: EntityManager, address: string): Promise<Identity | undefined> {
        return (await manager.findOne(Identity, { where: { address }, lock: { mode: "pessimistic_write" } })) ?? undefined;
    }

    /**
     * The identity, locked in share mode for the rest of the transaction: its deletion processes wait for the
     * transaction to end, and its deletion skips it until then.
     */
    async findForShare(manager: EntityManager, address: string): Promise<Identity | undefined> {
        return (await manager.findOne(Identity, { where: { address }, lock: { mode: "pessimistic_read" } })) ?? undefined;
    }

    async exists(address: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
        return await manager.existsBy(Identity, { address });
    }

    async insert(manager: EntityManager, identity: Identity): Promise<void> {
        await manager.insert(Identity, identity);
    }

    async statusOf(address: string, manager: EntityManager = this.dataSource.manager): Promise<IdentityStatus | undefined> {
        return (await this.statusesOf([address], manager)).get(address);
    }

    /** The status of each of these identities that exists (address → status), in one statement. */
    async statusesOf(addresses: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<Map<string, IdentityStatus>> {
        if (addresses.length === 0) return new Map();
        const { rows } = await rawQuery<{ address: string; status: IdentityStatus }>(
            manager,
            "SELECT address, status FROM identities WHERE address = ANY($1)",
            [addresses]
        );
        return new Map(rows.map((row) => [row.address, row.status]));
    }

    async updateTier(manager: EntityManager, address: string, tierId: string): Promise<void> {
        await manager.update(Identity, { address }, { tierId });
    }

    /** Writes what a deletion process changed of the identity: status, end of the grace period, tier. */
    async updateDeletionState(manager: EntityManager, identity: Identity): Promise<void> {
        await manager.update(
            Identity,
            { address: identity.address },
            { status: identity.status, deletionGracePeriodEndsAt: identity.deletionGracePeriodEndsAt, tierId: identity.tierId }
        );
    }

    /** How many identities each tier has (tier id → count). */
    async countPerTier(manager: EntityManager = this.dataSource.manager): Promise<Map<string, number>> {
        return await this.countGroupedBy("tierId", manager);
    }

    /** How many identities each OAuth client created (client id → count). */
    async countPerClient(): Promise<Map<string, number>> {
        return await this.countGroupedBy("clientId");
    }

    async countOfClient(clientId: string, manager: EntityManager = this.dataSource.manager): Promise<number> {
        return await manager.countBy(Identity, { clientId });
    }

    private async countGroupedBy(
        column: "tierId" | "clientId",
        manager: EntityManager = this.dataSource.manager
    ): Promise<Map<string, number>> {
        const rows: Array<{ key: string; count: string }> = await manager
            .getRepository(Identity)
            .createQueryBuilder("i")
            .select(`i.${column}`, "key")
            .addSelect("COUNT(*)", "count")
            .where(`i.${column} IS NOT NULL`)
            .groupBy(`i.${column}`)
            .getRawMany();
        return new Map(rows.map((r) => [r.key, Number(r.count)]));
    }

    /** Addresses of up to `limit` identities whose deletion grace period ended before `now`, longest overdue first. */
    async dueForDeletion(now: Date, limit: number): Promise<string[]> {
        const due = await this.dataSource.getRepository(Identity).find({
            where: { status: In([IdentityStatus.ToBeDeleted, IdentityStatus.Deleting]), deletionGracePeriodEndsAt: LessThan(now) },
            select: { address: true },
            order: { deletionGracePeriodEndsAt: "ASC" },
            take: limit
        });
        return due.map((identity) => identity.address);
    }

    /** The identity locked for its deletion; undefined when it is gone or another run holds it. */
    async lockForDeletion(manager: EntityManager, address: string): Promise<Identity | undefined> {
        const identity = await manager
            .createQueryBuilder(Identity, "i")
            .setLock("pessimistic_write")
            .setOnLocked("skip_locked")
            .where("i.address = :address", { address })
            .getOne();
        return identity ?? undefined;
    }

    /** Removes the identity with its deletion processes (the audit log stays). */
    async delete(manager: EntityManager, address: string): Promise<void> {
        await manager.delete(IdentityDeletionProcess, { identityAddress: address });
        await manager.delete(Identity, { address });
    }

    async hasOpenDeletionProcess(manager: EntityManager, address: string): Promise<boolean> {
        return await manager.existsBy(IdentityDeletionProcess, { identityAddress: address, status: In(OPEN) });
    }

    async openDeletionProcessesOf(manager: EntityManager, address: string): Promise<IdentityDeletionProcess[]> {
        return await manager.find(IdentityDeletionProcess, { where: { identityAddress: address, status: In(OPEN) } });
    }

    async insertDeletionProcess(manager: EntityManager, process: IdentityDeletionProcess): Promise<void> {
        await manager.insert(IdentityDeletionProcess, process);
    }

    async saveDeletionProcess(manager: EntityManager, process: IdentityDeletionProcess): Promise<void> {
        await manager.save(process);
    }

    /** Marks every active process of the identity as Deleting. */
    async beginDeletionProcesses(manager: EntityManager, address: string): Promise<void> {
        await manager.update(
            IdentityDeletionProcess,
            { identityAddress: address, status: DeletionProcessStatus.Active },
            { status: DeletionProcessStatus.Deleting }
        );
    }

    /** The deletion processes of an identity, oldest or newest first. */
    async deletionProcessesOf(address: string, order: "ASC" | "DESC"): Promise<IdentityDeletionProcess[]> {
        return await this.dataSource.getRepository(IdentityDeletionProcess).find({
            where: { identityAddress: address },
            order: { createdAt: order, id: "ASC" }
        });
    }

    async findDeletionProcess(address: string, id: string): Promise<IdentityDeletionProcess | undefined> {
        return (await this.dataSource.getRepository(IdentityDeletionProcess).findOneBy({ id, identityAddress: address })) ?? undefined;
    }

    async findDeletionProcessForUpdate(manager: EntityManager, address: string, id: string): Promise<IdentityDeletionProcess | undefined> {
        const process = await manager.findOne(IdentityDeletionProcess, {
            where: { id, identityAddress: address },
            lock: { mode: "pessimistic_write" }
        });
        return process ?? undefined;
    }

    async insertAuditLogEntry(manager: EntityManager, entry: DeletionProcessAuditLogEntry): Promise<void> {
        await manager.insert(DeletionProcessAuditLogEntry, entry);
    }

    /** The audit log of one deletion process, oldest first. */
    async auditLogOfProcess(deletionProcessId: string): Promise<DeletionProcessAuditLogEntry[]> {
        return await this.dataSource
            .getRepository(DeletionProcessAuditLogEntry)
            .find({ where: { deletionProcessId }, order: { createdAt: "ASC", sequence: "ASC" } });
    }

    /** Every audit log entry about an address, oldest first, also after the identity was deleted. */
    async auditLogOfAddress(address: string): Promise<DeletionProcessAuditLogEntry[]> {
        return await this.dataSource
            .getRepository(DeletionProcessAuditLogEntry)
            .find({ where: { identityAddressHash: addressHash(address) }, order: { createdAt: "ASC", sequence: "ASC" } });
    }
}
