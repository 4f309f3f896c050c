import { mkdtemp, rm } from "node:fs/promises";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { S3BlobStorage, type S3Settings } from "../../src/core/blob-storage/s3-blob-storage";
import { startTestApp, type TestApp, type TestAppOptions } from "./test-app";

interface KoaContext {
    method: string;
    path: string;
    query: Record<string, unknown>;
    status: number;
    type: string;
    body: unknown;
}
type KoaMiddleware = (ctx: KoaContext, next: () => Promise<void>) => Promise<void>;
interface S3rverInstance {
    middleware: KoaMiddleware[];
    httpServer?: Server;
    run(): Promise<AddressInfo>;
    close(): Promise<void>;
}
type S3rverConstructor = new (options: Record<string, unknown>) => S3rverInstance;

export const S3RVER_CREDENTIALS = { accessKey: "S3RVER", secretKey: "S3RVER" };

/** The configuration of a Backbone that keeps its blobs on the test server, in parts of 5 MiB. */
export function s3rverEnv(s3: TestS3): Record<string, string> {
    return {
        BLOB_STORAGE: "s3",
        S3_ENDPOINT: s3.endpoint,
        S3_BUCKET: s3.bucket,
        S3_ACCESS_KEY: S3RVER_CREDENTIALS.accessKey,
        S3_SECRET_KEY: S3RVER_CREDENTIALS.secretKey,
        S3_PART_SIZE_MB: "5"
    };
}

/** A multipart upload that was initiated and neither completed nor aborted. */
export interface TrackedUpload {
    bucket: string;
    key: string;
    uploadId: string;
    initiated: Date;
}

export interface TestS3 {
    endpoint: string;
    bucket: string;
    /** A blob storage on the test server; `partSize` defaults to the smallest S3 allows (5 MiB). */
    storage(partSize?: number, settings?: Partial<S3Settings>): S3BlobStorage;
    /** Requests the server has seen, as "METHOD path?query" (for assertions about multipart uploads). */
    requests: string[];
    /** Unfinished multipart uploads, as ListMultipartUploads answers them. */
    uploads: TrackedUpload[];
    /** Upload ids of every multipart upload initiated, in order. */
    initiated: string[];
    /** The uploadId values of every abort request (DELETE ...?uploadId=), as sent. */
    aborted: string[];
    /** When set, requests it returns true for ("METHOD path?query keys") are answered 500 InternalError. */
    refuse?: (request: string) => boolean;
    /** Stops answering (connections are cut); `start()` listens again on the same port with the same data. */
    stop(): Promise<void>;
    start(): Promise<void>;
    close(): Promise<void>;
}

function xmlEscape(value: string): string {
    return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * An in-process s3rver on 127.0.0.1 with a random port and a temporary directory. s3rver implements neither
 * `GET /<bucket>?uploads` (ListMultipartUploads) nor `DELETE /<bucket>/<key>?uploadId=` (AbortMultipartUpload): the
 * harness keeps the list of unfinished multipart uploads itself and answers both from it.
 */
export async function startS3rver(bucket = "backbone-test"): Promise<TestS3> {
    const S3rver = require("s3rver") as S3rverConstructor;
    const directory = await mkdtemp(join(tmpdir(), "s3rver-"));
    const requests: string[] = [];
    const uploads: TrackedUpload[] = [];
    const initiatedIds: string[] = [];
    const aborted: string[] = [];

    const track: KoaMiddleware = async (ctx, next) => {
        const query = Object.keys(ctx.query);
        const seen = `${ctx.method} ${ctx.path}${query.length ? `?${query.join("&")}` : ""}`;
        requests.push(seen);
        if (ctx.method === "DELETE" && query.includes("uploadId")) aborted.push(String(ctx.query.uploadId));
        if (harness.refuse?.(seen)) {
            ctx.status = 500;
            ctx.type = "application/xml";
            ctx.body =
                '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>InternalError</Code><Message>refused by the test</Message></Error>';
            return;
        }
        const [, name, ...rest] = ctx.path.split("/");
        const key = rest.join("/");
        if (ctx.method === "GET" && query.includes("uploads") && !key) {
            ctx.status = 200;
            ctx.type = "application/xml";
            const listed = uploads
                .filter((u) => u.bucket === name)
                .map(
                    (u) =>
                        `<Upload><Key>${xmlEscape(u.key)}</Key><UploadId>${u.uploadId}</UploadId><StorageClass>STANDARD</StorageClass>` +
                        `<Initiated>${u.initiated.toISOString()}</Initiated></Upload>`
                )
                .join("");
            ctx.body =
                '<?xml version="1.0" encoding="UTF-8"?>\n' +
                `<ListMultipartUploadsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Bucket>${name}</Bucket>` +
                "<KeyMarker></KeyMarker><UploadIdMarker></UploadIdMarker><NextKeyMarker></NextKeyMarker><NextUploadIdMarker></NextUploadIdMarker>" +
                `<MaxUploads>1000</MaxUploads><IsTruncated>false</IsTruncated>${listed}</ListMultipartUploadsResult>`;
            return;
        }
        const uploadId = typeof ctx.query.uploadId === "string" ? ctx.query.uploadId : undefined;
        const index = uploads.findIndex((u) => u.bucket === name && u.key === key && u.uploadId === uploadId);
        if (ctx.method === "DELETE" && uploadId !== undefined) {
            if (index < 0) {
                ctx.status = 404;
                ctx.type = "application/xml";
                ctx.body =
                    '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>NoSuchUpload</Code><Message>The specified upload does not exist.</Message></Error>';
                return;
            }
            uploads.splice(index, 1);
            ctx.status = 204;
            ctx.body = null;
            return;
        }
        await next();
        if (ctx.method === "POST" && query.includes("uploads") && ctx.status === 200) {
            // By now s3rver has rendered its answer as XML.
            const initiated = /<UploadId>([^<]+)<\/UploadId>/.exec(String(ctx.body));
            if (initiated) {
                uploads.push({ bucket: name!, key, uploadId: initiated[1]!, initiated: new Date() });
                initiatedIds.push(initiated[1]!);
            }
        }
        if (ctx.method === "POST" && uploadId !== undefined && ctx.status === 200 && index >= 0) uploads.splice(index, 1);
    };

    let port = 0;
    let server: S3rverInstance | undefined;
    const start = async (): Promise<void> => {
        const instance = new S3rver({ address: "127.0.0.1", port, silent: true, directory, configureBuckets: [{ name: bucket }] });
        instance.middleware.unshift(track);
        port = (await instance.run()).port;
        server = instance;
    };
    const stop = async (): Promise<void> => {
        const running = server;
        server = undefined;
        if (!running) return;
        const closed = running.close();
        running.httpServer?.closeAllConnections();
        await closed;
    };
    await start();
    const endpoint = `http://127.0.0.1:${port}`;
    const harness: TestS3 = {
        endpoint,
        bucket,
        requests,
        uploads,
        initiated: initiatedIds,
        aborted,
        storage: (partSize = 5 * 1024 * 1024, settings = {}) =>
            new S3BlobStorage({
                endpoint,
                bucket,
                region: "us-east-1",
                partSize,
                connectTimeoutMs: 3000,
                requestTimeoutMs: 10_000,
                ...S3RVER_CREDENTIALS,
                ...settings
            }),
        stop,
        start,
        async close() {
            await stop();
            await rm(directory, { recursive: true, force: true });
        }
    };
    return harness;
}

/**
 * An s3rver and a Backbone that keeps its blobs there, for the tests of the enclosing `describe`: both started before
 * the first test (the Backbone configured by `s3rverEnv` and `options`), the Backbone closed first after the last.
 * The returned objects stand for the started ones, so use them inside tests and hooks.
 */
export function useTestAppOnS3rver(options: TestAppOptions = {}): { t: TestApp; s3: TestS3 } {
    const t = {} as TestApp;
    let server: TestS3 | undefined;
    beforeAll(async () => {
        server = await startS3rver();
        Object.assign(t, await startTestApp({ ...options, env: { ...s3rverEnv(server), ...options.env } }));
    });
    afterAll(async () => {
        if ("close" in t) await t.close();
        await server?.close();
    });
    const started = (): TestS3 => {
        if (!server) throw new Error("the s3rver is used before it started");
        return server;
    };
    const s3 = new Proxy({} as TestS3, {
        get: (_target, property) => Reflect.get(started(), property),
        set: (_target, property, value) => Reflect.set(started(), property, value)
    });
    return { t, s3 };
}
