import type { Pool, PoolClient, QueryResult } from "pg";
import type { DataSource, EntityManager } from "typeorm";
import type { PostgresDriver } from "typeorm/driver/postgres/PostgresDriver.js";
import type { PostgresQueryRunner } from "typeorm/driver/postgres/PostgresQueryRunner.js";

/** What a raw SQL statement answered: its rows (of RETURNING, for writes) and how many rows it affected. */
export interface RawQueryResult<T> {
    rows: T[];
    affected: number;
}

/**
 * How many different statements are prepared at most, per process (and so per connection). The repositories' SQL is
 * a fixed set well below it; statements built at run time beyond it (such as many different Admin API filters) run
 * unprepared rather than filling the server's memory with plans.
 */
const MAX_PREPARED_STATEMENTS = 500;

/** The name of each prepared statement by its text, the same on every connection. */
const statementNames = new Map<string, string>();

/** DataSources whose statements run unprepared (`DATABASE_PREPARED_STATEMENTS=false`, e.g. behind a pooler that cannot keep them). */
const unprepared = new WeakSet<DataSource>();

/** Runs every statement of this DataSource's `rawQuery` calls unprepared. */
export function runUnprepared(dataSource: DataSource): void {
    unprepared.add(dataSource);
}

function statementName(sql: string): string | undefined {
    let name = statementNames.get(sql);
    if (name === undefined && statementNames.size < MAX_PREPARED_STATEMENTS) {
        name = `backbone_${statementNames.size + 1}`;
        statementNames.set(sql, name);
    }
    return name;
}

/** The connection of the manager's transaction, or the pool for a manager or DataSource outside one. */
async function connectionOf(db: EntityManager | DataSource): Promise<{ dataSource: DataSource; client: Pool | PoolClient }> {
    const runner = "queryRunner" in db ? (db.queryRunner as PostgresQueryRunner | undefined) : undefined;
    const dataSource = "connection" in db ? db.connection : db;
    if (runner) {
        // The same guard as TypeORM's own queries: a released runner's connection may already serve someone else.
        if (runner.isReleased) throw new Error("the transaction's connection has been released");
        return { dataSource, client: (await runner.connect()) as PoolClient };
    }
    return { dataSource, client: (dataSource.driver as PostgresDriver).master as Pool };
}

/**
 * Runs raw SQL on pg directly (TypeORM's query layer adds nothing for a statement written by hand) and answers its
 * rows and the number of rows it affected (answered, for SELECT). Each statement text is prepared once per connection
 * and executed by name afterwards, so PostgreSQL parses and plans it once instead of on every request; its errors are
 * pg's own (with `code` and `constraint`, which `isUniqueViolation` and `isDatabaseUnavailable` read). A statement
 * whose text is built at run time (`prepare: false`) runs unprepared.
 */
export async function rawQuery<T = Record<string, unknown>>(
    db: EntityManager | DataSource,
    sql: string,
    parameters: unknown[] = [],
    options: { prepare?: boolean } = {}
): Promise<RawQueryResult<T>> {
    const { dataSource, client } = await connectionOf(db);
    const name = options.prepare === false || unprepared.has(dataSource) ? undefined : statementName(sql);
    const result: QueryResult = await client.query({ name, text: sql, values: parameters });
    return { rows: result.rows as T[], affected: result.rowCount ?? result.rows.length };
}
