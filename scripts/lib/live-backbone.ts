import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { createDatabase, dropDatabase } from "./scratch-database";

/** A Backbone process (`node dist/src/main.js`) on a free loopback port, with a database of its own. */
export interface LiveBackbone {
    /** e.g. `http://127.0.0.1:41234` */
    url: string;
    clientId: string;
    clientSecret: string;
    stop(): Promise<void>;
}

async function freePort(): Promise<number> {
    return await new Promise((resolve, reject) => {
        const server = createServer();
        server.once("error", reject);
        server.listen(0, "127.0.0.1", () => {
            const address = server.address();
            server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
        });
    });
}

async function exited(child: ChildProcess): Promise<void> {
    if (child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => child.once("exit", () => resolve()));
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
    const output: string[] = [];
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
    const child = spawn(process.execPath, ["--enable-source-maps", join(__dirname, "..", "..", "src", "main.js")], {
        env: childEnv,
        stdio: ["ignore", "pipe", "pipe"]
    });
    const keep = (chunk: Buffer): void => {
        output.push(chunk.toString("utf8"));
        if (output.length > 200) output.shift();
    };
    child.stdout!.on("data", keep);
    child.stderr!.on("data", keep);
    const killOnExit = (): void => void child.kill("SIGKILL");
    process.once("exit", killOnExit);

    const cleanUp = async (): Promise<void> => {
        process.removeListener("exit", killOnExit);
        if (child.exitCode === null && child.signalCode === null) {
            child.kill("SIGTERM");
            const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
            await exited(child);
            clearTimeout(timer);
        }
        if (serverUrl && database) await dropDatabase(serverUrl, database.name);
        rmSync(dataDir, { recursive: true, force: true });
    };

    const url = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 120_000;
    try {
        for (;;) {
            if (child.exitCode !== null || child.signalCode !== null) throw new Error("the Backbone exited during start-up");
            if (Date.now() > deadline) throw new Error("the Backbone did not become ready within 120 s");
            const ready = await fetch(`${url}/health/ready`).then(
                (response) => response.ok,
                () => false
            );
            if (ready) break;
            await new Promise((resolve) => setTimeout(resolve, 250));
        }
    } catch (error) {
        await cleanUp();
        throw new Error(`${(error as Error).message}:\n${output.join("")}`, { cause: error });
    }
    return { url, clientId, clientSecret, stop: cleanUp };
}
