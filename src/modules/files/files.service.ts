import { createHash, type Hash } from "node:crypto";
import { type Readable, Transform, type TransformCallback } from "node:stream";

import type { Multipart } from "@fastify/multipart";
import { Inject, Injectable, Logger } from "@nestjs/common";
import { plainToInstance } from "class-transformer";
import { validate } from "class-validator";
import type { EntityManager } from "typeorm";

import { BACKBONE_CONFIG, type BackboneConfig } from "../../config/config";
import type { Caller } from "../../core/auth/caller";
import {
    BlobNotFoundError,
    BlobStorage,
    BlobTooLargeError,
    describeFailure,
    leftDataBehind,
    markLeftBehind
} from "../../core/blob-storage/blob-storage";
import { Clock } from "../../core/clock/clock";
import { toBase64Url } from "../../core/crypto/base64";
import { Transactions } from "../../core/database/transactions";
import { ForbiddenError, notFound } from "../../core/errors/errors";
import { DomainEvents } from "../../core/events/domain-events";
import type { Page, PageRequest } from "../../core/http/pagination";
import { newId } from "../../core/ids/ids";
import { futureDateProblem } from "../../core/validation/decorators";
import { validationErrorFactory } from "../../core/validation/validation.pipe";
import { FileMetadata } from "./file.entity";
import { MAX_CIPHER_HASH_BYTES, MAX_ENCRYPTED_PROPERTIES_BYTES, MAX_OWNER_SIGNATURE_BYTES, UploadFileFields } from "./files.dto";
import { FilesErrors } from "./files.errors";
import { FileOwnershipClaimed, FileOwnershipLocked } from "./files.events";
import { FilesRepository } from "./files.repository";

/** Field names of the upload are matched case-insensitively, like JSON properties. */
const UPLOAD_FIELDS = new Map(
    ["ownerSignature", "cipherHash", "expiresAt", "encryptedProperties", "owner"].map((name) => [name.toLowerCase(), name])
);

/**
 * The byte fields that may also arrive as file parts holding the raw bytes (as the Swagger UI sends them), with their
 * largest size; as text parts they hold base64url or base64 (as @nmshd/transport sends them).
 */
const BINARY_FIELD_LIMITS = new Map<string, number>([
    ["ownerSignature", MAX_OWNER_SIGNATURE_BYTES],
    ["cipherHash", MAX_CIPHER_HASH_BYTES],
    ["encryptedProperties", MAX_ENCRYPTED_PROPERTIES_BYTES]
]);

/** The raw bytes of a small file part, read up to `maxBytes` (undefined when it is longer). */
async function readSmallPart(stream: Readable, maxBytes: number): Promise<Buffer | undefined> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of stream) {
        size += (chunk as Buffer).length;
        if (size > maxBytes) {
            stream.resume();
            return undefined;
        }
        chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks);
}

/** Computes the SHA-512 of the bytes passing through. */
class Sha512 extends Transform {
    private readonly hash: Hash = createHash("sha512");
    override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
        this.hash.update(chunk);
        callback(null, chunk);
    }
    digest(): Buffer {
        return this.hash.digest();
    }
}

export interface UploadedFile {
    file: FileMetadata;
    ownershipToken: string;
}

@Injectable()
export class FilesService {
    private readonly logger = new Logger("Files");

    constructor(
        private readonly files: FilesRepository,
        private readonly blobs: BlobStorage,
        private readonly domainEvents: DomainEvents,
        private readonly transactions: Transactions,
        @Inject(Clock) private readonly clock: Clock,
        @Inject(BACKBONE_CONFIG) private readonly config: BackboneConfig
    ) {}

    /**
     * Streams the `content` part into the blob store under a new id and then records the file. Order: an upload row,
     * the blob, then (in one transaction) the file row replaces the upload row. A failure removes the blob and the
     * upload row; a crash leaves them for FilesCleanup.
     */
    async uploadFile(caller: Caller, parts: AsyncIterable<Multipart>): Promise<UploadedFile> {
        const id = newId("FIL");
        await this.files.startUpload(id, caller.address, this.clock.now());
        let blobWritten = false;
        try {
            const fields: Record<string, string> = {};
            let content: { size: number; sha512: Buffer } | undefined;
            for await (const part of parts) {
                if (part.type === "file") {
                    const binaryField = UPLOAD_FIELDS.get(part.fieldname.toLowerCase());
                    const limit = binaryField ? BINARY_FIELD_LIMITS.get(binaryField) : undefined;
                    if (binaryField && limit !== undefined) {
                        const bytes = await readSmallPart(part.file, limit);
                        if (!bytes) throw FilesErrors.truncatedField(binaryField);
                        fields[binaryField] = toBase64Url(bytes);
                        continue;
                    }
                    if (part.fieldname.toLowerCase() !== "content") {
                        part.file.resume();
                        continue;
                    }
                    if (content) throw FilesErrors.secondContent();
                    blobWritten = true;
                    content = await this.storeContent(id, part.file);
                    continue;
                }
                const name = UPLOAD_FIELDS.get(part.fieldname.toLowerCase());
                if (!name) continue;
                if (part.valueTruncated) throw FilesErrors.truncatedField(name);
                fields[name] = String(part.value);
            }
            if (!content) throw FilesErrors.missingContent();
            const now = this.clock.now();
            const metadata = await this.validateFields(fields, now);
            const { file, ownershipToken } = FileMetadata.create({ id, createdBy: caller, ...metadata, content, now });
            if (!(await this.files.completeUpload(file))) throw new Error("upload was abandoned before it completed");
            return { file, ownershipToken };
        } catch (error) {
            await this.abandonUpload(id, blobWritten, error);
            throw error;
        }
    }

    private async storeContent(id: string, source: Readable & { truncated?: boolean }): Promise<{ size: number; sha512: Buffer }> {
        const max = this.config.FILE_MAX_SIZE_BYTES;
        const hasher = new Sha512();
        source.on("error", (error) => hasher.destroy(error));
        source.pipe(hasher);
        let size: number;
        try {
            size = (await this.blobs.put(id, hasher, { maxBytes: max })).size;
        } catch (error) {
            source.resume();
            if (error instanceof BlobTooLargeError || source.truncated || (error as { code?: string }).code === "FST_REQ_FILE_TOO_LARGE") {
                const refused = FilesErrors.contentSize(max);
                throw leftDataBehind(error) ? markLeftBehind(refused) : refused;
            }
            throw error;
        }
        if (size === 0 || source.truncated) throw FilesErrors.contentSize(max);
        return { size, sha512: hasher.digest() };
    }

    private async validateFields(fields: Record<string, string>, now: Date): Promise<UploadFileFields> {
        const metadata = plainToInstance(UploadFileFields, fields);
        const errors = await validate(metadata, {
            whitelist: true,
            stopAtFirstError: true,
            validationError: { target: false, value: true }
        });
        if (errors.length > 0) throw validationErrorFactory(errors);
        const problem = futureDateProblem(metadata, now);
        if (problem) throw problem;
        return metadata;
    }

    /**
     * Removes what a failed upload left. The upload row goes only once nothing of the upload is left in the blob store;
     * otherwise it stays, and the cleanup jobs remove the rest (stale upload rows, unfinished uploads).
     */
    private async abandonUpload(id: string, blobWritten: boolean, failure: unknown): Promise<void> {
        if (leftDataBehind(failure)) {
            this.logger.warn(`the failed upload ${id} left data in the blob store; the cleanup jobs will remove it`);
            return;
        }
        try {
            if (blobWritten) await this.blobs.delete(id);
            await this.files.forgetUpload(id);
        } catch (error) {
            this.logger.warn(`could not clean up the failed upload ${id} now (${describeFailure(error)}); the cleanup job will`);
        }
    }

    /** Any authenticated identity may read the metadata of a file that has not expired. */
    async getFileMetadata(id: string): Promise<FileMetadata> {
        const file = await this.files.find(id);
        if (!file || !file.isVisible(this.clock.now())) throw notFound("File");
        return file;
    }

    /** The content of a visible file as a stream straight from the blob store. */
    async openFileContent(id: string): Promise<{ file: FileMetadata; content: Readable }> {
        const file = await this.getFileMetadata(id);
        try {
            return { file, content: await this.blobs.get(id) };
        } catch (error) {
            if (error instanceof BlobNotFoundError) {
                this.logger.error(`file ${id} has no content in the blob store`);
                throw notFound("File");
            }
            throw error;
        }
    }

    async listFiles(caller: Caller, ids: string[] | undefined, page: PageRequest): Promise<Page<FileMetadata>> {
        return await this.files.pageCreatedBy(caller.address, ids, this.clock.now(), page);
    }

    /** Only the creator deletes; the row goes first (the file is gone at once), then the blob. */
    async deleteFile(caller: Caller, id: string): Promise<void> {
        const file = await this.getFileMetadata(id);
        if (!file.mayBeDeletedBy(caller.address)) throw new ForbiddenError();
        if (!(await this.files.delete(id))) throw notFound("File");
        try {
            await this.blobs.delete(id);
        } catch {
            this.logger.warn(`could not delete the blob of file ${id} now; the orphan cleanup will`);
        }
    }

    /** Only the owner; unlocks the ownership. */
    async regenerateOwnershipToken(caller: Caller, id: string): Promise<string> {
        return await this.transactions.run(async (manager) => {
            const file = await this.findVisibleForUpdate(manager, id);
            if (!file.isOwnedBy(caller.address)) throw new ForbiddenError();
            const ownershipToken = file.regenerateOwnershipToken(caller, this.clock.now());
            await this.files.save(manager, file);
            return ownershipToken;
        });
    }

    /** True for the right token of an unlocked file; a wrong token from a non-owner locks the file and tells the owner. */
    async validateOwnershipToken(caller: Caller, id: string, token: string): Promise<boolean> {
        return await this.transactions.run(async (manager) => {
            const file = await this.findVisibleForUpdate(manager, id);
            const validation = file.validateOwnershipToken(caller.address, token);
            if (validation === "lockedNow") await this.saveLocked(manager, file);
            return validation === "valid";
        });
    }

    /** Makes the caller the owner when the token is right; a wrong token locks the file (and still answers 403). */
    async claimOwnership(caller: Caller, id: string, token: string): Promise<string> {
        const claim = await this.transactions.run(async (manager) => {
            const file = await this.findVisibleForUpdate(manager, id);
            const claim = file.claimOwnership(caller, token, this.clock.now());
            if (claim.outcome === "lockedNow") await this.saveLocked(manager, file);
            if (claim.outcome === "claimed") {
                await this.files.save(manager, file);
                await this.domainEvents.publish(manager, new FileOwnershipClaimed(file.id, claim.previousOwner, caller.address));
            }
            return claim;
        });
        switch (claim.outcome) {
            case "claimed":
                return claim.ownershipToken;
            case "ownFile":
                throw FilesErrors.cannotClaimOwnershipOfOwnFile();
            default:
                throw new ForbiddenError();
        }
    }

    /**
     * For other modules (message attachments): which of the ids name files that exist and have not expired; in the
     * caller's transaction when it passes its manager.
     */
    async existingFileIds(ids: string[], manager?: EntityManager): Promise<string[]> {
        return await this.files.idsOfVisible([...new Set(ids)], this.clock.now(), manager);
    }

    private async findVisibleForUpdate(manager: EntityManager, id: string): Promise<FileMetadata> {
        const file = await this.files.findForUpdate(manager, id);
        if (!file || !file.isVisible(this.clock.now())) throw notFound("File");
        return file;
    }

    /** Stores the lock a wrong ownership token caused and tells the owner. */
    private async saveLocked(manager: EntityManager, file: FileMetadata): Promise<void> {
        await this.files.save(manager, file);
        await this.domainEvents.publish(manager, new FileOwnershipLocked(file.id, file.owner));
    }
}
