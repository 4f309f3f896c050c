import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";

import { Logger } from "@nestjs/common";
import { Client } from "minio";

import {
    BlobNotFoundError,
    type BlobStorage,
    BlobStorageUnavailableError,
    BlobTooLargeError,
    leftDataBehind
} from "../../src/core/blob-storage/blob-storage";
import { FsBlobStorage } from "../../src/core/blob-storage/fs-blob-storage";
import { startS3rver, type TestS3 } from "../support/s3rver";
import { digestOf, generatedStream } from "../support/streams";

async function sha256Of(stream: Readable): Promise<{ hash: string; size: number }> {
    const { digest, size } = await digestOf(stream, "sha256");
    return { hash: digest.toString("hex"), size };
}

function minioClient(s3: TestS3): Client {
    const url = new URL(s3.endpoint);
    return new Client({
        endPoint: url.hostname,
        port: Number(url.port),
        useSSL: false,
        accessKey: "S3RVER",
        secretKey: "S3RVER",
        region: "us-east-1",
        pathStyle: true
    });
}

async function collect(iterable: AsyncIterable<string>): Promise<string[]> {
    const out: string[] = [];
    for await (const item of iterable) out.push(item);
    return out;
}

/** Leaves an unfinished write in the store, as a process that dies in the middle of put() does. */
type LeaveUnfinished = (key: string) => Promise<void>;

function contractTests(name: string, open: () => BlobStorage, leaveUnfinished: LeaveUnfinished) {
    describe(name, () => {
        let storage: BlobStorage;
        beforeAll(() => {
            storage = open();
        });

        it("stores a blob and streams the same bytes back", async () => {
            const result = await storage.put("FILroundtrip0000001", Readable.from([Buffer.from("hello "), Buffer.from("world")]));
            expect(result.size).toBe(11);
            expect(await storage.exists("FILroundtrip0000001")).toBe(true);
            const bytes = Buffer.concat(await (await storage.get("FILroundtrip0000001")).toArray());
            expect(bytes.toString()).toBe("hello world");
        });

        it("reports a missing blob as BlobNotFoundError, and deleting it is not an error", async () => {
            expect(await storage.exists("FILmissing000000001")).toBe(false);
            await expect(storage.get("FILmissing000000001")).rejects.toBeInstanceOf(BlobNotFoundError);
            await expect(storage.delete("FILmissing000000001")).resolves.toBeUndefined();
        });

        it("deletes a blob", async () => {
            await storage.put("FILdeleteme00000001", Readable.from([Buffer.from("x")]));
            await storage.delete("FILdeleteme00000001");
            expect(await storage.exists("FILdeleteme00000001")).toBe(false);
        });

        it("lists every key", async () => {
            await storage.put("FILlisted0000000001", Readable.from([Buffer.from("a")]));
            await storage.put("FILlisted0000000002", Readable.from([Buffer.from("b")]));
            const keys = await collect(storage.list());
            expect(keys).toEqual(expect.arrayContaining(["FILlisted0000000001", "FILlisted0000000002"]));
            expect(keys).not.toContain("FILdeleteme00000001");
        });

        it("refuses more than maxBytes and leaves nothing behind", async () => {
            await expect(storage.put("FILtoolarge00000001", generatedStream(300 * 1024), { maxBytes: 200 * 1024 })).rejects.toBeInstanceOf(
                BlobTooLargeError
            );
            expect(await storage.exists("FILtoolarge00000001")).toBe(false);
            expect(await collect(storage.list())).not.toContain("FILtoolarge00000001");
        });

        it("accepts exactly maxBytes", async () => {
            const result = await storage.put("FILexactly000000001", generatedStream(1000), { maxBytes: 1000 });
            expect(result.size).toBe(1000);
        });

        it("removes unfinished writes older than the bound and keeps younger ones; they are never listed as blobs", async () => {
            await leaveUnfinished("FILunfinished000001");
            expect(await collect(storage.list())).not.toContain("FILunfinished000001");
            expect(await storage.removeUnfinishedUploads(new Date(Date.now() - 60_000))).toBe(0);
            expect(await storage.removeUnfinishedUploads(new Date(Date.now() + 60_000))).toBe(1);
            expect(await storage.removeUnfinishedUploads(new Date(Date.now() + 60_000))).toBe(0);
        });

        it("fails and stores nothing when the source stream fails", async () => {
            const source = new Readable({ read() {} });
            source.push(Buffer.alloc(1024));
            setTimeout(() => source.destroy(new Error("client went away")), 20);
            await expect(storage.put("FILbrokensource0001", source)).rejects.toThrow("client went away");
            expect(await storage.exists("FILbrokensource0001")).toBe(false);
        });
    });
}

describe("blob storage adapters", () => {
    let dir: string;
    let s3: TestS3;

    beforeAll(async () => {
        dir = await mkdtemp(join(tmpdir(), "blobs-"));
        s3 = await startS3rver();
    });
    afterAll(async () => {
        await s3.close();
        await rm(dir, { recursive: true, force: true });
    });

    contractTests(
        "filesystem",
        () => new FsBlobStorage(dir),
        async (key) => {
            await mkdir(join(dir, ".tmp"), { recursive: true });
            await writeFile(join(dir, ".tmp", `${key}.crashed`), "partial");
        }
    );
    contractTests(
        "S3 (s3rver)",
        () => s3.storage(),
        async (key) => void (await minioClient(s3).initiateNewMultipartUpload(s3.bucket, key, {}))
    );

    it("filesystem: leaves no temporary file after a refused write", async () => {
        const storage = new FsBlobStorage(dir);
        await expect(storage.put("FILtmpcheck00000001", generatedStream(10_000), { maxBytes: 10 })).rejects.toBeInstanceOf(
            BlobTooLargeError
        );
        expect((await readdir(join(dir, ".tmp"))).filter((name) => name.startsWith("FILtmpcheck"))).toEqual([]);
    });

    it("S3: a failed multipart upload is aborted by the id it got at its initiation", async () => {
        const storage = s3.storage(5 * 1024 * 1024);
        s3.requests.length = 0;
        await expect(
            storage.put("FILaborted000000001", generatedStream(7 * 1024 * 1024), { maxBytes: 6 * 1024 * 1024 })
        ).rejects.toBeInstanceOf(BlobTooLargeError);
        const uploadId = s3.initiated.at(-1);
        expect(uploadId).toMatch(/^[0-9a-f]{32}$/);
        expect(s3.requests).toContain("DELETE /backbone-test/FILaborted000000001?uploadId");
        expect(s3.aborted.at(-1)).toBe(uploadId);
        expect(s3.requests).not.toContain("GET /backbone-test/?uploads");
        expect(s3.uploads).toEqual([]);
    });

    it("S3: a failed abort is logged and marks the failure as having left data behind", async () => {
        const storage = s3.storage(5 * 1024 * 1024);
        s3.refuse = (request) => request.startsWith("DELETE");
        const warnings = jest.spyOn(Logger.prototype, "warn").mockImplementation(() => undefined);
        try {
            const failure = await storage
                .put("FILnotaborted000001", generatedStream(7 * 1024 * 1024), { maxBytes: 6 * 1024 * 1024 })
                .catch((e: unknown) => e);
            expect(failure).toBeInstanceOf(BlobTooLargeError);
            expect(leftDataBehind(failure)).toBe(true);
            expect(warnings).toHaveBeenCalledWith(expect.stringContaining("could not abort the multipart upload"));
        } finally {
            s3.refuse = undefined;
            warnings.mockRestore();
        }
        expect(s3.uploads.map((u) => u.key)).toEqual(["FILnotaborted000001"]);
        expect(await storage.removeUnfinishedUploads(new Date(Date.now() + 60_000))).toBe(1);
        expect(s3.uploads).toEqual([]);
    });

    it("S3: lists unfinished uploads page by page", async () => {
        const client = minioClient(s3);
        for (const key of ["FILpage000000000001", "FILpage000000000002", "FILpage000000000003"]) {
            await client.initiateNewMultipartUpload(s3.bucket, key, {});
        }
        const storage = s3.storage(5 * 1024 * 1024, { listPageSize: 2 });
        const keys: string[] = [];
        for await (const upload of storage.listUnfinishedUploads()) keys.push(upload.key);
        expect(keys).toEqual(["FILpage000000000001", "FILpage000000000002", "FILpage000000000003"]);
        expect(await storage.removeUnfinishedUploads(new Date(Date.now() + 60_000))).toBe(3);
    });

    it("S3: every operation fails as BlobStorageUnavailableError while S3 is down, and works again when it returns", async () => {
        const storage = s3.storage();
        await storage.put("FILbeforeoutage0001", Readable.from([Buffer.from("kept")]));
        await s3.stop();
        try {
            await expect(storage.check()).rejects.toBeInstanceOf(BlobStorageUnavailableError);
            await expect(storage.put("FILduringoutage0001", Readable.from([Buffer.from("x")]))).rejects.toBeInstanceOf(
                BlobStorageUnavailableError
            );
            await expect(storage.get("FILbeforeoutage0001")).rejects.toBeInstanceOf(BlobStorageUnavailableError);
            await expect(storage.exists("FILbeforeoutage0001")).rejects.toBeInstanceOf(BlobStorageUnavailableError);
            await expect(storage.delete("FILbeforeoutage0001")).rejects.toBeInstanceOf(BlobStorageUnavailableError);
            await expect(collect(storage.list())).rejects.toBeInstanceOf(BlobStorageUnavailableError);
            await expect(storage.removeUnfinishedUploads(new Date())).rejects.toBeInstanceOf(BlobStorageUnavailableError);
        } finally {
            await s3.start();
        }
        await storage.check();
        expect(Buffer.concat(await (await storage.get("FILbeforeoutage0001")).toArray()).toString()).toBe("kept");
    });

    it("S3: stores an object larger than the part size as a multipart upload, byte for byte", async () => {
        const storage = s3.storage(5 * 1024 * 1024);
        const size = 12 * 1024 * 1024 + 123;
        const expected = await sha256Of(generatedStream(size));
        s3.requests.length = 0;
        const result = await storage.put("FILmultipart0000001", generatedStream(size));
        expect(result.size).toBe(size);
        expect(s3.requests.filter((r) => r.startsWith("PUT /backbone-test/FILmultipart0000001?partNumber")).length).toBe(3);
        expect(s3.requests).toContain("POST /backbone-test/FILmultipart0000001?uploads");
        expect(await sha256Of(await storage.get("FILmultipart0000001"))).toEqual(expected);
    });
});
