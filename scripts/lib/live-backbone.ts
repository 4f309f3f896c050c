import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { freePort } from "../../src/core/net/free-port";
import { startBackboneChild } from "./backbone-process";
import { createDatabase, dropDatabase } from "./scratch-database";

/** A Backbone process (`node dist/src/main.js`) on a free loopback port, with a database of its own. */
export interface LiveBackbone {
    /** e.g. `http://127.0.0.1:41234` */
    url: string;
    clientId: string;
    clientSecret: string;
    stop(): Promise<void>;
}

/**
 * Starts the built Backbone (`npm run build` first) as its own process. With DATABASE_URL set it gets a throw-away
 * database on that server (dropped on stop); without, the Backbone starts its embedded PostgreSQL in a temporary
 * DATA_DIR, as `npm start` would. `env` adds or overrides settings (e.g. `RATE_LIMIT_ENABLED=false`).
 */
export async function startLiveBackbone(env: Record<string, string> = {}): Promise<LiveBackbone> {
    const serverUrl = process.env.DATABASE_URL;
    const database = serverUrl ? await createDatabase(serverUrl, "bb_live") : undefined;
    const dataDir = mkdtempSync(join(tmpdir(), "backbone-live-"));
    const port = await freePort();
    const adminPort = await freePort();
    const clientId = "test";
    const clientSecret = "test";
    const childEnv: NodeJS.ProcessEnv = {
        ...process.env,
        DATA_DIR: dataDir,
        HOST: "127.0.0.1",
        PORT: String(port),
        ADMIN_PORT: String(adminPort),
        BOOTSTRAP_CLIENT_ID: clientId,
        BOOTSTRAP_CLIENT_SECRET: clientSecret,
        LOG_LEVEL: "warn",
        HOUSEKEEPING_ENABLED: "false",
        ...env
    };
    if (database) childEnv.DATABASE_URL = database.url;
    else delete childEnv.DATABASE_URL;
    const backbone = await startBackboneChild({
        env: childEnv,
        port,
        keepChunks: 200,
        afterStop: async () => {
            if (serverUrl && database) await dropDatabase(serverUrl, database.name);
            rmSync(dataDir, { recursive: true, force: true });
        }
    });
    return { url: backbone.url, clientId, clientSecret, stop: backbone.stop };
}
