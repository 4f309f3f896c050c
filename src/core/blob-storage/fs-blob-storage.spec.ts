import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { text } from "node:stream/consumers";

import { BlobNotFoundError, BlobTooLargeError } from "./blob-storage";
import { FsBlobStorage } from "./fs-blob-storage";

describe("filesystem blob storage", () => {
    let dir: string;
    let store: FsBlobStorage;
    beforeEach(() => {
        dir = mkdtempSync(join(tmpdir(), "blobs-"));
        store = new FsBlobStorage(dir);
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it("stores a stream and returns the same bytes", async () => {
        const result = await store.put("FILabc", Readable.from([Buffer.from("hello "), Buffer.from("world")]));
        expect(result.size).toBe(11);
        expect(await text(await store.get("FILabc"))).toBe("hello world");
        expect(await store.exists("FILabc")).toBe(true);
    });

    it("refuses a stream over the limit and leaves nothing behind", async () => {
        await expect(store.put("FILbig", Readable.from([Buffer.alloc(600), Buffer.alloc(600)]), { maxBytes: 1000 })).rejects.toBeInstanceOf(
            BlobTooLargeError
        );
        expect(await store.exists("FILbig")).toBe(false);
        expect(readdirSync(join(dir, ".tmp"))).toEqual([]);
    });

    it("leaves nothing behind when the source fails midway", async () => {
        async function* failing() {
            yield Buffer.from("partial");
            throw new Error("connection reset");
        }
        await expect(store.put("FILcut", Readable.from(failing()))).rejects.toThrow("connection reset");
        expect(await store.exists("FILcut")).toBe(false);
        expect(readdirSync(join(dir, ".tmp"))).toEqual([]);
    });

    it("lists and deletes blobs; deleting a missing blob is fine; reading one fails", async () => {
        await store.put("FILa", Readable.from([Buffer.from("a")]));
        await store.put("FILb", Readable.from([Buffer.from("b")]));
        const keys: string[] = [];
        for await (const key of store.list()) keys.push(key);
        expect(keys.sort()).toEqual(["FILa", "FILb"]);
        await store.delete("FILa");
        await store.delete("FILa");
        await expect(store.get("FILa")).rejects.toBeInstanceOf(BlobNotFoundError);
        await expect(store.check()).resolves.toBeUndefined();
    });

    it("rejects keys that could leave its folder", async () => {
        await expect(store.put("../escape", Readable.from([Buffer.from("x")]))).rejects.toThrow("invalid blob key");
    });
});
