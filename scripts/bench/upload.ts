/**
 * A large upload: one file of N MiB through `POST /api/v2/Files` (multipart, the content before the other fields as
 * in the large-upload test), generated while it is sent, timed from the first byte to the response; the Backbone's
 * RSS is sampled before, throughout and after. For comparison the disk's own throughput: the same number of bytes
 * written to a file in the blob folder and fsynced, once before and once after the upload (the machine is shared).
 */
import { createHash, randomBytes } from "node:crypto";
import { open, rm } from "node:fs/promises";
import { type IncomingMessage, request } from "node:http";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

import { processCpuMs, processRssBytes } from "./proc";

const MiB = 1024 * 1024;
/** The upload and the disk write repeat one block of random (incompressible) bytes. */
const BLOCK = randomBytes(MiB);
export const UPLOAD_TARGET_RATIO = 0.7;
/** "Flat memory": the Backbone's RSS grows by less than this share of the file while it passes through. */
export const UPLOAD_RSS_GROWTH_SHARE = 0.25;

export interface UploadResult {
    mebibytes: number;
    seconds: number;
    mebibytesPerSecond: number;
    /** MiB/s of the fsynced disk writes before and after the upload. */
    diskMebibytesPerSecond: number[];
    /** Upload MiB/s over the faster disk write. */
    ratio: number;
    /** The Backbone's CPU during the upload, in cores (1: one core busy throughout, the most one request can use). */
    nodeCores: number;
    /**
     * MiB/s of SHA-512 over the same bytes in this process: the Backbone hashes every byte it stores (to check the
     * declared cipherHash), on the one core a request runs on, so this bounds the upload whatever the disk does.
     */
    sha512MebibytesPerSecond: number;
    rssMb: { before: number; peak: number; after: number };
    /** The two halves of the target: the ratio, and the peak RSS growth below UPLOAD_RSS_GROWTH_SHARE of the file. */
    fastEnough: boolean;
    flatMemory: boolean;
}

function blocks(mebibytes: number): Readable {
    return Readable.from(
        (function* () {
            for (let i = 0; i < mebibytes; i++) yield BLOCK;
        })()
    );
}

/** The SHA-512 the client declares (of the content as it is sent), and how fast this process computed it. */
function cipherHash(mebibytes: number): { hash: string; mebibytesPerSecond: number } {
    const started = performance.now();
    const hash = createHash("sha512");
    for (let i = 0; i < mebibytes; i++) hash.update(BLOCK);
    const digest = hash.digest("base64url");
    return { hash: digest, mebibytesPerSecond: mebibytes / ((performance.now() - started) / 1000) };
}

function multipart(boundary: string, mebibytes: number, fields: Record<string, string>): Readable {
    return Readable.from(
        (async function* () {
            yield Buffer.from(
                `--${boundary}\r\nContent-Disposition: form-data; name="content"; filename="cipher.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`
            );
            yield* blocks(mebibytes);
            for (const [name, value] of Object.entries(fields))
                yield Buffer.from(`\r\n--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}`);
            yield Buffer.from(`\r\n--${boundary}--\r\n`);
        })()
    );
}

/** Uploads `mebibytes` and resolves with the response's status and the seconds it took. */
async function upload(
    baseUrl: string,
    auth: string,
    mebibytes: number,
    hash: string
): Promise<{ status: number; text: string; seconds: number }> {
    const boundary = "----bench-upload-boundary";
    const body = multipart(boundary, mebibytes, {
        cipherHash: hash,
        ownerSignature: "AQID",
        expiresAt: new Date(Date.now() + 24 * 3600 * 1000).toISOString(),
        encryptedProperties: "AQID"
    });
    const started = performance.now();
    return await new Promise((resolve, reject) => {
        const req = request(`${baseUrl}/api/v2/Files`, {
            method: "POST",
            headers: { "content-type": `multipart/form-data; boundary=${boundary}`, authorization: auth }
        });
        req.on("response", (res: IncomingMessage) => {
            const chunks: Buffer[] = [];
            res.on("data", (chunk: Buffer) => chunks.push(chunk));
            res.on("end", () =>
                resolve({
                    status: res.statusCode ?? 0,
                    text: Buffer.concat(chunks).toString(),
                    seconds: (performance.now() - started) / 1000
                })
            );
        });
        req.on("error", reject);
        pipeline(body, req).catch(reject);
    });
}

/** MiB/s of writing `mebibytes` to a new file in `dir` and fsyncing it (the time includes the fsync). */
export async function diskThroughput(dir: string, mebibytes: number): Promise<number> {
    const path = join(dir, `bench-disk-${process.pid}`);
    const started = performance.now();
    const file = await open(path, "w");
    try {
        for (let i = 0; i < mebibytes; i++) await file.write(BLOCK);
        await file.sync();
    } finally {
        await file.close();
    }
    const seconds = (performance.now() - started) / 1000;
    await rm(path, { force: true });
    return mebibytes / seconds;
}

/** The upload of `mebibytes` by `auth`'s identity, after a 1 MiB warm-up, with the disk measured around it. */
export async function uploadBenchmark(
    baseUrl: string,
    auth: string,
    backbonePid: number,
    blobDir: string,
    mebibytes: number
): Promise<UploadResult> {
    const warmUp = await upload(baseUrl, auth, 1, cipherHash(1).hash);
    if (warmUp.status !== 201) throw new Error(`warm-up upload: ${warmUp.status} ${warmUp.text}`);
    const hash = cipherHash(mebibytes);
    const diskBefore = await diskThroughput(blobDir, mebibytes);
    const before = processRssBytes(backbonePid);
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, processRssBytes(backbonePid))), 25);
    const cpuBefore = processCpuMs(backbonePid);
    const answer = await upload(baseUrl, auth, mebibytes, hash.hash).finally(() => clearInterval(sampler));
    const cpuMs = processCpuMs(backbonePid) - cpuBefore;
    if (answer.status !== 201) throw new Error(`upload: ${answer.status} ${answer.text.slice(0, 200)}`);
    const stored = (JSON.parse(answer.text) as { result?: { cipherSize?: number } }).result?.cipherSize;
    if (stored !== mebibytes * MiB) throw new Error(`upload: stored ${stored} bytes of ${mebibytes * MiB}`);
    peak = Math.max(peak, processRssBytes(backbonePid));
    // What the process keeps once the upload is over (after a second of quiet, without forcing a collection).
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const after = processRssBytes(backbonePid);
    const diskAfter = await diskThroughput(blobDir, mebibytes);
    const rate = mebibytes / answer.seconds;
    const ratio = rate / Math.max(diskBefore, diskAfter);
    const mb = (bytes: number) => Math.round(bytes / MiB);
    return {
        mebibytes,
        seconds: Math.round(answer.seconds * 100) / 100,
        mebibytesPerSecond: Math.round(rate * 10) / 10,
        diskMebibytesPerSecond: [diskBefore, diskAfter].map((r) => Math.round(r * 10) / 10),
        ratio: Math.round(ratio * 100) / 100,
        nodeCores: Math.round((cpuMs / (answer.seconds * 1000)) * 100) / 100,
        sha512MebibytesPerSecond: Math.round(hash.mebibytesPerSecond),
        rssMb: { before: mb(before), peak: mb(peak), after: mb(after) },
        fastEnough: ratio >= UPLOAD_TARGET_RATIO,
        flatMemory: peak - before < UPLOAD_RSS_GROWTH_SHARE * mebibytes * MiB
    };
}
