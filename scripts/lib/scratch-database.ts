import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { Client } from "pg";

import { startEmbeddedPostgres } from "../../src/core/database/embedded-postgres";
import { randomString } from "../../src/core/ids/ids";

/** A PostgreSQL server to create throw-away databases on: DATABASE_URL's, or an embedded one in a temp folder. */
export interface ScratchServer {
    /** URL of a maintenance database on the server. */
    adminUrl: string;
    stop(): Promise<void>;
}

export async function openScratchServer(): Promise<ScratchServer> {
    const url = process.env.DATABASE_URL;
    if (url) return { adminUrl: url, stop: async () => undefined };
    const dir = mkdtempSync(join(tmpdir(), "backbone-pg-"));
    const embedded = await startEmbeddedPostgres(dir);
    return {
        adminUrl: embedded.url,
        stop: async () => {
            await embedded.stop();
            rmSync(dir, { recursive: true, force: true });
        }
    };
}

export function databaseUrl(adminUrl: string, database: string): string {
    const url = new URL(adminUrl);
    url.pathname = `/${database}`;
    return url.toString();
}

export async function adminQuery(adminUrl: string, sql: string): Promise<void> {
    const client = new Client({ connectionString: adminUrl });
    await client.connect();
    try {
        await client.query(sql);
    } finally {
        await client.end();
    }
}

export async function createDatabase(adminUrl: string, prefix: string, template?: string): Promise<{ name: string; url: string }> {
    const name = `${prefix}_${randomString(10).toLowerCase()}`;
    await adminQuery(adminUrl, `CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ""}`);
    return { name, url: databaseUrl(adminUrl, name) };
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
    await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}
