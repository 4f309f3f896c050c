import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";

import { DataSource } from "typeorm";

import { BlobStorage, type PutResult } from "../../src/core/blob-storage/blob-storage";
import { FsBlobStorage } from "../../src/core/blob-storage/fs-blob-storage";
import { Housekeeper } from "../../src/core/housekeeping/housekeeper";
import { EXPIRED_FILE_RETENTION_MS } from "../../src/modules/files/file.entity";
import { FilesCleanup, STALE_UPLOAD_AFTER_MS } from "../../src/modules/files/files.housekeeping";
import { uploadFile, uploadRequest } from "../support/files";
import { createIdentity, login, type TestIdentity } from "../support/identities";
import { startTestApp, type TestApp } from "../support/test-app";

/** Delegates to a real store; can be told to fail right after the next blob has been written completely. */
class FaultyBlobStorage extends BlobStorage {
    /** "crash": the write completes, then the process "dies" (the call never returns). */
    next?: "crash" | { afterWrite: () => Promise<void> };

    constructor(readonly inner: BlobStorage) {
        super();
    }
    async put(key: string, source: Readable, options?: { maxBytes?: number }): Promise<PutResult> {
        const result = await this.inner.put(key, source, options);
        const fault = this.next;
        this.next = undefined;
        if (fault === "crash") return await new Promise<never>(() => undefined);
        if (fault) await fault.afterWrite();
        return result;
    }
    get(key: string) {
        return this.inner.get(key);
    }
    exists(key: string) {
        return this.inner.exists(key);
    }
    delete(key: string) {
        return this.inner.delete(key);
    }
    list() {
        return this.inner.list();
    }
    removeUnfinishedUploads(before: Date) {
        return this.inner.removeUnfinishedUploads(before);
    }
    check() {
        return this.inner.check();
    }
}

async function keys(storage: BlobStorage): Promise<string[]> {
    const out: string[] = [];
    for await (const key of storage.list()) out.push(key);
    return out.sort();
}

describe("files: crash safety and orphan cleanup", () => {
    let dir: string;

    beforeAll(async () => {
        dir = await mkdtemp(join(tmpdir(), "files-crash-"));
    });
    afterAll(async () => await rm(dir, { recursive: true, force: true }));

    it("a crash after the blob is written but before the row commits leaves no visible file, and the cleanup removes the leftovers", async () => {
        const store = new FsBlobStorage(dir);
        const faulty = new FaultyBlobStorage(store);
        const first = await startTestApp({ blobStorage: faulty });
        const alice = await createIdentity(first);
        const kept = await uploadFile(first, alice);
        const before = await keys(store);

        faulty.next = "crash";
        await expect(uploadRequest(first, alice).timeout({ response: 1500 })).rejects.toThrow(/timeout/i);
        const crashed = (await keys(store)).filter((key) => !before.includes(key));
        expect(crashed).toHaveLength(1);
        await first.app.close();

        // The process is gone; a new instance starts on the same database and blob store.
        const second = await startTestApp({ databaseUrl: first.databaseUrl, blobStorage: store });
        try {
            const auth = `Bearer ${await login(second, alice.username, alice.password)}`;
            const listed = await second.http.get("/api/v2/Files").set("authorization", auth).expect(200);
            expect(listed.body.result.map((f: { id: string }) => f.id)).toEqual([kept.id]);
            await second.http.get(`/api/v2/Files/${crashed[0]}/Metadata`).set("authorization", auth).expect(404);
            await second.http.get(`/api/v2/Files/${crashed[0]}`).set("authorization", auth).expect(404);

            const cleanup = second.app.get(FilesCleanup);
            const dataSource = second.app.get(DataSource);
            // Still within the time an upload may take: it could be in progress, so nothing is touched.
            expect(await cleanup.removeOrphans()).toEqual({ staleUploads: 0, orphanedBlobs: 0 });
            expect(await store.exists(crashed[0]!)).toBe(true);

            second.clock.advance(STALE_UPLOAD_AFTER_MS + 1000);
            expect(await cleanup.removeOrphans()).toEqual({ staleUploads: 1, orphanedBlobs: 0 });
            expect(await store.exists(crashed[0]!)).toBe(false);
            expect(await dataSource.query("SELECT id FROM file_uploads")).toEqual([]);
            expect(await cleanup.removeOrphans()).toEqual({ staleUploads: 0, orphanedBlobs: 0 });

            const download = await second.http.get(`/api/v2/Files/${kept.id}`).set("authorization", auth).expect(200);
            expect(download.headers["content-length"]).toBe(String("encrypted file content".length));
        } finally {
            await second.close();
        }
    });

    describe("with one running instance", () => {
        let t: TestApp;
        let faulty: FaultyBlobStorage;
        let alice: TestIdentity;

        beforeAll(async () => {
            faulty = new FaultyBlobStorage(new FsBlobStorage(join(dir, "second")));
            t = await startTestApp({ blobStorage: faulty });
            alice = await createIdentity(t);
        });
        afterAll(async () => await t.close());

        it("a database failure between blob write and row commit answers 500 and leaves neither row nor blob", async () => {
            const before = await keys(faulty.inner);
            const dataSource = t.app.get(DataSource);
            // The upload row disappears under the upload (as if the database lost it), so the final commit fails.
            faulty.next = { afterWrite: async () => void (await dataSource.query("DELETE FROM file_uploads")) };
            const response = await uploadRequest(t, alice).expect(500);
            expect(response.body.error.code).toBe("error.platform.unexpected");
            expect(await keys(faulty.inner)).toEqual(before);
            const listed = await t.http.get("/api/v2/Files").set("authorization", alice.auth).expect(200);
            expect(listed.body.result).toEqual([]);
            expect(Number((await dataSource.query("SELECT count(*) AS n FROM files"))[0].n)).toBe(0);
        });

        it("removes blobs that belong to no file (a crash between deleting the row and the blob) and keeps the others", async () => {
            const file = await uploadFile(t, alice);
            await faulty.inner.put("FILorphanedblob00001", Readable.from([Buffer.from("left over")]));
            const report = await t.app.get(FilesCleanup).removeOrphans();
            expect(report).toEqual({ staleUploads: 0, orphanedBlobs: 1 });
            expect(await faulty.inner.exists("FILorphanedblob00001")).toBe(false);
            expect(await faulty.inner.exists(file.id)).toBe(true);
            await t.http.get(`/api/v2/Files/${file.id}`).set("authorization", alice.auth).expect(200);
        });

        it("removes files (row and blob) 30 days after they expired, not earlier", async () => {
            const file = await uploadFile(t, alice, { expiresAt: new Date(t.clock.now().getTime() + 1000).toISOString() });
            const housekeeper = t.app.get(Housekeeper);
            t.clock.advance(EXPIRED_FILE_RETENTION_MS);
            expect((await housekeeper.runOnce(["files.expired"])).removed["files.expired"]).toBe(0);
            expect(await faulty.inner.exists(file.id)).toBe(true);
            t.clock.advance(2000);
            expect((await housekeeper.runOnce(["files.expired"])).removed["files.expired"]).toBe(1);
            expect(await faulty.inner.exists(file.id)).toBe(false);
            expect(await t.app.get(DataSource).query("SELECT id FROM files WHERE id = $1", [file.id])).toEqual([]);
            t.clock.set(new Date());
        });
    });
});
