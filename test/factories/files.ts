import { createHash } from "node:crypto";

import { FileMetadata, type NewFile } from "../../src/modules/files/file.entity";

const DAY = 24 * 60 * 60 * 1000;
export const AN_UPLOADER = { address: "did:e:localhost:dids:aaaaaaaaaaaaaaaaaaaaaa", deviceId: "DVCaaaaaaaaaaaaaaaaa" };
export const FILE_CONTENT = Buffer.from("encrypted file content");

/**
 * A file in memory, as `FileMetadata.create` makes it after an upload: uploaded (and owned) by AN_UPLOADER, with
 * FILE_CONTENT as its content and that content's SHA-512 as cipher hash, expiring a day after `now`. Returns the file
 * and its ownership token.
 */
export function aFile(overrides: Partial<NewFile> = {}): { file: FileMetadata; ownershipToken: string } {
    const now = overrides.now ?? new Date("2026-01-01T00:00:00.000Z");
    const sha512 = createHash("sha512").update(FILE_CONTENT).digest();
    return FileMetadata.create({
        id: "FILaaaaaaaaaaaaaaaaa",
        createdBy: AN_UPLOADER,
        ownerSignature: Buffer.from("owner signature"),
        cipherHash: sha512,
        expiresAt: new Date(now.getTime() + DAY),
        encryptedProperties: Buffer.from("encrypted properties"),
        content: { size: FILE_CONTENT.length, sha512 },
        ...overrides,
        now
    });
}
