import type { DataSource, EntityManager } from "typeorm";

import { rawQuery } from "./raw-query";

/**
 * Deletes up to `limit` rows of `table` whose `expires_at` lies at or before `before`, the longest expired first,
 * skipping rows another run holds (two housekeeping runs never wait for each other); answers how many it deleted.
 * The table needs an `id` key and an index on `expires_at`; its name comes from code, never from input.
 */
export async function deleteExpiredRows(db: DataSource | EntityManager, table: string, before: Date, limit: number): Promise<number> {
    const { affected } = await rawQuery(
        db,
        `DELETE FROM ${table} WHERE id IN (
            SELECT id FROM ${table} WHERE expires_at <= $1 ORDER BY expires_at LIMIT $2 FOR UPDATE SKIP LOCKED
        )`,
        [before, limit]
    );
    return affected;
}
