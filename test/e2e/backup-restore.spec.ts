import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

import { Client } from "pg";

import { createDatabase, dropDatabase } from "../../scripts/lib/scratch-database";
import { FilesCleanup } from "../../src/modules/files/files-cleanup";
import { establishRelationship } from "../factories/relationships";
import { uploadFile } from "../support/files";
import { createIdentity, login, type TestIdentity } from "../support/identities";
import { startTestApp, type TestApp } from "../support/test-app";

const run = promisify(execFile);
const KEY = Buffer.alloc(40, 7).toString("base64url");

/** The server's major version, and pg_dump/pg_restore that can handle it (the server's own, or newer in PATH). */
async function clientTools(databaseUrl: string): Promise<{ pgDump: string; pgRestore: string }> {
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    const major = Number((await client.query("SHOW server_version_num")).rows[0].server_version_num) / 10000;
    await client.end();
    const versioned = `/usr/lib/postgresql/${Math.floor(major)}/bin`;
    if (existsSync(join(versioned, "pg_dump"))) return { pgDump: join(versioned, "pg_dump"), pgRestore: join(versioned, "pg_restore") };
    const { stdout } = await run("pg_dump", ["--version"]).catch(() => ({ stdout: "" }));
    const found = Number(/(\d+)\.\d+/.exec(stdout)?.[1] ?? 0);
    if (found < Math.floor(major)) {
        throw new Error(
            `The backup test needs pg_dump/pg_restore for PostgreSQL ${Math.floor(major)} or newer (found ${stdout.trim() || "none"}): ` +
                "install the server's client tools or point DATABASE_URL at a server they support."
        );
    }
    return { pgDump: "pg_dump", pgRestore: "pg_restore" };
}

describe("backup and restore (docs/operations.md)", () => {
    const folders: string[] = [];
    const databases: string[] = [];
    let source: TestApp | undefined;
    let restored: TestApp | undefined;

    function folder(): string {
        const dir = mkdtempSync(join(tmpdir(), "backbone-backup-"));
        folders.push(dir);
        return dir;
    }

    afterAll(async () => {
        await restored?.close();
        await source?.close();
        for (const name of databases) await dropDatabase(process.env.TEST_ADMIN_URL!, name);
        for (const dir of folders) rmSync(dir, { recursive: true, force: true });
    });

    it("backs up a running Backbone (database first, then the blobs), restores it into a fresh one that serves every identity, message and file", async () => {
        const sourceBlobs = join(folder(), "blobs");
        source = await startTestApp({ listen: true, env: { BLOB_DIR: sourceBlobs } });
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
        const { pgDump, pgRestore } = await clientTools(t.databaseUrl);
        await run(pgDump, ["--format=custom", "--no-owner", "--no-privileges", `--file=${join(backup, "backbone.dump")}`, t.databaseUrl]);
        // ... a write that lands between the two steps: its row is not in the dump, its blob will be in the copy ...
        const late = await uploadFile(t, alice, { content: randomBytes(2_000) });
        // ... 2. then the blobs, added to the backup's folder (never deleting there), without the temporary files of
        // uploads in progress. Files are immutable, so every row of the dump finds its blob.
        await run("cp", ["-a", "-n", `${sourceBlobs}/.`, join(backup, "blobs")]);
        rmSync(join(backup, "blobs", ".tmp"), { recursive: true, force: true });

        // The restore: an empty database, pg_restore, the blobs copied back, then a Backbone started on them.
        const target = await createDatabase(process.env.TEST_ADMIN_URL!, `${process.env.TEST_DB_PREFIX}_restored`);
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
