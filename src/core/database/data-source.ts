import { join } from "node:path";

import { DataSource, type DataSourceOptions } from "typeorm";

import { SnakeNamingStrategy } from "./naming-strategy";
import { PG_TYPES } from "./timestamps";

/** Key of the advisory lock that serialises migrations when several instances start at once. */
const MIGRATION_LOCK_KEY = 7_260_518_001;

export function dataSourceOptions(url: string, poolSize: number, entities: DataSourceOptions["entities"] = []): DataSourceOptions {
    return {
        type: "postgres",
        url,
        entities,
        migrations: [join(__dirname, "..", "..", "..", "migrations", "*.{js,ts}")],
        migrationsTableName: "migrations",
        namingStrategy: new SnakeNamingStrategy(),
        synchronize: false,
        migrationsRun: false,
        logging: false,
        // A connection that cannot be had within 10 s (server unreachable, pool exhausted) fails the request with a
        // 503 instead of holding it indefinitely. Timestamps are read by parseTimestamptz (every list row has some).
        extra: { max: poolSize, application_name: "backbone", connectionTimeoutMillis: 10_000, types: PG_TYPES }
    } as DataSourceOptions;
}

/** Applies pending migrations under an advisory lock, so that concurrent instances migrate exactly once. */
export async function runMigrations(dataSource: DataSource): Promise<void> {
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    try {
        await runner.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
        await dataSource.runMigrations({ transaction: "each" });
    } finally {
        await runner.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => undefined);
        await runner.release();
    }
}
