import type { DataSource, EntityManager } from "typeorm";

/** What a raw SQL statement answered: its rows (of RETURNING, for writes) and how many rows it affected. */
export interface RawQueryResult<T> {
    rows: T[];
    affected: number;
}

/**
 * Runs raw SQL and answers its rows and affected count the same way for every statement. TypeORM's PostgreSQL driver
 * answers UPDATE and DELETE as `[rows, affected]` but every other statement as the rows alone; this is the one place
 * that knows. For SELECT and INSERT `affected` is the number of rows answered.
 */
export async function rawQuery<T = Record<string, unknown>>(
    db: EntityManager | DataSource,
    sql: string,
    parameters: unknown[] = []
): Promise<RawQueryResult<T>> {
    const result: unknown = await db.query(sql, parameters);
    if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === "number") {
        return { rows: result[0] as T[], affected: result[1] };
    }
    const rows = (Array.isArray(result) ? result : []) as T[];
    return { rows, affected: rows.length };
}
