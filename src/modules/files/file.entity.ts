import { createHash, randomInt, timingSafeEqual } from "node:crypto";

import { Column, Entity, Index, PrimaryColumn } from "typeorm";

import { CreatedRecordColumns } from "../../core/database/created-record";
import { FilesErrors } from "./files.errors";

const OWNERSHIP_TOKEN_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!@#$%^&*()_-+=<>?/{}[]|~";
export const OWNERSHIP_TOKEN_LENGTH = 20;
/** What a client may send as an ownership token: 1..20 characters of the token alphabet. */
export const OWNERSHIP_TOKEN_PATTERN = /^[A-Za-z0-9!@#$%^&*()_\-+=<>?/{}[\]|~]{1,20}$/;

/** Expired files are kept this long (invisible) before they are removed for good. */
export const EXPIRED_FILE_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;

const bigint = { to: (v: number) => v, from: (v: string) => Number(v) };

function hashOwnershipToken(token: string): Buffer {
    return createHash("sha256").update(token, "utf8").digest();
}

/** A fresh ownership token: shown once to the owner, stored only as a hash. */
export function newOwnershipToken(): { token: string; hash: Buffer } {
    let token = "";
    for (let i = 0; i < OWNERSHIP_TOKEN_LENGTH; i++) token += OWNERSHIP_TOKEN_ALPHABET[randomInt(OWNERSHIP_TOKEN_ALPHABET.length)];
    return { token, hash: hashOwnershipToken(token) };
}

/** Who uploads or changes a file: an authenticated identity and its device. */
export interface FileAuthor {
    address: string;
    deviceId: string;
}

export interface NewFile {
    /** The id the upload reserved (its blob is stored under it). */
    id: string;
    createdBy: FileAuthor;
    ownerSignature: Buffer;
    cipherHash: Buffer;
    expiresAt: Date;
    encryptedProperties: Buffer;
    /** What the blob store received: its size and SHA-512. */
    content: { size: number; sha512: Buffer };
    now: Date;
}

/** What checking an ownership token found: the right token, a wrong one (nothing changes), or a wrong one that locked the file now. */
export type OwnershipValidation = "valid" | "invalid" | "lockedNow";

/** What a claim did: the caller owns the file now (with a new token), or it was refused (already the owner, locked, wrong token that locked it now). */
export type OwnershipClaim =
    { outcome: "claimed"; previousOwner: string; ownershipToken: string } | { outcome: "ownFile" | "locked" | "lockedNow" };

/** The metadata of an uploaded, encrypted file; its content is the blob stored under the file's id. */
@Entity({ name: "files" })
@Index("ix_files_created_by_created_at", ["createdBy", "createdAt"])
export class FileMetadata extends CreatedRecordColumns {
    @Column({ type: "timestamptz" })
    modifiedAt!: Date;

    @Column({ type: "varchar", length: 80 })
    modifiedBy!: string;

    @Column({ type: "varchar", length: 20 })
    modifiedByDevice!: string;

    @Index("ix_files_owner")
    @Column({ type: "varchar", length: 80 })
    owner!: string;

    @Column({ type: "bytea" })
    ownerSignature!: Buffer;

    @Column({ type: "bytea" })
    ownershipTokenHash!: Buffer;

    @Column({ type: "boolean", default: false })
    ownershipIsLocked!: boolean;

    @Column({ type: "timestamptz", nullable: true })
    lastOwnershipClaimAt!: Date | null;

    @Column({ type: "bigint", transformer: bigint })
    cipherSize!: number;

    @Column({ type: "bytea" })
    cipherHash!: Buffer;

    @Index("ix_files_expires_at")
    @Column({ type: "timestamptz" })
    expiresAt!: Date;

    @Column({ type: "bytea" })
    encryptedProperties!: Buffer;

    /**
     * A new file, owned by its uploader, with a fresh ownership token (returned once, stored as a hash). A cipher hash
     * of SHA-512's length must be the SHA-512 of the content the blob store received.
     */
    static create(input: NewFile): { file: FileMetadata; ownershipToken: string } {
        if (input.cipherHash.length === input.content.sha512.length && !input.cipherHash.equals(input.content.sha512)) {
            throw FilesErrors.cipherHashMismatch();
        }
        const ownership = newOwnershipToken();
        const file = Object.assign(new FileMetadata(), {
            id: input.id,
            createdAt: input.now,
            createdBy: input.createdBy.address,
            createdByDevice: input.createdBy.deviceId,
            modifiedAt: input.now,
            modifiedBy: input.createdBy.address,
            modifiedByDevice: input.createdBy.deviceId,
            owner: input.createdBy.address,
            ownerSignature: input.ownerSignature,
            ownershipTokenHash: ownership.hash,
            ownershipIsLocked: false,
            lastOwnershipClaimAt: null,
            cipherSize: input.content.size,
            cipherHash: input.cipherHash,
            expiresAt: input.expiresAt,
            encryptedProperties: input.encryptedProperties
        });
        return { file, ownershipToken: ownership.token };
    }

    /** Files that expired at or before this instant are kept no longer: housekeeping removes them (row, then blob). */
    static retentionCutoff(now: Date): Date {
        return new Date(now.getTime() - EXPIRED_FILE_RETENTION_MS);
    }

    /** Expired files are gone for everybody, the creator included. */
    isVisible(now: Date): boolean {
        return this.expiresAt.getTime() > now.getTime();
    }

    isOwnedBy(address: string): boolean {
        return this.owner === address;
    }

    /** Only the identity that uploaded a file deletes it (also when another owns it by now). */
    mayBeDeletedBy(address: string): boolean {
        return this.createdBy === address;
    }

    ownershipTokenMatches(token: string): boolean {
        const actual = hashOwnershipToken(token);
        return actual.length === this.ownershipTokenHash.length && timingSafeEqual(actual, this.ownershipTokenHash);
    }

    /** A locked file validates nothing; a wrong token from somebody other than the owner locks it. */
    validateOwnershipToken(address: string, token: string): OwnershipValidation {
        if (this.ownershipIsLocked) return "invalid";
        if (this.ownershipTokenMatches(token)) return "valid";
        if (this.isOwnedBy(address)) return "invalid";
        this.ownershipIsLocked = true;
        return "lockedNow";
    }

    /**
     * The caller becomes the owner with the right token of an unlocked file; the file gets a new ownership token. A
     * wrong token locks the file until the owner regenerates the token.
     */
    claimOwnership(by: FileAuthor, token: string, now: Date): OwnershipClaim {
        if (this.isOwnedBy(by.address)) return { outcome: "ownFile" };
        if (this.ownershipIsLocked) return { outcome: "locked" };
        if (!this.ownershipTokenMatches(token)) {
            this.ownershipIsLocked = true;
            return { outcome: "lockedNow" };
        }
        const previousOwner = this.owner;
        this.owner = by.address;
        this.lastOwnershipClaimAt = now;
        return { outcome: "claimed", previousOwner, ownershipToken: this.replaceOwnershipToken(by, now) };
    }

    /** A new ownership token (the owner's act): the old one stops working and the ownership is unlocked. */
    regenerateOwnershipToken(by: FileAuthor, now: Date): string {
        return this.replaceOwnershipToken(by, now);
    }

    private replaceOwnershipToken(by: FileAuthor, now: Date): string {
        const ownership = newOwnershipToken();
        this.ownershipTokenHash = ownership.hash;
        this.ownershipIsLocked = false;
        this.modifiedAt = now;
        this.modifiedBy = by.address;
        this.modifiedByDevice = by.deviceId;
        return ownership.token;
    }
}

/**
 * An upload in progress. Written before the first byte of content reaches the blob store and removed in the same
 * transaction that inserts the file's row, so every blob has either a file row or an upload row; stale uploads
 * (the process died mid-way) are cleaned up together with their blob.
 */
@Entity({ name: "file_uploads" })
export class FileUpload {
    @PrimaryColumn({ type: "varchar", length: 20 })
    id!: string;

    @Index("ix_file_uploads_started_at")
    @Column({ type: "timestamptz" })
    startedAt!: Date;

    @Column({ type: "varchar", length: 80 })
    startedBy!: string;
}
