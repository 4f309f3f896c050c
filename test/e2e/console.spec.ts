import { createHash } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { Client } from "pg";

import { dropDatabase } from "../../scripts/lib/scratch-database";
import { BackboneProcess, buildBackbone, type BuiltBackbone, freePort } from "../support/server-process";
import { createTestDatabase } from "../support/test-app";

interface LogRecord {
    level: number;
    msg: string;
    event?: string;
    context?: string;
    url?: string;
    directory?: string;
    dir?: string;
    clientId?: string;
    clientSecret?: string;
    req?: { method: string; path: string };
    res?: { statusCode: number };
}

const MAX_LINES_BEFORE_READY = 15;
const isRoot = process.getuid?.() === 0;
const RELOCATION_ROOT = "/var/lib/enmeshed-backbone";

let built: BuiltBackbone;
const started: BackboneProcess[] = [];
const folders: string[] = [];

function start(env: Record<string, string>, cwd?: string): BackboneProcess {
    // The admin listener on a free port of its own, so that Backbones of parallel tests do not collide on 8081.
    const backbone = new BackboneProcess([process.execPath, built.main], { ADMIN_PORT: "0", ...env }, { cwd });
    started.push(backbone);
    return backbone;
}

function folder(): string {
    const dir = mkdtempSync(join(tmpdir(), "backbone-console-"));
    chmodSync(dir, 0o755);
    folders.push(dir);
    return dir;
}

/** What the process wrote, line by line, without empty lines. */
function outputLines(backbone: BackboneProcess): string[] {
    return backbone
        .output()
        .split("\n")
        .filter((line) => line.trim());
}

function records(lines: string[]): LogRecord[] {
    return lines.filter((line) => line.trim()).map((line) => JSON.parse(line) as LogRecord);
}

beforeAll(() => {
    built = buildBackbone();
});
afterEach(async () => {
    for (const backbone of started.splice(0)) await backbone.stop();
});
afterAll(() => {
    built.remove();
    for (const dir of folders) rmSync(dir, { recursive: true, force: true });
    // The folder of relocated clusters, if this run created it and nothing else is in it.
    if (isRoot && existsSync(RELOCATION_ROOT) && readdirSync(RELOCATION_ROOT).length === 0) rmdirSync(RELOCATION_ROOT);
});

describe("the console of a fresh Backbone with the embedded database", () => {
    it("shows at most 15 lines before ready, with the new client's secret and the database URL; Ctrl-C stops it without a warning", async () => {
        const dataDir = join(folder(), "data");
        const port = await freePort();
        // As an operator starts it: `npm start` in the checkout (which builds first); LOG_FORMAT=pretty stands for the terminal.
        const backbone = new BackboneProcess(
            ["npm", "start"],
            { PORT: String(port), ADMIN_PORT: "0", DATA_DIR: dataDir, LOG_FORMAT: "pretty" },
            { cwd: built.dir }
        );
        started.push(backbone);
        const ready = await backbone.waitForLine((line) => line.includes("ready (started in"));

        const beforeReady = backbone.stdout.slice(0, ready + 1);
        expect(beforeReady.length).toBeLessThanOrEqual(MAX_LINES_BEFORE_READY);
        expect(beforeReady.join("\n")).toMatch(/client id: +CLT[A-Za-z0-9]{17}/);
        const secret = /client secret: +(\S+)/.exec(beforeReady.join("\n"))?.[1];
        expect(secret).toMatch(/^[A-Za-z0-9]{30}$/);
        const url = /embedded PostgreSQL (postgres:\/\/backbone:backbone@127\.0\.0\.1:\d+\/backbone)/.exec(beforeReady.join("\n"))?.[1];
        expect(url).toBeDefined();
        expect(beforeReady.join("\n")).toContain(`Consumer API  http://localhost:${port}`);
        expect(beforeReady.join("\n")).toMatch(/Admin API +http:\/\/127\.0\.0\.1:[1-9]\d+/);
        expect(beforeReady.join("\n")).toContain(`Blob store    filesystem ${dataDir}/blobs`);
        expect(beforeReady.some((line) => line.trimStart().startsWith("{"))).toBe(false);
        expect(backbone.stderr.join("")).toBe("");

        // The printed URL is what the admin CLI needs: it reaches the database with the client just created.
        const client = new Client({ connectionString: url });
        await client.connect();
        const clients = await client.query("SELECT id FROM oauth_clients");
        await client.end();
        expect(clients.rows.map((row: { id: string }) => row.id)).toEqual([/client id: +(\S+)/.exec(beforeReady.join("\n"))![1]]);

        // One line per request; health checks stay out.
        await fetch(`http://127.0.0.1:${port}/api/v2/Challenges`, { method: "POST" });
        await fetch(`http://127.0.0.1:${port}/health/live`);
        const requestLine = await backbone.waitForLine((line) => line.includes("POST /api/v2/Challenges 201"));
        expect(requestLine).toBe(ready + 1);

        backbone.interrupt();
        await backbone.waitForLine((line) => line.endsWith("INFO: Stopped"));
        await backbone.exited;
        const afterRequests = backbone.stdout.slice(requestLine + 1).filter((line) => line.trim());
        expect(afterRequests).toHaveLength(2);
        expect(afterRequests[0]).toMatch(/INFO: SIGINT received: stopping/);
        expect(afterRequests[1]).toMatch(/INFO: Stopped$/);
        expect(backbone.output()).not.toMatch(/WARN|ERROR|LISTEN/);
        expect(existsSync(join(dataDir, "postgres", "postmaster.pid"))).toBe(false);
    });

    it("writes nothing but JSON lines when stdout is not a terminal, and keeps the client's secret to the first start", async () => {
        const dataDir = join(folder(), "data");
        const port = await freePort();
        const first = start({ PORT: String(port), DATA_DIR: dataDir });
        await first.waitForLine((line) => line.includes('"event":"ready"'));
        await first.stop();
        expect(records(first.stdout).filter((r) => r.event === "oauthClientCreated")).toHaveLength(1);

        const second = start({ PORT: String(port), DATA_DIR: dataDir });
        const ready = await second.waitForLine((line) => line.includes('"event":"ready"'));
        await fetch(`http://127.0.0.1:${port}/api/v2/Challenges`, { method: "POST" });
        await second.waitForLine((line) => line.includes('"path":"/api/v2/Challenges"'));
        second.signal("SIGTERM");
        expect((await second.exited).code).toBe(0);

        const all = records(second.stdout);
        expect(all.length).toBe(second.stdout.filter((line) => line.trim()).length);
        expect(all.slice(0, ready + 1).map((r) => r.event)).toEqual(["listening", "listening", "database", "blobStore", "ready"]);
        expect(all.some((r) => r.event === "oauthClientCreated" || r.clientSecret)).toBe(false);
        expect(all.find((r) => r.event === "database")?.url).toMatch(/^postgres:\/\/backbone:backbone@127\.0\.0\.1:\d+\/backbone$/);
        expect(all.filter((r) => r.req)).toEqual([
            expect.objectContaining({
                level: 30,
                msg: "request completed",
                req: expect.objectContaining({ method: "POST", path: "/api/v2/Challenges" })
            })
        ]);
        expect(all.slice(-2).map((r) => r.msg)).toEqual([expect.stringMatching(/^SIGTERM received: stopping/), "Stopped"]);
        expect(all.every((r) => r.level < 40)).toBe(true);
    });
});

describe("the console with an external database", () => {
    it("says where the database is without its password, and logs the framework's boot lines only at debug", async () => {
        const database = await createTestDatabase();
        const port = await freePort();
        const info = start({ PORT: String(port), DATABASE_URL: database.url, BLOB_DIR: join(folder(), "blobs") });
        await info.waitForLine((line) => line.includes('"event":"ready"'));
        await info.stop();
        const password = new URL(database.url).password;
        expect(password.length).toBeGreaterThan(0);
        expect(info.output()).not.toContain(`:${password}@`);
        const databaseRecord = records(info.stdout).find((r) => r.event === "database");
        expect(databaseRecord?.url).toBe(database.url.replace(`:${password}@`, "@"));
        expect(records(info.stdout).some((r) => r.context === "RouterExplorer")).toBe(false);

        const debug = start({ PORT: String(port), DATABASE_URL: database.url, LOG_LEVEL: "debug", BLOB_DIR: join(folder(), "blobs") });
        await debug.waitForLine((line) => line.includes('"event":"ready"'));
        await debug.stop();
        await dropDatabase(process.env.TEST_ADMIN_URL!, database.name);
        const routeLines = records(debug.stdout).filter((r) => r.context === "RouterExplorer");
        expect(routeLines.length).toBeGreaterThan(50);
        expect(routeLines.every((r) => r.level === 20)).toBe(true);
    });
});

describe("start-up problems", () => {
    let occupied: Server | undefined;
    afterEach(async () => {
        await new Promise<void>((resolve) => (occupied ? occupied.close(() => resolve()) : resolve()));
        occupied = undefined;
    });

    it("a taken port is one clear line and exit code 1, before the database starts", async () => {
        const port = await freePort();
        occupied = createServer();
        await new Promise<void>((resolve) => occupied!.listen(port, "0.0.0.0", resolve));
        const dataDir = join(folder(), "data");
        const backbone = start({ PORT: String(port), DATA_DIR: dataDir });
        const { code } = await backbone.exited;
        expect(code).toBe(1);
        const lines = outputLines(backbone);
        expect(lines).toHaveLength(1);
        expect(JSON.parse(lines[0]!)).toMatchObject({ level: 60, msg: expect.stringContaining(`Port ${port}`) });
        expect(lines[0]).toContain("already in use");
        expect(lines[0]).toContain("set PORT");
        expect(existsSync(join(dataDir, "postgres"))).toBe(false);
    });

    it("a data folder that cannot be created is one line that says what to do", async () => {
        const file = join(folder(), "a-file");
        writeFileSync(file, "");
        const backbone = start({ PORT: String(await freePort()), DATA_DIR: join(file, "data"), LOG_FORMAT: "pretty" });
        expect((await backbone.exited).code).toBe(1);
        const lines = outputLines(backbone);
        expect(lines).toHaveLength(1);
        expect(lines[0]).toMatch(/FATAL: Cannot create the data folder .*a-file\/data \(ENOTDIR\): set DATA_DIR/);
    });

    it("a checkout inside a private folder (a home of mode 0700) starts with the default data folder", async () => {
        const home = folder();
        chmodSync(home, 0o700);
        const checkout = join(home, "backbone");
        mkdirSync(checkout);
        const backbone = start({ PORT: String(await freePort()) }, checkout);
        await backbone.waitForLine((line) => line.includes('"event":"ready"'));
        await backbone.stop();
        const all = records(backbone.stdout);
        const directory = all.find((r) => r.event === "database")?.directory;
        if (isRoot) {
            // PostgreSQL runs as the user postgres, which cannot enter the home: the cluster lives where it can, and says so.
            const expected = `${RELOCATION_ROOT}/embedded-${createHash("sha256").update(join(checkout, "data")).digest("hex").slice(0, 12)}/postgres`;
            folders.push(join(expected, ".."));
            expect(directory).toBe(expected);
            expect(all.find((r) => r.level === 40)?.msg).toContain(`${home} (mode 0700), which the user 'postgres' cannot enter`);
        } else {
            expect(directory).toBe(join(checkout, "data", "postgres"));
        }
        expect(all.find((r) => r.event === "blobStore")?.dir).toBe(join(checkout, "data", "blobs"));
    });

    it("as root, a configured DATA_DIR the postgres user cannot enter is refused with what to do instead", async () => {
        const home = folder();
        chmodSync(home, 0o700);
        const backbone = start({ PORT: String(await freePort()), DATA_DIR: join(home, "data") });
        if (isRoot) {
            expect((await backbone.exited).code).toBe(1);
            const lines = outputLines(backbone);
            expect(lines).toHaveLength(1);
            expect(JSON.parse(lines[0]!).msg).toMatch(
                /cannot enter\. Run the Backbone as a normal user, set DATA_DIR to a folder outside it/
            );
        } else {
            // A normal user runs PostgreSQL as itself and may use its own private folders.
            await backbone.waitForLine((line) => line.includes('"event":"ready"'));
            await backbone.stop();
            expect(records(backbone.stdout).find((r) => r.event === "database")?.directory).toBe(join(home, "data", "postgres"));
        }
    });
});
