import { Injectable } from "@nestjs/common";
import { InjectDataSource } from "@nestjs/typeorm";
import type { DataSource, EntityManager } from "typeorm";

import { entityRows } from "../../core/database/entity-rows";
import { rawQuery } from "../../core/database/raw-query";
import { type Page, pageCounted, type PageRequest } from "../../core/http/pagination";
import { Datawallet, DatawalletModification } from "./datawallet.entity";

/** NOTIFY channel telling every instance that an identity's datawallet changed (payload: "<owner> <device>"). */
export const DATAWALLET_CHANGES_CHANNEL = "backbone_datawallet_changes";

/**
 * The modifications after `$2` of the identity `$1` that are the latest of their key (objectIdentifier, type,
 * payloadCategory; no later modification of the same key exists, and a later one is after `$2` as well), by index. Read
 * along the (owner, index) index, each checked against the key index: a first page costs its rows, not the whole
 * datawallet's de-duplication and sort; a deep page (OFFSET) costs one anti-join of the modifications after `$2`.
 */
const LATEST_PER_KEY = `FROM datawallet_modifications m
    WHERE m.owner = $1 AND m.index > $2
      AND NOT EXISTS (SELECT 1 FROM datawallet_modifications later
                      WHERE later.owner = m.owner AND later.object_identifier = m.object_identifier AND later.type = m.type
                        AND later.payload_category IS NOT DISTINCT FROM m.payload_category AND later.index > m.index)`;

/** How many keys have a modification after `$2`: as many as the latest per key (an index-only scan of the key index). */
const KEYS_CHANGED_AFTER = `SELECT count(*) AS n FROM (
    SELECT DISTINCT object_identifier, type, payload_category FROM datawallet_modifications WHERE owner = $1 AND index > $2) keys`;

/**
 * The columns of `datawallet_modifications` that a reader gets, named as the entity's properties (the index as pg
 * answers a bigint); the owner is the caller.
 */
const MODIFICATION_COLUMNS = `m.id, m.index, m.type, m.object_identifier AS "objectIdentifier", m.collection,
    m.payload_category AS "payloadCategory", m.encrypted_payload AS "encryptedPayload",
    m.datawallet_version AS "datawalletVersion", m.created_at AS "createdAt", m.created_by_device AS "createdByDevice"`;

type ModificationRow = Omit<DatawalletModification, "index" | "owner"> & { index: string };

function modificationOf(owner: string, row: ModificationRow): DatawalletModification {
    return Object.assign(new DatawalletModification(), row, { owner, index: Number(row.index) });
}

/**
 * Every query of datawallets and their modifications, named by intent. Methods that run inside a use case's
 * transaction take its EntityManager first; standalone reads use the DataSource.
 */
@Injectable()
export class DatawalletRepository {
    constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

    async find(owner: string): Promise<Datawallet | null> {
        const datawallets = entityRows(this.dataSource, Datawallet, "d");
        const { rows } = await rawQuery(this.dataSource, `SELECT ${datawallets.columns} FROM datawallets d WHERE d.owner = $1`, [owner]);
        return rows[0] ? datawallets.of(rows[0]) : null;
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
     * A page of the latest modification per key after `localIndex`, ordered by index, in one prepared statement; a count
     * only when the page does not tell the total.
     */
    async pageLatestAfter(owner: string, localIndex: number, request: PageRequest): Promise<Page<DatawalletModification>> {
        const offset = (request.pageNumber - 1) * request.pageSize;
        const params = [owner, localIndex];
        const { rows } = await rawQuery<ModificationRow>(
            this.dataSource,
            `SELECT ${MODIFICATION_COLUMNS} ${LATEST_PER_KEY} ORDER BY m.index LIMIT $3 OFFSET $4`,
            [...params, request.pageSize, offset]
        );
        return await pageCounted(
            rows.map((row) => modificationOf(owner, row)),
            request,
            async () => Number((await rawQuery<{ n: string }>(this.dataSource, KEYS_CHANGED_AFTER, params)).rows[0]!.n)
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
