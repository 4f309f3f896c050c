import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

import { Client } from "pg";

import { createDatabase, dropDatabase } from "../../scripts/lib/scratch-database";
import { startEmbeddedPostgres } from "../../src/core/database/embedded-postgres";
import { FilesCleanup } from "../../src/modules/files/files.housekeeping";
import { establishRelationship } from "../factories/relationships";
import { uploadFile } from "../support/files";
import { createIdentity, login, type TestIdentity } from "../support/identities";
import { startTestApp, type TestApp } from "../support/test-app";

const run = promisify(execFile);
const KEY = Buffer.alloc(40, 7).toString("base64url");

/** The major version of a PostgreSQL server. */
async function serverMajor(databaseUrl: string): Promise<number> {
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    const versionNumber = Number((await client.query("SHOW server_version_num")).rows[0].server_version_num);
    await client.end();
    return Math.floor(versionNumber / 10000);
}

/** The PostgreSQL installations of the machine (Debian's layout), newest first. */
function installedPostgres(): Array<{ major: number; bin: string }> {
    const root = "/usr/lib/postgresql";
    if (!existsSync(root)) return [];
    return readdirSync(root)
        .filter((name) => /^\d+$/.test(name) && existsSync(join(root, name, "bin", "pg_dump")))
        .map((name) => ({ major: Number(name), bin: join(root, name, "bin") }))
        .sort((a, b) => b.major - a.major);
}

/**
 * Where the backup is taken: the test server, when the machine has pg_dump/pg_restore for its major version or newer;
 * else (e.g. the embedded PostgreSQL 18 of a run without DATABASE_URL, on a machine with Debian's PostgreSQL 15) a
 * private PostgreSQL from the machine's own installation, which its tools match.
 */
async function backupServer(
    folder: () => string
): Promise<{ adminUrl: string; pgDump: string; pgRestore: string; stop?: () => Promise<void> }> {
    const installations = installedPostgres();
    const adminUrl = process.env.TEST_ADMIN_URL!;
    const major = await serverMajor(adminUrl);
    const matching = installations.find((installation) => installation.major >= major);
    if (matching) return { adminUrl, pgDump: join(matching.bin, "pg_dump"), pgRestore: join(matching.bin, "pg_restore") };
    const own = installations.find((installation) => existsSync(join(installation.bin, "initdb")));
    if (!own) {
        throw new Error(
            `The backup test needs PostgreSQL's pg_dump and pg_restore (found none for PostgreSQL ${major} or newer under ` +
                "/usr/lib/postgresql): install Debian's postgresql package."
        );
    }
    const database = await startEmbeddedPostgres(folder(), 0, { binDir: own.bin });
    return {
        adminUrl: database.url,
        pgDump: join(own.bin, "pg_dump"),
        pgRestore: join(own.bin, "pg_restore"),
        stop: () => database.stop()
    };
}

describe("backup and restore (docs/operations.md)", () => {
    const folders: string[] = [];
    const databases: string[] = [];
    let source: TestApp | undefined;
    let restored: TestApp | undefined;
    let server: Awaited<ReturnType<typeof backupServer>> | undefined;

    function folder(): string {
        const dir = mkdtempSync(join(tmpdir(), "backbone-backup-"));
        folders.push(dir);
        return dir;
    }

    afterAll(async () => {
        await restored?.close();
        await source?.close();
        for (const name of databases) await dropDatabase(server?.adminUrl ?? process.env.TEST_ADMIN_URL!, name);
        await server?.stop?.();
        for (const dir of folders) rmSync(dir, { recursive: true, force: true });
    });

    it("backs up a running Backbone (database first, then the blobs), restores it into a fresh one that serves every identity, message and file", async () => {
        server = await backupServer(folder);
        const { adminUrl, pgDump, pgRestore } = server;
        const sourceDatabase = await createDatabase(adminUrl, `${process.env.TEST_DB_PREFIX}_backed_up`);
        databases.push(sourceDatabase.name);
        const sourceBlobs = join(folder(), "blobs");
        source = await startTestApp({ listen: true, databaseUrl: sourceDatabase.url, env: { BLOB_DIR: sourceBlobs } });
        const t = source;
        const alice = await createIdentity(t);
        const bob = await createIdentity(t);
        const carol = await createIdentity(t);
        const relationshipIds = [await establishRelationship(t, alice, bob), await establishRelationship(t, carol, bob)];
        const files = new Map<string, Buffer>();
        for (const [owner, size] of [
            [alice, 1],
            [alice, 70_000],
            [bob, 300_000],
            [carol, 5_000]
        ] as Array<[TestIdentity, number]>) {
            const content = randomBytes(size);
            files.set((await uploadFile(t, owner, { content })).id, content);
        }
        const messages = new Map<string, { body: string; recipient: TestIdentity }>();
        for (const [sender, recipient] of [
            [alice, bob],
            [bob, alice],
            [carol, bob],
            [bob, carol]
        ] as Array<[TestIdentity, TestIdentity]>) {
            const body = randomBytes(500).toString("base64url");
            const sent = await t.http
                .post("/api/v2/Messages")
                .set("authorization", sender.auth)
                .send({ recipients: [{ address: recipient.address, encryptedKey: KEY }], body, attachments: [] })
                .expect(201);
            messages.set(sent.body.result.id, { body, recipient });
        }

        // The backup, while the Backbone keeps serving: 1. the database (pg_dump takes a consistent snapshot) ...
        const backup = folder();
        await run(pgDump, ["--format=custom", "--no-owner", "--no-privileges", `--file=${join(backup, "backbone.dump")}`, t.databaseUrl]);
        // ... a write that lands between the two steps: its row is not in the dump, its blob will be in the copy ...
        const late = await uploadFile(t, alice, { content: randomBytes(2_000) });
        // ... 2. then the blobs, added to the backup's folder (never deleting there), without the temporary files of
        // uploads in progress. Files are immutable, so every row of the dump finds its blob.
        await run("cp", ["-a", "-n", `${sourceBlobs}/.`, join(backup, "blobs")]);
        rmSync(join(backup, "blobs", ".tmp"), { recursive: true, force: true });

        // The restore: an empty database, pg_restore, the blobs copied back, then a Backbone started on them.
        const target = await createDatabase(adminUrl, `${process.env.TEST_DB_PREFIX}_restored`);
        databases.push(target.name);
        await run(pgRestore, ["--no-owner", "--no-privileges", "--exit-on-error", `--dbname=${target.url}`, join(backup, "backbone.dump")]);
        const restoredBlobs = join(folder(), "blobs");
        await run("cp", ["-a", join(backup, "blobs"), restoredBlobs]);
        restored = await startTestApp({ databaseUrl: target.url, env: { BLOB_DIR: restoredBlobs } });
        const r = restored;

        // Every device logs in with its password; tokens signed before the backup stay valid (the key is in the database).
        for (const identity of [alice, bob, carol]) {
            const token = await login(r, identity.username, identity.password);
            const self = await r.http.get("/api/v2/Devices/Self").set("authorization", `Bearer ${token}`).expect(200);
            expect(self.body.result.id).toBe(identity.deviceId);
            await r.http.get("/api/v2/Devices/Self").set("authorization", identity.auth).expect(200);
        }
        for (const [id, { body, recipient }] of messages) {
            const read = await r.http.get(`/api/v2/Messages/${id}`).set("authorization", recipient.auth).expect(200);
            expect(read.body.result.body).toBe(body);
        }
        for (const [id, content] of files) {
            const download = await r.http.get(`/api/v2/Files/${id}`).set("authorization", carol.auth).buffer(true).expect(200);
            expect(Buffer.compare(download.body as Buffer, content)).toBe(0);
        }
        for (const id of relationshipIds) {
            const relationship = await r.http.get(`/api/v2/Relationships/${id}`).set("authorization", bob.auth).expect(200);
            expect(relationship.body.result.status).toBe("Active");
        }

        // The upload that came after the dump is not part of the restored state; its blob is an orphan that the
        // housekeeping removes.
        await r.http.get(`/api/v2/Files/${late.id}/Metadata`).set("authorization", alice.auth).expect(404);
        expect(readdirSync(restoredBlobs)).toContain(late.id);
        expect(await r.app.get(FilesCleanup).removeOrphans()).toEqual({ staleUploads: 0, orphanedBlobs: 1 });
        expect(
            readdirSync(restoredBlobs)
                .filter((name) => !name.startsWith("."))
                .sort()
        ).toEqual([...files.keys()].sort());
    });
});
