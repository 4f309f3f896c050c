import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

import { randomString } from "../ids/ids";
import { assertValidKey, BlobNotFoundError, BlobStorage, type PutResult } from "./blob-storage";
import { SizeLimit } from "./size-limit";

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
        })();
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
        const out = createWriteStream(tmp, { flags: "wx" });
        try {
            await pipeline(source, counter, out);
            await rename(tmp, target);
        } catch (error) {
            // The file may still be opening when the pipeline fails: remove it only once the stream has closed.
            if (!out.closed) await new Promise<void>((resolve) => out.once("close", () => resolve()));
            await rm(tmp, { force: true });
            throw error;
        }
        return { size: counter.bytes };
    }

    async get(key: string): Promise<Readable> {
        const path = this.path(key);
        try {
            await stat(path);
        } catch {
            throw new BlobNotFoundError(key);
        }
        return createReadStream(path);
    }

    async exists(key: string): Promise<boolean> {
        try {
            return (await stat(this.path(key))).isFile();
        } catch {
            return false;
        }
    }

    async delete(key: string): Promise<void> {
        await rm(this.path(key), { force: true });
    }

    async *list(): AsyncIterable<string> {
        await this.ensureDirs();
        for (const entry of await readdir(this.root, { withFileTypes: true })) {
            if (entry.isFile()) yield entry.name;
        }
    }

    async check(): Promise<void> {
        await this.ensureDirs();
        const probe = join(this.tmpDir, `probe.${randomString(8)}`);
        await writeFile(probe, "");
        await rm(probe, { force: true });
    }
}
