import { createServer, type Server, type Socket } from "node:net";

import { Housekeeper } from "../../src/core/housekeeping/housekeeper";
import { STALE_UPLOAD_AFTER_MS } from "../../src/modules/files/files.housekeeping";
import { freePort } from "../support/child-backbone";
import { downloadRequest, pendingUploadRows, sha512Url, uploadFile, uploadRequest } from "../support/files";
import { expectServiceUnavailable, readinessBecomes } from "../support/health";
import { createIdentity, type TestIdentity } from "../support/identities";
import { startPartialUpload, until } from "../support/partial-upload";
import { useTestAppOnS3rver } from "../support/s3rver";
import { generatedBytes } from "../support/streams";
import { startTestApp, type TestApp } from "../support/test-app";

const MiB = 1024 * 1024;

describe("S3 faults", () => {
    describe("an S3 that is down", () => {
        const { t, s3 } = useTestAppOnS3rver();
        let alice: TestIdentity;
        beforeAll(async () => {
            alice = await createIdentity(t);
        });

        it("answers uploads and downloads 503 with Retry-After and readiness 503; all recover when S3 returns", async () => {
            const content = await generatedBytes(6 * MiB);
            const stored = await uploadFile(t, alice, { content });
            expect((await readinessBecomes(t, 200)).status).toBe(200);

            await s3.stop();
            const upload = await uploadRequest(t, alice, { content: Buffer.from("during the outage") });
            expectServiceUnavailable(upload);
            const download = await t.http.get(`/api/v2/Files/${stored.id}`).set("authorization", alice.auth);
            expect(download.status).toBe(503);
            expect(download.headers["retry-after"]).toMatch(/^\d+$/);
            const down = await readinessBecomes(t, 503);
            expect(down.status).toBe(503);
            expect(down.body.error).toMatchObject({ blobStorage: { status: "down" } });
            await t.http.get("/health/live").expect(200);
            // The failed upload is no file; its upload row stays until its blob is known to be gone (the cleanup).
            const listed = await t.http.get("/api/v2/Files").set("authorization", alice.auth).expect(200);
            expect(listed.body.result.map((f: { id: string }) => f.id)).toEqual([stored.id]);
            expect(await pendingUploadRows(t)).toBe(1);

            await s3.start();
            expect((await readinessBecomes(t, 200)).status).toBe(200);
            const again = await downloadRequest(t, alice, stored.id);
            expect(again.status).toBe(200);
            expect(sha512Url(again.body as Buffer)).toBe(sha512Url(content));
            await uploadFile(t, alice, { content: Buffer.from("after the outage") });

            t.clock.advance(STALE_UPLOAD_AFTER_MS + 60_000);
            const report = await t.app.get(Housekeeper).runOnce(["files.orphans"]);
            expect(report.removed).toEqual({ "files.orphans": 1 });
            expect(await pendingUploadRows(t)).toBe(0);
            t.clock.set(new Date());
        });
    });

    describe("an S3 that accepts connections and never answers", () => {
        let hung: Server;
        const sockets = new Set<Socket>();
        let t: TestApp;
        let alice: TestIdentity;
        beforeAll(async () => {
            hung = createServer((socket) => {
                sockets.add(socket);
                socket.on("error", () => undefined);
                socket.resume();
            });
            const port = await freePort();
            await new Promise<void>((resolve) => hung.listen(port, "127.0.0.1", resolve));
            t = await startTestApp({
                env: {
                    BLOB_STORAGE: "s3",
                    S3_ENDPOINT: `http://127.0.0.1:${port}`,
                    S3_ACCESS_KEY: "hung",
                    S3_SECRET_KEY: "hung",
                    S3_REQUEST_TIMEOUT_SECONDS: "1"
                }
            });
            alice = await createIdentity(t);
        });
        afterAll(async () => {
            await t.close();
            for (const socket of sockets) socket.destroy();
            await new Promise((resolve) => hung.close(resolve));
        });

        it("gives up after the request timeout: uploads answer 503 and readiness 503", async () => {
            const upload = await uploadRequest(t, alice);
            expect(upload.status).toBe(503);
            expect(upload.body.error.code).toBe("error.platform.serviceUnavailable");
            expect((await readinessBecomes(t, 503)).status).toBe(503);
        });
    });

    describe("failed multipart uploads", () => {
        const { t, s3 } = useTestAppOnS3rver({ listen: true, env: { FILE_MAX_SIZE_BYTES: String(6 * MiB) } });
        let alice: TestIdentity;
        beforeAll(async () => {
            alice = await createIdentity(t);
        });
        beforeEach(() => {
            s3.requests.length = 0;
        });

        function aborts(): string[] {
            return s3.requests.filter((r) => r.startsWith("DELETE") && r.endsWith("?uploadId"));
        }

        it("a too-large upload is aborted by its upload id and leaves nothing", async () => {
            const response = await uploadRequest(t, alice, { content: await generatedBytes(7 * MiB) });
            expect(response.status).toBe(400);
            expect(response.body.error.code).toBe("InclusiveBetweenValidator");
            expect(s3.requests.some((r) => r.includes("?partNumber"))).toBe(true);
            expect(aborts()).toHaveLength(1);
            expect(s3.uploads).toEqual([]);
            expect(await pendingUploadRows(t)).toBe(0);
        });

        it("a client that disconnects mid-upload: the upload is aborted by its id and leaves nothing", async () => {
            const partial = await startPartialUpload(t.baseUrl!, alice.auth, 5 * MiB + 100 * 1024);
            await until(() => s3.uploads.length > 0 && s3.requests.some((r) => r.includes("?partNumber")), "a part on S3");
            partial.request.destroy();
            await until(async () => aborts().length > 0 && (await pendingUploadRows(t)) === 0, "the abort");
            expect(s3.uploads).toEqual([]);
        });

        it("an abort that S3 refuses is logged, keeps the upload row, and the cleanup jobs remove both later", async () => {
            s3.refuse = (request) => request.startsWith("DELETE") && request.endsWith("?uploadId");
            try {
                const response = await uploadRequest(t, alice, { content: await generatedBytes(7 * MiB) });
                expect(response.status).toBe(400);
            } finally {
                s3.refuse = undefined;
            }
            expect(s3.uploads).toHaveLength(1);
            expect(await pendingUploadRows(t)).toBe(1);

            t.clock.advance(STALE_UPLOAD_AFTER_MS + 60_000);
            const report = await t.app.get(Housekeeper).runOnce(["blobs.unfinishedUploads", "files.orphans"]);
            expect(report.removed).toEqual({ "blobs.unfinishedUploads": 1, "files.orphans": 1 });
            expect(s3.uploads).toEqual([]);
            expect(await pendingUploadRows(t)).toBe(0);
            t.clock.set(new Date());
        });
    });
});
