import type { EntityManager } from "typeorm";

import { rawQuery } from "./raw-query";

/** A table whose rows are keyed by something and the address of an identity (an allocation, a read receipt). */
export interface KeyedByAddress {
    table: string;
    /** The column that, with the address, identifies a row. */
    key: string;
    address: string;
}

/**
 * Hands a deleted identity's rows of such a table to the anonymised address, in its deletion's transaction: where the
 * anonymised address already holds a row for the same key (another deleted identity had one), the deleted identity's
 * row is dropped instead, so that the key stays unique.
 */
export async function anonymizeRows(manager: EntityManager, rows: KeyedByAddress, address: string, anonymized: string): Promise<void> {
    const { table, key, address: column } = rows;
    await rawQuery(
        manager,
        `DELETE FROM ${table} a WHERE a.${column} = $1 AND EXISTS (SELECT 1 FROM ${table} b WHERE b.${key} = a.${key} AND b.${column} = $2)`,
        [address, anonymized]
    );
    await rawQuery(manager, `UPDATE ${table} SET ${column} = $2 WHERE ${column} = $1`, [address, anonymized]);
}
