import type { Readable } from "node:stream";

import { Client } from "minio";

import { assertValidKey, BlobNotFoundError, BlobStorage, type PutResult } from "./blob-storage";
import { SizeLimit } from "./size-limit";

export interface S3Settings {
    endpoint: string;
    bucket: string;
    accessKey: string;
    secretKey: string;
    region: string;
    /** Bytes buffered per multipart part; bounds the memory of one upload. */
    partSize: number;
}

function isNotFound(error: unknown): boolean {
    const code = (error as { code?: string })?.code;
    return code === "NoSuchKey" || code === "NotFound" || code === "NoSuchObject";
}

/** Blobs in an S3-compatible bucket (MinIO, AWS S3, ...) through the minio client, path-style. */
export class S3BlobStorage extends BlobStorage {
    private readonly client: Client;
    private bucketReady?: Promise<void>;

    constructor(private readonly settings: S3Settings) {
        super();
        const url = new URL(settings.endpoint);
        this.client = new Client({
            endPoint: url.hostname,
            port: url.port ? Number(url.port) : undefined,
            useSSL: url.protocol === "https:",
            accessKey: settings.accessKey,
            secretKey: settings.secretKey,
            region: settings.region,
            pathStyle: true,
            partSize: settings.partSize
        });
    }

    private ensureBucket(): Promise<void> {
        this.bucketReady ??= (async () => {
            if (!(await this.client.bucketExists(this.settings.bucket))) {
                await this.client.makeBucket(this.settings.bucket, this.settings.region);
            }
        })().catch((error: unknown) => {
            this.bucketReady = undefined;
            throw error;
        });
        return this.bucketReady;
    }

    async put(key: string, source: Readable, options: { maxBytes?: number } = {}): Promise<PutResult> {
        assertValidKey(key);
        await this.ensureBucket();
        const counter = new SizeLimit(options.maxBytes);
        source.on("error", (error) => counter.destroy(error));
        const piped = source.pipe(counter);
        // The minio client does not notice an error of the stream it reads (it waits forever), so a failing source or
        // the size limit must end the upload from here; the multipart upload is then aborted and never completed.
        const failed = new Promise<never>((_resolve, reject) => counter.once("error", reject));
        const upload = this.client.putObject(this.settings.bucket, key, piped);
        // Whichever loses the race must not end as an unhandled rejection.
        failed.catch(() => undefined);
        upload.catch(() => undefined);
        try {
            await Promise.race([upload, failed]);
        } catch (error) {
            source.unpipe(counter);
            source.resume();
            await this.client.removeIncompleteUpload(this.settings.bucket, key).catch(() => undefined);
            throw error;
        }
        return { size: counter.bytes };
    }

    async get(key: string): Promise<Readable> {
        assertValidKey(key);
        try {
            return await this.client.getObject(this.settings.bucket, key);
        } catch (error) {
            if (isNotFound(error)) throw new BlobNotFoundError(key);
            throw error;
        }
    }

    async exists(key: string): Promise<boolean> {
        assertValidKey(key);
        try {
            await this.client.statObject(this.settings.bucket, key);
            return true;
        } catch (error) {
            if (isNotFound(error)) return false;
            throw error;
        }
    }

    async delete(key: string): Promise<void> {
        assertValidKey(key);
        await this.client.removeObject(this.settings.bucket, key);
    }

    async *list(): AsyncIterable<string> {
        await this.ensureBucket();
        for await (const item of this.client.listObjectsV2(this.settings.bucket, "", true)) {
            if (item.name) yield item.name;
        }
    }

    async check(): Promise<void> {
        await this.ensureBucket();
    }
}
