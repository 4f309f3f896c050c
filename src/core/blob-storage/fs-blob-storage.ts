import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

import { randomString } from "../ids/ids";
import {
    assertValidKey,
    BlobNotFoundError,
    BlobStorage,
    BlobStorageUnavailableError,
    markLeftBehind,
    type PutResult
} from "./blob-storage";
import { SizeLimit } from "./size-limit";

/** Error codes of the filesystem that mean the store itself fails (full, read-only, gone, out of handles). */
const STORE_FAILURES = new Set([
    "ENOSPC",
    "EDQUOT",
    "EIO",
    "EROFS",
    "EACCES",
    "EPERM",
    "ESTALE",
    "ENOTCONN",
    "EMFILE",
    "ENFILE",
    "EBUSY",
    "ENOENT"
]);

function storeFailure(error: unknown): unknown {
    const code = (error as { code?: unknown })?.code;
    return typeof code === "string" && STORE_FAILURES.has(code) ? new BlobStorageUnavailableError(error) : error;
}

/** Blobs as files under one folder; writes go to a temporary file that is renamed into place when complete. */
export class FsBlobStorage extends BlobStorage {
    private readonly tmpDir: string;
    private ready?: Promise<void>;

    constructor(private readonly root: string) {
        super();
        this.tmpDir = join(root, ".tmp");
    }

    private ensureDirs(): Promise<void> {
        this.ready ??= (async () => {
            await mkdir(this.root, { recursive: true });
            await mkdir(this.tmpDir, { recursive: true });
        })().catch((error: unknown) => {
            this.ready = undefined;
            throw storeFailure(error);
        });
        return this.ready;
    }

    private path(key: string): string {
        assertValidKey(key);
        return join(this.root, key);
    }

    async put(key: string, source: Readable, options: { maxBytes?: number } = {}): Promise<PutResult> {
        const target = this.path(key);
        await this.ensureDirs();
        const tmp = join(this.tmpDir, `${key}.${randomString(8)}`);
        const counter = new SizeLimit(options.maxBytes);
        // A buffer of 1 MiB instead of 16 KiB: the disk writes chunks in batches (writev) while the next ones arrive.
        const out = createWriteStream(tmp, { flags: "wx", highWaterMark: 1024 * 1024 });
        try {
            await pipeline(source, counter, out);
            await rename(tmp, target);
        } catch (error) {
            // The file may still be opening when the pipeline fails: remove it only once the stream has closed.
            if (!out.closed) await new Promise<void>((resolve) => out.once("close", () => resolve()));
            // The folders may have vanished under the store (e.g. an unmounted volume): create them again next time.
            if ((error as { code?: string }).code === "ENOENT") this.ready = undefined;
            const failure = storeFailure(error);
            try {
                await rm(tmp, { force: true });
            } catch {
                throw markLeftBehind(failure);
            }
            throw failure;
        }
        return { size: counter.bytes };
    }

    async get(key: string): Promise<Readable> {
        const path = this.path(key);
        try {
            await stat(path);
        } catch (error) {
            if ((error as { code?: string }).code === "ENOENT") throw new BlobNotFoundError(key);
            throw storeFailure(error);
        }
        return createReadStream(path);
    }

    async exists(key: string): Promise<boolean> {
        try {
            return (await stat(this.path(key))).isFile();
        } catch (error) {
            if ((error as { code?: string }).code === "ENOENT") return false;
            throw storeFailure(error);
        }
    }

    async delete(key: string): Promise<void> {
        try {
            await rm(this.path(key), { force: true });
        } catch (error) {
            throw storeFailure(error);
        }
    }

    async *list(): AsyncIterable<string> {
        await this.ensureDirs();
        const entries = await readdir(this.root, { withFileTypes: true }).catch((error: unknown) => {
            throw storeFailure(error);
        });
        for (const entry of entries) {
            if (entry.isFile()) yield entry.name;
        }
    }

    /** Temporary files not written to since `before`: their writer crashed (a live write keeps touching its file). */
    async removeUnfinishedUploads(before: Date): Promise<number> {
        await this.ensureDirs();
        let removed = 0;
        for (const entry of await readdir(this.tmpDir, { withFileTypes: true })) {
            if (!entry.isFile()) continue;
            const path = join(this.tmpDir, entry.name);
            try {
                if ((await stat(path)).mtime.getTime() >= before.getTime()) continue;
                await rm(path);
                removed++;
            } catch (error) {
                // Renamed into place or removed by its writer (or another instance) meanwhile.
                if ((error as { code?: string }).code !== "ENOENT") throw storeFailure(error);
            }
        }
        return removed;
    }

    async check(): Promise<void> {
        await this.ensureDirs();
        const probe = join(this.tmpDir, `probe.${randomString(8)}`);
        try {
            await writeFile(probe, "");
            await rm(probe, { force: true });
        } catch (error) {
            throw storeFailure(error);
        }
    }
}
