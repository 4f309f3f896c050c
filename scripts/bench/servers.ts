/**
 * The processes a benchmark runs against: a PostgreSQL server (a private one by default, so that its CPU time is the
 * benchmark's alone; or an existing server, of which only the benchmark's backends are measured) and the built
 * Backbone (`node dist/src/main.js`) as a child process.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { Client } from "pg";
import { DataSource } from "typeorm";

import { dataSourceOptions, runMigrations } from "../../src/core/database/data-source";
import { startEmbeddedPostgres } from "../../src/core/database/embedded-postgres";
import { freePort } from "../../src/core/net/free-port";
import { startBackboneChild } from "../lib/backbone-process";
import { createDatabase, databaseUrl, dropDatabase } from "../lib/scratch-database";
import { processesCpuMs, treeCpuMs, treeRssBytes } from "./proc";

export interface BenchDatabaseServer {
    /** A maintenance database URL. */
    adminUrl: string;
    description: string;
    /** CPU ms of the server so far (private server: all of it; shared server: the backends of `database`). */
    cpuMs(database: string): Promise<number>;
    rssBytes(): number;
    stop(): Promise<void>;
}

/** A private PostgreSQL in a temporary folder (the embedded-postgres binaries, or those of `binDir`). */
export async function startPrivatePostgres(binDir?: string): Promise<BenchDatabaseServer> {
    const dir = mkdtempSync(join(tmpdir(), "backbone-bench-pg-"));
    const embedded = await startEmbeddedPostgres(dir, 0, { binDir });
    const postmaster = Number(readFileSync(join(embedded.directory, "postmaster.pid"), "utf8").split("\n")[0]);
    const client = new Client({ connectionString: embedded.url });
    await client.connect();
    let version: string;
    try {
        // Room for bulk loading without a checkpoint every few seconds; the rest stays at the defaults.
        await client.query("ALTER SYSTEM SET max_wal_size = '4GB'");
        await client.query("ALTER SYSTEM SET checkpoint_timeout = '30min'");
        await client.query("SELECT pg_reload_conf()");
        version = (await client.query<{ server_version: string }>("SHOW server_version")).rows[0]!.server_version;
    } finally {
        await client.end();
    }
    return {
        adminUrl: embedded.url,
        description: `private PostgreSQL ${version} (${binDir ?? "embedded-postgres binaries"}), default settings`,
        cpuMs: async () => treeCpuMs(postmaster),
        rssBytes: () => treeRssBytes(postmaster),
        stop: async () => {
            await embedded.stop();
            rmSync(dir, { recursive: true, force: true });
        }
    };
}

/** An existing server: only the backends connected to the benchmark's database are measured. */
export async function useExistingPostgres(adminUrl: string): Promise<BenchDatabaseServer> {
    const pidsOf = async (database: string): Promise<number[]> => {
        const client = new Client({ connectionString: adminUrl });
        await client.connect();
        try {
            const result = await client.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE datname = $1", [database]);
            return result.rows.map((r) => r.pid);
        } finally {
            await client.end();
        }
    };
    let known: number[] = [];
    return {
        adminUrl,
        description: "existing PostgreSQL server (CPU: the backends of the benchmark's database only)",
        cpuMs: async (database) => {
            known = await pidsOf(database);
            return processesCpuMs(known);
        },
        rssBytes: () => 0,
        stop: async () => undefined
    };
}

/** A fresh, migrated database on the server. */
export async function createMigratedDatabase(server: BenchDatabaseServer, prefix: string): Promise<{ name: string; url: string }> {
    const database = await createDatabase(server.adminUrl, prefix);
    const dataSource = new DataSource(dataSourceOptions(database.url, 2));
    await dataSource.initialize();
    try {
        await runMigrations(dataSource);
    } finally {
        await dataSource.destroy();
    }
    return { name: database.name, url: databaseUrl(server.adminUrl, database.name) };
}

export async function dropBenchDatabase(server: BenchDatabaseServer, name: string): Promise<void> {
    await dropDatabase(server.adminUrl, name);
}

export interface BackboneProcess {
    url: string;
    pid: number;
    clientId: string;
    clientSecret: string;
    blobDir: string;
    /** The last lines the Backbone wrote (warnings and errors at LOG_LEVEL=warn). */
    output(): string;
    stop(): Promise<void>;
}

export const BENCH_CLIENT = { id: "bench", secret: "bench-secret" };

/** Starts the built Backbone on the database, with rate limits and housekeeping off and quiet logs. */
export async function startBackbone(
    databaseUrlOfBench: string,
    blobDir: string,
    env: Record<string, string> = {}
): Promise<BackboneProcess> {
    const port = await freePort();
    const dataDir = mkdtempSync(join(tmpdir(), "backbone-bench-"));
    // BENCH_NODE_ARGS: extra options of the Backbone's node (e.g. `--cpu-prof --cpu-prof-dir=build/profiles`).
    const nodeArgs = (process.env["BENCH_NODE_ARGS"] ?? "").split(/\s+/).filter(Boolean);
    const { url, child, output, stop } = await startBackboneChild({
        env: {
            ...process.env,
            DATABASE_URL: databaseUrlOfBench,
            DATA_DIR: dataDir,
            BLOB_DIR: blobDir,
            HOST: "127.0.0.1",
            PORT: String(port),
            ADMIN_PORT: "0",
            LOG_LEVEL: "warn",
            RATE_LIMIT_ENABLED: "false",
            HOUSEKEEPING_ENABLED: "false",
            SWAGGER_UI: "false",
            DID_DOMAIN: "localhost",
            BOOTSTRAP_CLIENT_ID: BENCH_CLIENT.id,
            BOOTSTRAP_CLIENT_SECRET: BENCH_CLIENT.secret,
            JWT_SECRET: "bench-jwt-secret-bench-jwt-secret-bench",
            JWT_LIFETIME_SECONDS: "3600",
            // Scenario 08 sends to up to 1,000 recipients; the closed loops send many messages per pair.
            MAX_NUMBER_OF_MESSAGE_RECIPIENTS: "1000",
            MAX_NUMBER_OF_UNRECEIVED_MESSAGES_FROM_ONE_SENDER: "100",
            ...env
        },
        port,
        nodeArgs,
        keepChunks: 2000,
        afterStop: () => rmSync(dataDir, { recursive: true, force: true })
    });
    return {
        url,
        pid: child.pid!,
        clientId: BENCH_CLIENT.id,
        clientSecret: BENCH_CLIENT.secret,
        blobDir,
        output,
        stop
    };
}
