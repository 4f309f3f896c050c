import { Injectable } from "@nestjs/common";
import { InjectDataSource } from "@nestjs/typeorm";
import type { DataSource, EntityManager } from "typeorm";

import { type EntityRows, entityRows } from "../../core/database/entity-rows";
import { rawQuery } from "../../core/database/raw-query";
import { Page, pageCounted, pageOffset, type PageRequest } from "../../core/http/pagination";
import { Datawallet, DatawalletModification } from "./datawallet.entity";

/** NOTIFY channel telling every instance that an identity's datawallet changed (payload: "<owner> <device>"). */
export const DATAWALLET_CHANGES_CHANNEL = "backbone_datawallet_changes";

/**
 * The index of the latest modification of each key (objectIdentifier, type, payloadCategory) that the identity `$1`
 * changed after `$2` (such a key's latest modification is after `$2` as well). One backward index-only scan of the key
 * index over the modifications after `$2`, where each key's rows end with its latest: no sort to de-duplicate and no
 * table row read. It costs the modifications after `$2` (few for a device that syncs now and then; the datawallet's
 * size for a new device), the same for every page, where an anti-join against later modifications cost that plus a
 * hash of them and a sort of whole rows for every page.
 */
const LATEST_PER_KEY = `SELECT DISTINCT ON (k.object_identifier, k.type, k.payload_category) k.index
    FROM datawallet_modifications k
    WHERE k.owner = $1 AND k.index > $2
    ORDER BY k.object_identifier DESC, k.type DESC, k.payload_category DESC, k.index DESC`;

/** How many keys have a modification after `$2`: as many as the latest per key. */
const KEYS_CHANGED_AFTER = `SELECT count(*) AS n FROM (${LATEST_PER_KEY}) latest`;

/**
 * The columns of `datawallet_modifications` that a reader gets, named as the entity's properties (the index as pg
 * answers a bigint); the owner is the caller.
 */
const MODIFICATION_COLUMNS = `m.id, m.index, m.type, m.object_identifier AS "objectIdentifier", m.collection,
    m.payload_category AS "payloadCategory", m.encrypted_payload AS "encryptedPayload",
    m.datawallet_version AS "datawalletVersion", m.created_at AS "createdAt", m.created_by_device AS "createdByDevice"`;

type ModificationRow = Omit<DatawalletModification, "index" | "owner"> & { index: string; total: string };

function modificationOf(owner: string, row: ModificationRow): DatawalletModification {
    const modification = new DatawalletModification();
    modification.id = row.id;
    modification.owner = owner;
    modification.index = Number(row.index);
    modification.type = row.type;
    modification.objectIdentifier = row.objectIdentifier;
    modification.collection = row.collection;
    modification.payloadCategory = row.payloadCategory;
    modification.encryptedPayload = row.encryptedPayload;
    modification.datawalletVersion = row.datawalletVersion;
    modification.createdAt = row.createdAt;
    modification.createdByDevice = row.createdByDevice;
    return modification;
}

/**
 * Every query of datawallets and their modifications, named by intent. Methods that run inside a use case's
 * transaction take its EntityManager first; standalone reads use the DataSource.
 */
@Injectable()
export class DatawalletRepository {
    private readonly datawallets: EntityRows<Datawallet>;

    constructor(@InjectDataSource() private readonly dataSource: DataSource) {
        this.datawallets = entityRows(dataSource, Datawallet, "d");
    }

    async find(owner: string): Promise<Datawallet | null> {
        const { rows } = await rawQuery(this.dataSource, `SELECT ${this.datawallets.columns} FROM datawallets d WHERE d.owner = $1`, [
            owner
        ]);
        return rows[0] ? this.datawallets.of(rows[0]) : null;
    }

    /**
     * The identity's datawallet, row-locked until the transaction ends: `update` for the writers of modifications
     * (which serialises them and keeps the indexes gap-free), `share` for a sync run's start (a concurrent push waits).
     */
    async lock(manager: EntityManager, owner: string, mode: "update" | "share"): Promise<Datawallet | null> {
        return await manager
            .createQueryBuilder(Datawallet, "d")
            .setLock(mode === "update" ? "pessimistic_write" : "pessimistic_read")
            .where("d.owner = :owner", { owner })
            .getOne();
    }

    async insert(manager: EntityManager, datawallet: Datawallet): Promise<void> {
        await manager.insert(Datawallet, datawallet);
    }

    async updateVersion(manager: EntityManager, datawallet: Datawallet): Promise<void> {
        await manager.update(Datawallet, { owner: datawallet.owner }, { version: datawallet.version });
    }

    /** Inserts the modifications (one statement) and stores the datawallet's next index (one more). */
    async append(manager: EntityManager, datawallet: Datawallet, modifications: DatawalletModification[]): Promise<void> {
        if (modifications.length === 0) return;
        await manager.insert(DatawalletModification, modifications as never);
        await manager.update(Datawallet, { owner: datawallet.owner }, { nextIndex: datawallet.nextIndex });
    }

    /**
     * A page of the latest modification per key after `localIndex`, ordered by index, in one prepared statement: the
     * page is cut from the latest indexes, which are counted on the way (the total), and only the page's rows are read
     * from the table. A page past the end counts by itself.
     */
    async pageLatestAfter(owner: string, localIndex: number, request: PageRequest): Promise<Page<DatawalletModification>> {
        const offset = pageOffset(request);
        const params = [owner, localIndex];
        const { rows } = await rawQuery<ModificationRow>(
            this.dataSource,
            `SELECT ${MODIFICATION_COLUMNS}, page.total
             FROM (SELECT latest.index, count(*) OVER () AS total FROM (${LATEST_PER_KEY}) latest
                   ORDER BY latest.index LIMIT $3 OFFSET $4) page
             JOIN datawallet_modifications m ON m.owner = $1 AND m.index = page.index
             ORDER BY m.index`,
            [...params, request.pageSize, offset]
        );
        const modifications = rows.map((row) => modificationOf(owner, row));
        if (rows[0]) return new Page(modifications, request, Number(rows[0].total));
        return await pageCounted(modifications, request, async () =>
            Number((await rawQuery<{ n: string }>(this.dataSource, KEYS_CHANGED_AFTER, params)).rows[0]!.n)
        );
    }

    /** Tells every instance (NOTIFY, outside any transaction) that the identity's datawallet changed on this device. */
    async announceChange(owner: string, deviceId: string): Promise<void> {
        await rawQuery(this.dataSource, "SELECT pg_notify($1, $2)", [DATAWALLET_CHANGES_CHANNEL, `${owner} ${deviceId}`]);
    }

    /** Removes a deleted identity's modifications and datawallet, in the deletion's transaction. */
    async removeIdentity(manager: EntityManager, address: string): Promise<void> {
        await manager.delete(DatawalletModification, { owner: address });
        await manager.delete(Datawallet, { owner: address });
    }
}
