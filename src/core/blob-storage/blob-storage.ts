import type { Readable } from "node:stream";

export class BlobTooLargeError extends Error {
    constructor(readonly limit: number) {
        super(`blob exceeds ${limit} bytes`);
    }
}

export interface PutResult {
    size: number;
}

/**
 * Where encrypted file content lives. Writes stream from the source and are atomic: a blob is visible under its
 * key only once it has been written completely.
 */
export abstract class BlobStorage {
    /** Streams `source` into the blob `key`; stops and leaves nothing behind when more than `maxBytes` arrive. */
    abstract put(key: string, source: Readable, options?: { maxBytes?: number }): Promise<PutResult>;
    /** A stream of the blob's bytes; rejects with BlobNotFoundError when it does not exist. */
    abstract get(key: string): Promise<Readable>;
    abstract exists(key: string): Promise<boolean>;
    /** Removes the blob; removing a missing blob is not an error. */
    abstract delete(key: string): Promise<void>;
    /** Every key, for the cleanup of orphaned blobs. */
    abstract list(): AsyncIterable<string>;
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
