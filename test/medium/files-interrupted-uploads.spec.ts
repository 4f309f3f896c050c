import { mkdtemp, readdir, rm, stat, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { dropDatabase } from "../../scripts/lib/scratch-database";
import { Housekeeper } from "../../src/core/housekeeping/housekeeper";
import { STALE_UPLOAD_AFTER_MS } from "../../src/modules/files/files.housekeeping";
import { startChildBackbone } from "../support/child-backbone";
import { pendingUploadRows, uploadFile } from "../support/files";
import { createIdentity, type TestIdentity } from "../support/identities";
import { startPartialUpload, until } from "../support/partial-upload";
import { s3rverEnv, startS3rver, type TestS3 } from "../support/s3rver";
import { createTestDatabase, startTestApp, type TestApp } from "../support/test-app";

const MiB = 1024 * 1024;
const MINUTE = 60_000;
/** The default of BLOB_UNFINISHED_UPLOAD_MAX_AGE_MINUTES. */
const UNFINISHED_UPLOAD_MAX_AGE_MS = 360 * MINUTE;

describe("uploads cut by a crash of the Backbone process", () => {
    let database: { name: string; url: string };
    beforeAll(async () => {
        database = await createTestDatabase();
    });
    afterAll(async () => await dropDatabase(process.env.TEST_ADMIN_URL!, database.name));

    describe("filesystem blob store", () => {
        let blobDir: string;
        let first: TestApp;
        let alice: TestIdentity;
        const tmpFiles = async () => await readdir(join(blobDir, ".tmp"));

        beforeAll(async () => {
            blobDir = await mkdtemp(join(tmpdir(), "interrupted-fs-"));
            first = await startTestApp({ databaseUrl: database.url, env: { BLOB_DIR: blobDir } });
            alice = await createIdentity(first);
        });
        afterAll(async () => {
            await first.close();
            await rm(blobDir, { recursive: true, force: true });
        });

        it("leaves temporary files that start-up and housekeeping remove once they are old enough, and reports them truthfully", async () => {
            const kept = await uploadFile(first, alice);
            const rowsBefore = await pendingUploadRows(first);

            // Three uploads, each cut by a kill of the process that was writing it.
            for (let crash = 0; crash < 3; crash++) {
                const child = await startChildBackbone({ DATABASE_URL: database.url, BLOB_DIR: blobDir });
                const count = (await tmpFiles()).length;
                await startPartialUpload(child.baseUrl, alice.auth, 3 * MiB);
                await until(async () => {
                    const names = await tmpFiles();
                    if (names.length <= count) return false;
                    const sizes = await Promise.all(names.map(async (name) => (await stat(join(blobDir, ".tmp", name))).size));
                    return sizes.some((size) => size >= MiB);
                }, "a temporary file with content");
                await child.crash();
            }
            const leftovers = await tmpFiles();
            expect(leftovers).toHaveLength(3);
            expect(await pendingUploadRows(first)).toBe(rowsBefore + 3);

            // Two of them are older than the bound (as after a long downtime): the next start-up removes those two.
            const old = new Date(Date.now() - UNFINISHED_UPLOAD_MAX_AGE_MS - 10 * MINUTE);
            for (const name of leftovers.slice(0, 2)) await utimes(join(blobDir, ".tmp", name), old, old);
            await first.close();
            first = await startTestApp({ databaseUrl: database.url, env: { BLOB_DIR: blobDir } });
            expect(await tmpFiles()).toEqual([leftovers[2]]);

            // A blob that belongs to no file (a crash between deleting a file's row and its blob).
            await writeFile(join(blobDir, "FILorphanedblob00001"), "left over");

            // Housekeeping before the bound keeps the young temporary file and the upload rows (uploads may be running).
            const early = await first.app.get(Housekeeper).runOnce(["blobs.unfinishedUploads", "files.orphans"]);
            expect(early.removed).toEqual({ "blobs.unfinishedUploads": 0, "files.orphans": 1 });
            expect(await tmpFiles()).toHaveLength(1);

            first.clock.advance(Math.max(STALE_UPLOAD_AFTER_MS, UNFINISHED_UPLOAD_MAX_AGE_MS) + MINUTE);
            const report = await first.app.get(Housekeeper).runOnce(["blobs.unfinishedUploads", "files.orphans"]);
            expect(report.removed).toEqual({ "blobs.unfinishedUploads": 1, "files.orphans": 3 });
            expect(await tmpFiles()).toEqual([]);
            expect(await pendingUploadRows(first)).toBe(0);

            const again = await first.app.get(Housekeeper).runOnce(["blobs.unfinishedUploads", "files.orphans"]);
            expect(again.removed).toEqual({ "blobs.unfinishedUploads": 0, "files.orphans": 0 });
            await first.http.get(`/api/v2/Files/${kept.id}`).set("authorization", alice.auth).expect(200);
        }, 180_000);
    });

    describe("S3 blob store (s3rver)", () => {
        let s3: TestS3;
        let first: TestApp;
        let alice: TestIdentity;
        let env: Record<string, string>;

        beforeAll(async () => {
            s3 = await startS3rver();
            env = s3rverEnv(s3);
            first = await startTestApp({ databaseUrl: database.url, env });
            alice = await createIdentity(first);
        });
        afterAll(async () => {
            await first.close();
            await s3.close();
        });

        it("leaves unfinished multipart uploads that start-up and housekeeping abort once they are old enough", async () => {
            const kept = await uploadFile(first, alice);
            for (let crash = 0; crash < 2; crash++) {
                const child = await startChildBackbone({ DATABASE_URL: database.url, ...env });
                const count = s3.uploads.length;
                // More than one part: the multipart upload has begun when the process dies.
                await startPartialUpload(child.baseUrl, alice.auth, 6 * MiB);
                await until(() => s3.requests.some((r) => r.includes("partNumber")) && s3.uploads.length > count, "a part on S3");
                await child.crash();
                s3.requests.length = 0;
            }
            expect(s3.uploads).toHaveLength(2);

            s3.uploads[0]!.initiated = new Date(Date.now() - UNFINISHED_UPLOAD_MAX_AGE_MS - 10 * MINUTE);
            const young = s3.uploads[1]!.uploadId;
            await first.close();
            first = await startTestApp({ databaseUrl: database.url, env });
            expect(s3.uploads.map((u) => u.uploadId)).toEqual([young]);
            expect(s3.requests.filter((r) => r.startsWith("DELETE") && r.endsWith("?uploadId"))).toHaveLength(1);

            first.clock.advance(Math.max(STALE_UPLOAD_AFTER_MS, UNFINISHED_UPLOAD_MAX_AGE_MS) + MINUTE);
            const report = await first.app.get(Housekeeper).runOnce(["blobs.unfinishedUploads", "files.orphans"]);
            expect(report.removed).toEqual({ "blobs.unfinishedUploads": 1, "files.orphans": 2 });
            expect(s3.uploads).toEqual([]);
            expect(await pendingUploadRows(first)).toBe(0);
            await first.http.get(`/api/v2/Files/${kept.id}`).set("authorization", alice.auth).expect(200);
        }, 180_000);
    });
});
