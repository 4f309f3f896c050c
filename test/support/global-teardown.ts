import { Client } from "pg";

import type { ScratchServer } from "../../scripts/lib/scratch-database";

/** Drops every database this run created, then stops the embedded server if one was started. */
export default async function globalTeardown(): Promise<void> {
    const adminUrl = process.env.TEST_ADMIN_URL;
    const prefix = process.env.TEST_DB_PREFIX;
    if (adminUrl && prefix) {
        const client = new Client({ connectionString: adminUrl });
        await client.connect();
        const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [`${prefix}%`]);
        for (const row of rows) await client.query(`DROP DATABASE IF EXISTS "${row.datname}" WITH (FORCE)`);
        await client.end();
    }
    await (globalThis as { __scratchServer?: ScratchServer }).__scratchServer?.stop();
}
