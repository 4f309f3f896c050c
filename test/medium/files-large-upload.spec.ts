import { mkdtemp, rm } from "node:fs/promises";
import { get as httpGet, type IncomingMessage, request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

import type { BlobStorage } from "../../src/core/blob-storage/blob-storage";
import { FsBlobStorage } from "../../src/core/blob-storage/fs-blob-storage";
import { createIdentity, type TestIdentity } from "../support/identities";
import { startS3rver, type TestS3 } from "../support/s3rver";
import { digestOf, generatedStream } from "../support/streams";
import { startTestApp, type TestApp } from "../support/test-app";

const MiB = 1024 * 1024;
const FILE_SIZE = 200 * MiB;
/** Generous bound for the growth of the process's RSS while 200 MiB pass through it. */
const RSS_GROWTH_LIMIT = 120 * MiB;

/** Samples the resident set size while `work` runs and returns its peak growth over the level before. */
async function peakRssGrowth<T>(work: () => Promise<T>): Promise<{ result: T; growth: number }> {
    (globalThis as { gc?: () => void }).gc?.();
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 25);
    try {
        const result = await work();
        peak = Math.max(peak, process.memoryUsage().rss);
        return { result, growth: peak - baseline };
    } finally {
        clearInterval(timer);
    }
}

/** A multipart body like the official client's, with the content generated while it is sent. */
function multipartBody(boundary: string, size: number, fields: Record<string, string>): Readable {
    async function* parts(): AsyncGenerator<Buffer> {
        yield Buffer.from(
            `--${boundary}\r\nContent-Disposition: form-data; name="content"; filename="cipher.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`
        );
        for await (const chunk of generatedStream(size)) yield chunk as Buffer;
        for (const [name, value] of Object.entries(fields))
            yield Buffer.from(`\r\n--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}`);
        yield Buffer.from(`\r\n--${boundary}--\r\n`);
    }
    return Readable.from(parts());
}

async function upload(
    baseUrl: string,
    identity: TestIdentity,
    size: number,
    cipherHash: string
): Promise<{ status: number; body: { result: { id: string; cipherSize: number } } }> {
    const boundary = "----large-upload-boundary";
    const body = multipartBody(boundary, size, {
        cipherHash,
        ownerSignature: "AQID",
        expiresAt: new Date(Date.now() + 24 * 3600 * 1000).toISOString(),
        encryptedProperties: "AQID"
    });
    return await new Promise((resolve, reject) => {
        const req = httpRequest(`${baseUrl}/api/v2/Files`, {
            method: "POST",
            headers: { "content-type": `multipart/form-data; boundary=${boundary}`, authorization: identity.auth }
        });
        req.on("response", async (res: IncomingMessage) => {
            const chunks: Buffer[] = [];
            for await (const chunk of res) chunks.push(chunk as Buffer);
            resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString()) });
        });
        req.on("error", reject);
        pipeline(body, req).catch(reject);
    });
}

async function downloadDigest(
    baseUrl: string,
    identity: TestIdentity,
    id: string
): Promise<{ digest: Buffer; size: number; type?: string }> {
    const res = await new Promise<IncomingMessage>((resolve, reject) =>
        httpGet(`${baseUrl}/api/v2/Files/${id}`, { headers: { authorization: identity.auth } }, resolve).on("error", reject)
    );
    return { ...(await digestOf(res)), type: res.headers["content-type"] };
}

describe("files: a 200 MiB upload and download stream through with flat memory", () => {
    let s3: TestS3;
    let dir: string;
    let expectedHash: Buffer;

    beforeAll(async () => {
        s3 = await startS3rver();
        dir = await mkdtemp(join(tmpdir(), "files-large-"));
        expectedHash = (await digestOf(generatedStream(FILE_SIZE))).digest;
    });
    afterAll(async () => {
        await s3.close();
        await rm(dir, { recursive: true, force: true });
    });

    it.each([
        ["S3 (s3rver, 5 MiB parts)", () => s3.storage(5 * MiB)],
        ["the filesystem", () => new FsBlobStorage(dir)]
    ])(
        "through %s",
        async (name: string, storage: () => BlobStorage) => {
            const t: TestApp = await startTestApp({
                listen: true,
                blobStorage: storage(),
                env: { FILE_MAX_SIZE_BYTES: String(250 * MiB) }
            });
            try {
                const alice = await createIdentity(t);
                // Warm up (code paths, connection pools, buffers) with a small file first.
                const small = await upload(t.baseUrl!, alice, MiB, (await digestOf(generatedStream(MiB))).digest.toString("base64url"));
                expect(small.status).toBe(201);

                const up = await peakRssGrowth(() => upload(t.baseUrl!, alice, FILE_SIZE, expectedHash.toString("base64url")));
                expect(up.result.status).toBe(201);
                expect(up.result.body.result.cipherSize).toBe(FILE_SIZE);

                const down = await peakRssGrowth(() => downloadDigest(t.baseUrl!, alice, up.result.body.result.id));
                expect(down.result.type).toBe("application/octet-stream");
                expect(down.result.size).toBe(FILE_SIZE);
                expect(down.result.digest.equals(expectedHash)).toBe(true);

                process.stdout.write(
                    `[large file, ${name}] 200 MiB: RSS growth during upload ${(up.growth / MiB).toFixed(1)} MiB, during download ${(down.growth / MiB).toFixed(1)} MiB\n`
                );
                expect(up.growth).toBeLessThan(RSS_GROWTH_LIMIT);
                expect(down.growth).toBeLessThan(RSS_GROWTH_LIMIT);
            } finally {
                await t.close();
            }
        },
        300_000
    );
});
