import { mkdtemp, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { S3BlobStorage } from "../../src/core/blob-storage/s3-blob-storage";

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
    run(): Promise<AddressInfo>;
    close(): Promise<void>;
}
type S3rverConstructor = new (options: Record<string, unknown>) => S3rverInstance;

export const S3RVER_CREDENTIALS = { accessKey: "S3RVER", secretKey: "S3RVER" };

export interface TestS3 {
    endpoint: string;
    bucket: string;
    /** A blob storage on the test server; `partSize` defaults to the smallest S3 allows (5 MiB). */
    storage(partSize?: number): S3BlobStorage;
    /** Requests the server has seen, as "METHOD path?query" (for assertions about multipart uploads). */
    requests: string[];
    close(): Promise<void>;
}

/**
 * An in-process s3rver on 127.0.0.1 with a random port and a temporary directory. s3rver does not implement
 * `GET /<bucket>?uploads` (list multipart uploads), which the minio client calls; it is answered with an empty list.
 */
export async function startS3rver(bucket = "backbone-test"): Promise<TestS3> {
    const S3rver = require("s3rver") as S3rverConstructor;
    const directory = await mkdtemp(join(tmpdir(), "s3rver-"));
    const server = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory, configureBuckets: [{ name: bucket }] });
    const requests: string[] = [];
    server.middleware.unshift(async (ctx, next) => {
        const query = Object.keys(ctx.query);
        requests.push(`${ctx.method} ${ctx.path}${query.length ? `?${query.join("&")}` : ""}`);
        if (ctx.method === "GET" && query.includes("uploads") && /^\/[^/]+\/?$/.test(ctx.path)) {
            const name = ctx.path.replace(/^\/|\/$/g, "");
            ctx.status = 200;
            ctx.type = "application/xml";
            ctx.body =
                '<?xml version="1.0" encoding="UTF-8"?>\n' +
                `<ListMultipartUploadsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Bucket>${name}</Bucket>` +
                "<KeyMarker></KeyMarker><UploadIdMarker></UploadIdMarker><NextKeyMarker></NextKeyMarker><NextUploadIdMarker></NextUploadIdMarker>" +
                "<MaxUploads>1000</MaxUploads><IsTruncated>false</IsTruncated></ListMultipartUploadsResult>";
            return;
        }
        await next();
    });
    const address = await server.run();
    const endpoint = `http://127.0.0.1:${address.port}`;
    return {
        endpoint,
        bucket,
        requests,
        storage: (partSize = 5 * 1024 * 1024) =>
            new S3BlobStorage({ endpoint, bucket, region: "us-east-1", partSize, ...S3RVER_CREDENTIALS }),
        async close() {
            await server.close();
            await rm(directory, { recursive: true, force: true });
        }
    };
}
