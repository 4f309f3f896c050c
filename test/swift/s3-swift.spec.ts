import { createHash } from "node:crypto";
import { Readable } from "node:stream";

import { Client } from "minio";

import { BlobNotFoundError, BlobTooLargeError } from "../../src/core/blob-storage/blob-storage";
import type { S3BlobStorage, UnfinishedUpload } from "../../src/core/blob-storage/s3-blob-storage";
import { Housekeeper } from "../../src/core/housekeeping/housekeeper";
import { STALE_UPLOAD_AFTER_MS } from "../../src/modules/files/files.housekeeping";
import { startChildBackbone } from "../support/child-backbone";
import { downloadRequest, pendingUploadRows, sha512Url, uploadFile, uploadRequest } from "../support/files";
import { expectServiceUnavailable, readinessBecomes } from "../support/health";
import { createIdentity, type TestIdentity } from "../support/identities";
import { startPartialUpload, until } from "../support/partial-upload";
import { generatedBytes, generatedStream } from "../support/streams";
import { startSwift, SWIFT_CREDENTIALS, type TestSwift } from "../support/swift";
import { startTestApp, type TestApp } from "../support/test-app";

const MiB = 1024 * 1024;
/** The default of BLOB_UNFINISHED_UPLOAD_MAX_AGE_MINUTES. */
const UNFINISHED_UPLOAD_MAX_AGE_MS = 360 * 60_000;

function sha256(data: Buffer): string {
    return createHash("sha256").update(data).digest("hex");
}

async function unfinished(storage: S3BlobStorage): Promise<UnfinishedUpload[]> {
    const out: UnfinishedUpload[] = [];
    for await (const upload of storage.listUnfinishedUploads()) out.push(upload);
    return out;
}

function report(line: string): void {
    process.stdout.write(`[swift] ${line}\n`);
}

describe("the S3 blob store on OpenStack Swift (s3api)", () => {
    let swift: TestSwift;
    let storage: S3BlobStorage;
    beforeAll(async () => {
        swift = await startSwift();
        storage = swift.storage();
        await storage.check();
    }, 120_000);
    afterAll(async () => await swift?.close(), 60_000);

    describe("the adapter", () => {
        it("stores blobs and returns them byte for byte, in one PUT and as a multipart upload; lists and deletes them", async () => {
            const small = Buffer.from("hello swift");
            const large = await generatedBytes(12 * MiB + 123);
            expect((await storage.put("FILswiftsmall000001", Readable.from([small]))).size).toBe(small.length);
            expect((await storage.put("FILswiftlarge000001", Readable.from([large]))).size).toBe(large.length);
            expect(sha256(Buffer.concat(await (await storage.get("FILswiftsmall000001")).toArray()))).toBe(sha256(small));
            expect(sha256(Buffer.concat(await (await storage.get("FILswiftlarge000001")).toArray()))).toBe(sha256(large));
            const keys: string[] = [];
            for await (const key of storage.list()) keys.push(key);
            expect(keys).toEqual(expect.arrayContaining(["FILswiftsmall000001", "FILswiftlarge000001"]));
            await storage.delete("FILswiftsmall000001");
            await storage.delete("FILswiftlarge000001");
            expect(await storage.exists("FILswiftsmall000001")).toBe(false);
            await expect(storage.get("FILswiftsmall000001")).rejects.toBeInstanceOf(BlobNotFoundError);
            expect(await unfinished(storage)).toEqual([]);
        });

        it("lists unfinished multipart uploads page by page and aborts them (minio's own lookup does not find them on Swift)", async () => {
            const url = new URL(swift.endpoint);
            const client = new Client({
                endPoint: url.hostname,
                port: Number(url.port),
                useSSL: false,
                region: "us-east-1",
                pathStyle: true,
                ...SWIFT_CREDENTIALS
            });
            const keys = ["FILswiftunfinished1", "FILswiftunfinished2", "FILswiftunfinished3"];
            const ids: string[] = [];
            for (const key of keys) ids.push(await client.initiateNewMultipartUpload(swift.bucket, key, {}));
            // minio looks an upload up with an empty `delimiter=`, which Swift takes for a real delimiter.
            expect(await client.findUploadId(swift.bucket, keys[0]!)).toBeUndefined();

            // One upload per page: Swift leaves NextKeyMarker empty, the listing goes on after the last upload.
            const listed = await unfinished(swift.storage({ listPageSize: 1 }));
            expect(listed.map((u) => [u.key, u.uploadId])).toEqual(keys.map((key, i) => [key, ids[i]]));
            expect(await storage.removeUnfinishedUploads(new Date(Date.now() - UNFINISHED_UPLOAD_MAX_AGE_MS))).toBe(0);
            expect(await storage.removeUnfinishedUploads(new Date(Date.now() + 60_000))).toBe(3);
            expect(await unfinished(storage)).toEqual([]);
        });

        it("aborts a failed multipart upload by its upload id: nothing is left", async () => {
            await expect(storage.put("FILswifttoolarge001", generatedStream(7 * MiB), { maxBytes: 6 * MiB })).rejects.toBeInstanceOf(
                BlobTooLargeError
            );
            expect(await unfinished(storage)).toEqual([]);
            expect(await storage.exists("FILswifttoolarge001")).toBe(false);
        });
    });

    describe("the Backbone on Swift", () => {
        let t: TestApp;
        let alice: TestIdentity;
        beforeAll(async () => {
            t = await startTestApp({ listen: true, env: { ...swift.env, FILE_MAX_SIZE_BYTES: String(8 * MiB) } });
            alice = await createIdentity(t);
        }, 60_000);
        afterAll(async () => await t?.close());

        it("uploads and downloads files byte for byte, in one PUT and in several parts", async () => {
            for (const content of [Buffer.from("a small encrypted file"), await generatedBytes(7 * MiB + 5)]) {
                const file = await uploadFile(t, alice, { content });
                const response = await downloadRequest(t, alice, file.id).expect(200);
                expect(sha512Url(response.body as Buffer)).toBe(sha512Url(content));
            }
            expect(await unfinished(storage)).toEqual([]);
        });

        it("aborts a too-large upload by its upload id: no unfinished upload, no upload row", async () => {
            const response = await uploadRequest(t, alice, { content: await generatedBytes(9 * MiB) });
            expect(response.status).toBe(400);
            const left = await unfinished(storage);
            report(
                `too-large upload: unfinished multipart uploads listed afterwards ${left.length}, upload rows ${await pendingUploadRows(t)}`
            );
            expect(left).toEqual([]);
            expect(await pendingUploadRows(t)).toBe(0);
        });

        it("aborts the upload of a client that disconnects mid-upload: nothing is left", async () => {
            const partial = await startPartialUpload(t.baseUrl!, alice.auth, 5 * MiB + 512 * 1024);
            await until(async () => (await unfinished(storage)).length === 1, "an unfinished upload on Swift");
            const during = (await unfinished(storage)).length;
            partial.request.destroy();
            await until(async () => (await pendingUploadRows(t)) === 0 && (await unfinished(storage)).length === 0, "the abort");
            report(`client disconnect: unfinished multipart uploads during the upload ${during}, after the disconnect 0`);
        });

        it("answers 503 with Retry-After while the Swift proxy is down, readiness too, and recovers when it is back", async () => {
            const content = await generatedBytes(6 * MiB);
            const stored = await uploadFile(t, alice, { content });
            expect((await readinessBecomes(t, 200)).status).toBe(200);

            await swift.stopProxy();
            try {
                const upload = await uploadRequest(t, alice, { content: Buffer.from("during the outage") });
                expectServiceUnavailable(upload);
                const failedDownload = await t.http.get(`/api/v2/Files/${stored.id}`).set("authorization", alice.auth);
                expect(failedDownload.status).toBe(503);
                const down = await readinessBecomes(t, 503);
                expect(down.status).toBe(503);
                expect(down.body.error).toMatchObject({ blobStorage: { status: "down" } });
                await t.http.get("/health/live").expect(200);
                report(
                    `outage: upload ${upload.status}, download ${failedDownload.status}, readiness ${down.status} ` +
                        `(${JSON.stringify(down.body.error?.blobStorage)})`
                );
            } finally {
                await swift.startProxy();
            }
            const up = await readinessBecomes(t, 200);
            expect(up.status).toBe(200);
            const again = await downloadRequest(t, alice, stored.id).expect(200);
            expect(sha512Url(again.body as Buffer)).toBe(sha512Url(content));
            await uploadFile(t, alice, { content: Buffer.from("after the outage") });
            report(`recovery: readiness ${up.status}, the file stored before the outage downloads byte-identical`);
        });

        it("gives up on a Swift proxy that accepts connections and never answers: 503 after the request timeout", async () => {
            const impatient = await startTestApp({ databaseUrl: t.databaseUrl, env: { ...swift.env, S3_REQUEST_TIMEOUT_SECONDS: "2" } });
            try {
                await impatient.http.get("/health/ready").expect(200);
                swift.pauseProxy();
                try {
                    const upload = await uploadRequest(impatient, alice, { content: Buffer.from("while S3 hangs") });
                    expect(upload.status).toBe(503);
                    expect(upload.headers["retry-after"]).toMatch(/^\d+$/);
                    let ready = await impatient.http.get("/health/ready");
                    for (let attempt = 0; attempt < 50 && ready.status !== 503; attempt++)
                        ready = await impatient.http.get("/health/ready");
                    expect(ready.status).toBe(503);
                    report(
                        `hung proxy: upload ${upload.status}, readiness ${ready.status} (${JSON.stringify(ready.body.error.blobStorage)})`
                    );
                } finally {
                    swift.resumeProxy();
                }
                let ready = await impatient.http.get("/health/ready");
                for (let attempt = 0; attempt < 50 && ready.status !== 200; attempt++) {
                    await new Promise((resolve) => setTimeout(resolve, 200));
                    ready = await impatient.http.get("/health/ready");
                }
                expect(ready.status).toBe(200);
            } finally {
                await impatient.close();
            }
        }, 120_000);

        it("a Backbone process killed mid-upload leaves an unfinished multipart upload that the sweep removes", async () => {
            // Upload rows that earlier failures left for the cleanup (the upload during the outage).
            const rowsBefore = await pendingUploadRows(t);
            const child = await startChildBackbone({ DATABASE_URL: t.databaseUrl, ...swift.env, FILE_MAX_SIZE_BYTES: String(8 * MiB) });
            try {
                await startPartialUpload(child.baseUrl, alice.auth, 5 * MiB + 512 * 1024);
                await until(async () => (await unfinished(storage)).length === 1, "an unfinished upload on Swift");
            } finally {
                await child.crash();
            }
            const before = (await unfinished(storage)).length;
            expect(before).toBe(1);
            expect(await pendingUploadRows(t)).toBe(rowsBefore + 1);

            // Younger than the bound: it might belong to an upload in progress, so the sweep keeps it.
            const early = await t.app.get(Housekeeper).runOnce(["blobs.unfinishedUploads"]);
            expect(early.removed).toEqual({ "blobs.unfinishedUploads": 0 });
            t.clock.advance(Math.max(STALE_UPLOAD_AFTER_MS, UNFINISHED_UPLOAD_MAX_AGE_MS) + 60_000);
            const sweep = await t.app.get(Housekeeper).runOnce(["blobs.unfinishedUploads", "files.orphans"]);
            t.clock.set(new Date());
            const after = (await unfinished(storage)).length;
            report(
                `crash: unfinished multipart uploads before the sweep ${before}, after ${after}; report ${JSON.stringify(sweep.removed)}`
            );
            expect(sweep.removed).toEqual({ "blobs.unfinishedUploads": 1, "files.orphans": rowsBefore + 1 });
            expect(after).toBe(0);
            expect(await pendingUploadRows(t)).toBe(0);
        }, 120_000);
    });
});
