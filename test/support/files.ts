import { createHash } from "node:crypto";

import { DataSource } from "typeorm";

import type { TestIdentity } from "./identities";
import type { TestApp } from "./test-app";

export interface UploadOptions {
    content?: Buffer;
    expiresAt?: string | null;
    cipherHash?: string | null;
    ownerSignature?: string | null;
    encryptedProperties?: string | null;
}

export function sha512Url(bytes: Buffer): string {
    return createHash("sha512").update(bytes).digest("base64url");
}

/** A multipart upload in the official client's part order: content first, then the text fields. */
export function uploadRequest(t: TestApp, identity: TestIdentity | undefined, options: UploadOptions = {}) {
    const content = options.content ?? Buffer.from("encrypted file content");
    const request = t.http.post("/api/v2/Files");
    if (identity) request.set("authorization", identity.auth);
    request.attach("content", content, { filename: "cipher.bin", contentType: "application/octet-stream" });
    const fields: Record<string, string | null | undefined> = {
        cipherHash: options.cipherHash === undefined ? sha512Url(content) : options.cipherHash,
        owner: identity?.address ?? "nobody",
        ownerSignature:
            options.ownerSignature === undefined ? Buffer.from('{"sig":"x","alg":2}').toString("base64url") : options.ownerSignature,
        expiresAt:
            options.expiresAt !== undefined ? options.expiresAt : new Date(t.clock.now().getTime() + 24 * 60 * 60 * 1000).toISOString(),
        encryptedProperties:
            options.encryptedProperties === undefined ? Buffer.from('{"cph":"props"}').toString("base64url") : options.encryptedProperties
    };
    for (const [name, value] of Object.entries(fields)) if (value !== null) request.field(name, value!);
    return request;
}

export async function uploadFile(
    t: TestApp,
    identity: TestIdentity,
    options: UploadOptions = {}
): Promise<{ id: string; ownershipToken: string }> {
    const response = await uploadRequest(t, identity, options).expect(201);
    return response.body.result;
}

/** GET /Files/{id} as `identity`, with the body collected as bytes (`response.body` is a Buffer). */
export function downloadRequest(t: TestApp, identity: TestIdentity, id: string) {
    return t.http
        .get(`/api/v2/Files/${id}`)
        .set("authorization", identity.auth)
        .buffer(true)
        .parse((res, callback) => {
            const chunks: Buffer[] = [];
            res.on("data", (chunk: Buffer) => chunks.push(chunk));
            res.on("end", () => callback(null, Buffer.concat(chunks)));
        });
}

/** How many uploads are pending (their upload rows; a finished or cleaned-up upload has none). */
export async function pendingUploadRows(t: TestApp): Promise<number> {
    return Number((await t.app.get(DataSource).query("SELECT count(*) AS n FROM file_uploads"))[0].n);
}
