import { createHash, randomInt, timingSafeEqual } from "node:crypto";

import { Column, Entity, Index, PrimaryColumn } from "typeorm";

const OWNERSHIP_TOKEN_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!@#$%^&*()_-+=<>?/{}[]|~";
export const OWNERSHIP_TOKEN_LENGTH = 20;
/** What a client may send as an ownership token: 1..20 characters of the token alphabet. */
export const OWNERSHIP_TOKEN_PATTERN = /^[A-Za-z0-9!@#$%^&*()_\-+=<>?/{}[\]|~]{1,20}$/;

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

export type OwnershipValidation = { isValid: boolean; lock: boolean };
export type OwnershipClaim = "ownFile" | "locked" | "wrongToken" | "claimed";

/** The metadata of an uploaded, encrypted file; its content is the blob stored under the file's id. */
@Entity({ name: "files" })
@Index("ix_files_created_by_created_at", ["createdBy", "createdAt"])
export class FileMetadata {
    @PrimaryColumn({ type: "varchar", length: 20 })
    id!: string;

    @Column({ type: "timestamptz" })
    createdAt!: Date;

    @Column({ type: "varchar", length: 80 })
    createdBy!: string;

    @Column({ type: "varchar", length: 20 })
    createdByDevice!: string;

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

    /** Expired files are gone for everybody, the creator included. */
    isVisible(now: Date): boolean {
        return this.expiresAt.getTime() > now.getTime();
    }

    isOwnedBy(address: string): boolean {
        return this.owner === address;
    }

    ownershipTokenMatches(token: string): boolean {
        const actual = hashOwnershipToken(token);
        return actual.length === this.ownershipTokenHash.length && timingSafeEqual(actual, this.ownershipTokenHash);
    }

    /** A locked file validates nothing; a wrong token from somebody other than the owner locks it. */
    validateOwnershipToken(address: string, token: string): OwnershipValidation {
        if (this.ownershipIsLocked) return { isValid: false, lock: false };
        if (this.ownershipTokenMatches(token)) return { isValid: true, lock: false };
        return { isValid: false, lock: !this.isOwnedBy(address) };
    }

    claimOwnership(address: string, token: string): OwnershipClaim {
        if (this.isOwnedBy(address)) return "ownFile";
        if (this.ownershipIsLocked) return "locked";
        if (!this.ownershipTokenMatches(token)) return "wrongToken";
        return "claimed";
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
