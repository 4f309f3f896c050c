import type { Readable } from "node:stream";

export class BlobTooLargeError extends Error {
    constructor(readonly limit: number) {
        super(`blob exceeds ${limit} bytes`);
    }
}

/**
 * The blob store cannot be reached or does not work (S3 down, refusing or too slow; the filesystem failing). Requests
 * that need it answer 503 with Retry-After; readiness reports it.
 */
export class BlobStorageUnavailableError extends Error {
    /** What a client is told to wait before it tries again. */
    readonly retryAfterSeconds = 5;

    constructor(readonly reason: unknown) {
        super(`blob storage unavailable: ${describeFailure(reason)}`);
        this.name = "BlobStorageUnavailableError";
    }
}

/** A short description of a failure for logs (an error's code and message, never a payload). */
export function describeFailure(error: unknown): string {
    // Duck-typed: errors of node's own modules may come from another realm (e.g. under a test runner).
    const { message, code } = (typeof error === "object" && error !== null ? error : {}) as { message?: unknown; code?: unknown };
    if (typeof message !== "string") return "unknown error";
    return typeof code === "string" && code && !message.includes(code) ? `${code}: ${message}` : message;
}

const LEFT_BEHIND = new WeakSet<object>();

/**
 * Marks an error of put() after which the partial data could not be removed (the store failed while cleaning up).
 * The removal of unfinished uploads (start-up and housekeeping) removes it later.
 */
export function markLeftBehind<T>(error: T): T {
    if (typeof error === "object" && error !== null) LEFT_BEHIND.add(error);
    return error;
}

/** True when a failed put() could not remove what it had written so far. */
export function leftDataBehind(error: unknown): boolean {
    return typeof error === "object" && error !== null && LEFT_BEHIND.has(error);
}

export interface PutResult {
    size: number;
}

/**
 * Where encrypted file content lives. Writes stream from the source and are atomic: a blob is visible under its
 * key only once it has been written completely. Failures of the store itself reject with BlobStorageUnavailableError.
 */
export abstract class BlobStorage {
    /**
     * Streams `source` into the blob `key`; stops and leaves nothing behind when more than `maxBytes` arrive or the
     * source fails. When the partial data cannot be removed, the rejection is marked (see leftDataBehind).
     */
    abstract put(key: string, source: Readable, options?: { maxBytes?: number }): Promise<PutResult>;
    /** A stream of the blob's bytes; rejects with BlobNotFoundError when it does not exist. */
    abstract get(key: string): Promise<Readable>;
    abstract exists(key: string): Promise<boolean>;
    /** Removes the blob; removing a missing blob is not an error. */
    abstract delete(key: string): Promise<void>;
    /** Every key, for the cleanup of orphaned blobs. Unfinished writes are not blobs and are not listed. */
    abstract list(): AsyncIterable<string>;
    /**
     * Removes what interrupted writes left behind (temporary files, unfinished multipart uploads) that are older than
     * `before`; returns how many it removed.
     */
    abstract removeUnfinishedUploads(before: Date): Promise<number>;
    /** A cheap round trip that proves the store is reachable (readiness). */
    abstract check(): Promise<void>;
}

export class BlobNotFoundError extends Error {
    constructor(key: string) {
        super(`blob ${key} not found`);
    }
}

export function assertValidKey(key: string): void {
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/.test(key)) throw new Error(`invalid blob key`);
}
