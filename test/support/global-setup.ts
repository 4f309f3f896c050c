import "reflect-metadata";

import { DataSource } from "typeorm";

import { createDatabase, openScratchServer, type ScratchServer } from "../../scripts/lib/scratch-database";
import { dataSourceOptions, runMigrations } from "../../src/core/database/data-source";

/**
 * One PostgreSQL server for the run (DATABASE_URL's, or an embedded one) and one migrated template database; each
 * test file copies the template into a fresh database of its own.
 */
export default async function globalSetup(): Promise<void> {
    const server = await openScratchServer();
    const template = await createDatabase(server.adminUrl, `bb_test_${process.pid}_template`);
    const dataSource = new DataSource(dataSourceOptions(template.url, 2));
    await dataSource.initialize();
    await runMigrations(dataSource);
    await dataSource.destroy();
    process.env.TEST_ADMIN_URL = server.adminUrl;
    process.env.TEST_TEMPLATE_DB = template.name;
    process.env.TEST_DB_PREFIX = `bb_test_${process.pid}`;
    (globalThis as { __scratchServer?: ScratchServer }).__scratchServer = server;
}
