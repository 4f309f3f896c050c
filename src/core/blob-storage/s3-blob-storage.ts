import { createHash } from "node:crypto";
import * as http from "node:http";
import * as https from "node:https";
import type { Socket } from "node:net";
import type { Readable } from "node:stream";

import { Logger } from "@nestjs/common";
import { XMLParser } from "fast-xml-parser";
import { Client } from "minio";

import {
    assertValidKey,
    BlobNotFoundError,
    BlobStorage,
    BlobStorageUnavailableError,
    describeFailure,
    markLeftBehind,
    type PutResult
} from "./blob-storage";
import { SizeLimit } from "./size-limit";

export interface S3Settings {
    endpoint: string;
    bucket: string;
    accessKey: string;
    secretKey: string;
    region: string;
    /** Bytes buffered per multipart part; bounds the memory of one upload. Smaller objects take a single PUT. */
    partSize: number;
    /** How long a connection to S3 may take. */
    connectTimeoutMs: number;
    /** How long S3 may stay silent while a request waits for its answer or transfers (not a download's body). */
    requestTimeoutMs: number;
    /** Unfinished uploads asked for per ListMultipartUploads request (default and S3's maximum: 1000). */
    listPageSize?: number;
}

/** An unfinished multipart upload as S3 lists it. */
export interface UnfinishedUpload {
    key: string;
    uploadId: string;
    initiated: Date;
}

type Transport = Pick<typeof http, "request">;

class S3TimeoutError extends Error {
    readonly code = "S3_TIMEOUT";
}

/**
 * The node transport of the minio client with a connect timeout and an idle timeout: minio sets neither, so a hung
 * S3 would hold a request until the operating system gives up. A download's body is exempt from the idle timeout,
 * because the downloading client sets its pace.
 */
function transportWithTimeouts(base: Transport, connectTimeoutMs: number, requestTimeoutMs: number): Transport {
    const request = (options: http.RequestOptions, callback?: (response: http.IncomingMessage) => void): http.ClientRequest => {
        const req = base.request(options, callback);
        const fail = (message: string) => req.destroy(new S3TimeoutError(message));
        req.once("socket", (socket: Socket) => {
            if (!socket.connecting) return;
            const timer = setTimeout(() => fail(`no connection to S3 within ${connectTimeoutMs} ms`), connectTimeoutMs);
            const clear = () => clearTimeout(timer);
            socket.once("connect", clear);
            req.once("close", clear);
        });
        req.setTimeout(requestTimeoutMs, () => fail(`S3 did not answer within ${requestTimeoutMs} ms`));
        if (options.method === "GET" && !String(options.path ?? "").includes("?")) {
            req.once("response", () => req.setTimeout(0));
        }
        return req;
    };
    return { request: request as Transport["request"] };
}

function isNotFound(error: unknown): boolean {
    const code = (error as { code?: string })?.code;
    return code === "NoSuchKey" || code === "NotFound" || code === "NoSuchObject";
}

/** Escapes a query value as S3's signature expects it (RFC 3986). */
function queryValue(value: string): string {
    return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

const xml = new XMLParser({ parseTagValue: false, isArray: (name) => name === "Upload" });

interface ListMultipartUploadsPage {
    uploads: UnfinishedUpload[];
    truncated: boolean;
    nextKeyMarker: string;
    nextUploadIdMarker: string;
}

function text(value: unknown): string {
    return typeof value === "string" ? value : value === undefined || value === null ? "" : String(value);
}

function parseListMultipartUploads(body: string): ListMultipartUploadsPage {
    const result = (xml.parse(body) as { ListMultipartUploadsResult?: Record<string, unknown> }).ListMultipartUploadsResult;
    if (!result) throw new Error("unexpected answer to ListMultipartUploads");
    const uploads = ((result.Upload as Record<string, unknown>[] | undefined) ?? []).map((upload) => ({
        key: text(upload.Key),
        uploadId: text(upload.UploadId),
        initiated: new Date(text(upload.Initiated))
    }));
    return {
        uploads,
        truncated: text(result.IsTruncated) === "true",
        nextKeyMarker: text(result.NextKeyMarker),
        nextUploadIdMarker: text(result.NextUploadIdMarker)
    };
}

interface MultipartUpload {
    uploadId: string;
    parts: { part: number; etag: string }[];
}

/**
 * Blobs in an S3-compatible bucket (MinIO, AWS S3, OpenStack Swift's s3api, ...) through the minio client, path-style.
 * A blob up to the part size is one PUT; a larger one is a multipart upload whose id is kept from its initiation, so
 * that a failed upload is aborted by that id. Every failure of S3 (refused, timed out, an error answer) surfaces as
 * BlobStorageUnavailableError.
 */
export class S3BlobStorage extends BlobStorage {
    private readonly logger = new Logger("BlobStorage");
    private readonly client: Client;
    private bucketReady?: Promise<void>;

    constructor(private readonly settings: S3Settings) {
        super();
        const url = new URL(settings.endpoint);
        const useSSL = url.protocol === "https:";
        this.client = new Client({
            endPoint: url.hostname,
            port: url.port ? Number(url.port) : undefined,
            useSSL,
            accessKey: settings.accessKey,
            secretKey: settings.secretKey,
            region: settings.region,
            pathStyle: true,
            partSize: settings.partSize,
            transport: transportWithTimeouts(useSSL ? https : http, settings.connectTimeoutMs, settings.requestTimeoutMs),
            // A failure answers 503 with Retry-After at once (minio's own retry would also write to the console).
            retryOptions: { disableRetry: true }
        });
    }

    /** Runs a request of the minio client; anything but "not found" means the store does not work. */
    private async call<T>(work: () => Promise<T>): Promise<T> {
        try {
            return await work();
        } catch (error) {
            throw isNotFound(error) || error instanceof BlobStorageUnavailableError ? error : new BlobStorageUnavailableError(error);
        }
    }

    private ensureBucket(): Promise<void> {
        this.bucketReady ??= this.call(async () => {
            if (!(await this.client.bucketExists(this.settings.bucket))) {
                await this.client.makeBucket(this.settings.bucket, this.settings.region);
            }
        }).catch((error: unknown) => {
            this.bucketReady = undefined;
            throw error;
        });
        return this.bucketReady;
    }

    async put(key: string, source: Readable, options: { maxBytes?: number } = {}): Promise<PutResult> {
        assertValidKey(key);
        const { bucket, partSize } = this.settings;
        const counter = new SizeLimit(options.maxBytes);
        source.on("error", (error) => counter.destroy(error));
        source.pipe(counter);
        let upload: MultipartUpload | undefined;
        try {
            await this.ensureBucket();
            // Reading part by part applies backpressure to the source while a part travels to S3.
            let pending: Buffer[] = [];
            let pendingBytes = 0;
            for await (const chunk of counter as AsyncIterable<Buffer>) {
                pending.push(chunk);
                pendingBytes += chunk.length;
                while (pendingBytes >= partSize) {
                    const buffered = Buffer.concat(pending, pendingBytes);
                    // A copy of the remainder, so that the part's memory is released once it has been sent.
                    pending = pendingBytes > partSize ? [Buffer.from(buffered.subarray(partSize))] : [];
                    pendingBytes -= partSize;
                    upload ??= { uploadId: await this.call(() => this.client.initiateNewMultipartUpload(bucket, key, {})), parts: [] };
                    await this.uploadPart(key, upload, buffered.subarray(0, partSize));
                }
            }
            const rest = Buffer.concat(pending, pendingBytes);
            if (!upload) {
                await this.call(() => this.client.putObject(bucket, key, rest, rest.length));
            } else {
                if (rest.length > 0) await this.uploadPart(key, upload, rest);
                const { uploadId, parts } = upload;
                await this.call(() => this.client.completeMultipartUpload(bucket, key, uploadId, parts));
            }
        } catch (error) {
            source.unpipe(counter);
            source.resume();
            counter.destroy();
            if (upload) await this.abandon(key, upload.uploadId, error);
            throw error;
        }
        return { size: counter.bytes };
    }

    private async uploadPart(key: string, upload: MultipartUpload, part: Buffer): Promise<void> {
        const partNumber = upload.parts.length + 1;
        const response = await this.call(() =>
            this.client.makeRequestAsyncOmit(
                {
                    method: "PUT",
                    bucketName: this.settings.bucket,
                    objectName: key,
                    query: `partNumber=${partNumber}&uploadId=${queryValue(upload.uploadId)}`,
                    headers: { "Content-MD5": createHash("md5").update(part).digest("base64") }
                },
                part
            )
        );
        const etag = text(response.headers.etag).replace(/^"|"$/g, "");
        upload.parts.push({ part: partNumber, etag });
    }

    /** Aborts a failed upload by the id it got at its initiation; if S3 refuses, the sweep of unfinished uploads will. */
    private async abandon(key: string, uploadId: string, cause: unknown): Promise<void> {
        try {
            await this.abort(key, uploadId);
        } catch (error) {
            this.logger.warn(
                `could not abort the multipart upload ${uploadId} of ${key} (${describeFailure(error)}); ` +
                    "the removal of unfinished uploads will"
            );
            markLeftBehind(cause);
        }
    }

    /** Aborts one multipart upload; false when S3 no longer knows it. */
    private async abort(key: string, uploadId: string): Promise<boolean> {
        try {
            await this.call(() =>
                this.client.makeRequestAsyncOmit(
                    { method: "DELETE", bucketName: this.settings.bucket, objectName: key, query: `uploadId=${queryValue(uploadId)}` },
                    "",
                    [204, 200]
                )
            );
            return true;
        } catch (error) {
            if (error instanceof BlobStorageUnavailableError && (error.reason as { code?: string })?.code === "NoSuchUpload") return false;
            throw error;
        }
    }

    /** Every unfinished multipart upload of the bucket: ListMultipartUploads without a delimiter, page by page. */
    async *listUnfinishedUploads(): AsyncIterable<UnfinishedUpload> {
        await this.ensureBucket();
        let keyMarker = "";
        let uploadIdMarker = "";
        for (;;) {
            let query = `uploads&max-uploads=${this.settings.listPageSize ?? 1000}`;
            if (keyMarker) query += `&key-marker=${queryValue(keyMarker)}`;
            if (uploadIdMarker) query += `&upload-id-marker=${queryValue(uploadIdMarker)}`;
            const page = await this.call(async () => {
                const response = await this.client.makeRequestAsync({ method: "GET", bucketName: this.settings.bucket, query });
                return parseListMultipartUploads((await response.setEncoding("utf8").toArray()).join(""));
            });
            yield* page.uploads;
            if (!page.truncated) return;
            // Some implementations (Swift) leave the next markers empty: continue after the last upload listed.
            const last = page.uploads.at(-1);
            const nextKey = page.nextKeyMarker || last?.key || "";
            const nextUploadId = page.nextUploadIdMarker || last?.uploadId || "";
            if (!nextKey || (nextKey === keyMarker && nextUploadId === uploadIdMarker)) return;
            keyMarker = nextKey;
            uploadIdMarker = nextUploadId;
        }
    }

    async removeUnfinishedUploads(before: Date): Promise<number> {
        const stale: UnfinishedUpload[] = [];
        for await (const upload of this.listUnfinishedUploads()) {
            if (upload.initiated.getTime() < before.getTime()) stale.push(upload);
        }
        let removed = 0;
        for (const upload of stale) {
            if (await this.abort(upload.key, upload.uploadId)) removed++;
        }
        return removed;
    }

    async get(key: string): Promise<Readable> {
        assertValidKey(key);
        try {
            return await this.call(() => this.client.getObject(this.settings.bucket, key));
        } catch (error) {
            if (isNotFound(error)) throw new BlobNotFoundError(key);
            throw error;
        }
    }

    async exists(key: string): Promise<boolean> {
        assertValidKey(key);
        try {
            await this.call(() => this.client.statObject(this.settings.bucket, key));
            return true;
        } catch (error) {
            if (isNotFound(error)) return false;
            throw error;
        }
    }

    async delete(key: string): Promise<void> {
        assertValidKey(key);
        await this.call(() => this.client.removeObject(this.settings.bucket, key));
    }

    async *list(): AsyncIterable<string> {
        await this.ensureBucket();
        const items = this.client.listObjectsV2(this.settings.bucket, "", true);
        try {
            for await (const item of items) {
                if (item.name) yield item.name;
            }
        } catch (error) {
            throw new BlobStorageUnavailableError(error);
        }
    }

    /** One HEAD of the bucket (creating the bucket when it is missing). */
    async check(): Promise<void> {
        const exists = await this.call(() => this.client.bucketExists(this.settings.bucket));
        if (!exists) {
            this.bucketReady = undefined;
            await this.ensureBucket();
        }
    }
}
