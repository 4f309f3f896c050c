import { createHash, timingSafeEqual } from "node:crypto";

import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from "typeorm";

import { newId } from "../../core/ids/ids";
import { TokensErrors } from "./tokens.errors";

/** A token is locked for everybody but its creator and allocated identities after this many wrong passwords. */
export const MAX_FAILED_PASSWORD_ATTEMPTS = 100;
/** Anonymous callers may create tokens that live at most this long. */
export const ANONYMOUS_TOKEN_MAX_LIFETIME_MS = 5 * 60 * 1000;
/** Expired tokens are kept this long before housekeeping removes them. */
export const EXPIRED_TOKEN_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;

/** Passwords arrive already hashed by the client; they are stored hashed once more so a leaked row does not open the token. */
export function hashTokenPassword(password: Buffer): Buffer {
    return createHash("sha256").update(password).digest();
}

/** Who creates or fills a token: an authenticated identity and its device. */
export interface TokenAuthor {
    address: string;
    deviceId: string;
}

export interface NewToken {
    /** Undefined for an anonymous caller. */
    createdBy: TokenAuthor | undefined;
    content: Buffer | null;
    expiresAt: Date;
    forIdentity: string | null;
    password: Buffer | null;
    now: Date;
}

export type TokenAccess = "granted" | "grantedWithAllocation" | "notFound" | "locked" | "wrongPassword";

export interface TokenAccessRequest {
    /** The caller's address, undefined for anonymous callers. */
    address?: string;
    hasAllocation: boolean;
    password?: Buffer;
    now: Date;
}

export type ContentUpdate = "allowed" | "notFound" | "locked" | "wrongPassword" | "hasContent";

/** What one more wrong password did: counted it (answer as for any wrong password), locked the token now, or found it locked. */
export type FailedPasswordAttempt = "counted" | "lockedNow" | "wasLocked";

/**
 * An encrypted record shared out of band by its id (and optionally a password). It decides who may read or fill it
 * (expiry, personalisation, password, lock); the repository only stores what it decided.
 */
@Entity({ name: "tokens" })
export class Token {
    @PrimaryColumn({ type: "varchar", length: 20 })
    id!: string;

    @Index("ix_tokens_created_by")
    @Column({ type: "varchar", length: 80, nullable: true })
    createdBy!: string | null;

    @Column({ type: "varchar", length: 20, nullable: true })
    createdByDevice!: string | null;

    @Column({ type: "varchar", length: 80, nullable: true })
    forIdentity!: string | null;

    @Column({ type: "timestamptz" })
    createdAt!: Date;

    @Index("ix_tokens_expires_at")
    @Column({ type: "timestamptz" })
    expiresAt!: Date;

    @Column({ type: "bytea", nullable: true })
    content!: Buffer | null;

    @Column({ type: "bytea", nullable: true })
    passwordHash!: Buffer | null;

    @Column({ type: "integer", default: 0 })
    failedPasswordAttempts!: number;

    /**
     * A new token. Anonymous callers may only create empty tokens (content comes later, by UpdateContent) that expire
     * within five minutes; that the expiry lies in the future is checked at the edge (`@DateProperty({ future: true })`).
     */
    static create(input: NewToken): Token {
        if (!input.createdBy && input.content !== null) throw TokensErrors.anonymousContent();
        if (!input.createdBy && input.expiresAt.getTime() >= input.now.getTime() + ANONYMOUS_TOKEN_MAX_LIFETIME_MS) {
            throw TokensErrors.anonymousLifetime();
        }
        return Object.assign(new Token(), {
            id: newId("TOK"),
            createdBy: input.createdBy?.address ?? null,
            createdByDevice: input.createdBy?.deviceId ?? null,
            forIdentity: input.forIdentity,
            createdAt: input.now,
            expiresAt: input.expiresAt,
            content: input.content,
            passwordHash: input.password ? hashTokenPassword(input.password) : null,
            failedPasswordAttempts: 0
        });
    }

    /** Tokens that expired at or before this instant are kept no longer: housekeeping removes them. */
    static retentionCutoff(now: Date): Date {
        return new Date(now.getTime() - EXPIRED_TOKEN_RETENTION_MS);
    }

    get isPasswordProtected(): boolean {
        return this.passwordHash !== null;
    }

    get isLocked(): boolean {
        return this.failedPasswordAttempts >= MAX_FAILED_PASSWORD_ATTEMPTS;
    }

    isExpired(now: Date): boolean {
        return this.expiresAt.getTime() < now.getTime();
    }

    isCreatedBy(address: string | undefined): boolean {
        return this.createdBy === (address ?? null);
    }

    passwordMatches(password: Buffer | undefined): boolean {
        if (this.passwordHash === null) return true;
        if (password === undefined) return false;
        const actual = hashTokenPassword(password);
        return actual.length === this.passwordHash.length && timingSafeEqual(actual, this.passwordHash);
    }

    /** A token for a specific identity is hidden from everybody else (an anonymous caller never matches). */
    isHiddenFrom(address: string | undefined): boolean {
        return this.forIdentity !== null && this.forIdentity !== address && !this.isCreatedBy(address);
    }

    /**
     * Who may read the token, in the order of the wire contract: the creator; an identity that already holds an
     * allocation; then expiry, lock, personalisation and password; finally authenticated readers get an allocation.
     */
    access(request: TokenAccessRequest): TokenAccess {
        if (this.isCreatedBy(request.address)) return "granted";
        if (request.address !== undefined && request.hasAllocation) return "granted";
        if (this.isExpired(request.now)) return "notFound";
        if (this.isLocked) return "locked";
        if (this.isHiddenFrom(request.address)) return "notFound";
        if (!this.passwordMatches(request.password)) return "wrongPassword";
        return request.address === undefined ? "granted" : "grantedWithAllocation";
    }

    /** The rules for filling an empty token (content comes later). */
    contentUpdate(address: string, password: Buffer | undefined, now: Date): ContentUpdate {
        if (this.isExpired(now)) return "notFound";
        if (this.isLocked) return "locked";
        if (this.isHiddenFrom(address)) return "notFound";
        if (!this.passwordMatches(password)) return "wrongPassword";
        if (this.content !== null) return "hasContent";
        return "allowed";
    }

    /** Fills an empty token: whoever fills it becomes its creator. */
    fill(content: Buffer, by: TokenAuthor): void {
        this.content = content;
        this.createdBy = by.address;
        this.createdByDevice = by.deviceId;
    }

    /**
     * Takes note of one more wrong password. The database counts it (concurrent attempts must not be lost) and answers
     * the count after this attempt, or undefined when the token was locked already (or is gone).
     */
    registerFailedPasswordAttempt(attemptsNow: number | undefined): FailedPasswordAttempt {
        if (attemptsNow === undefined) return "wasLocked";
        this.failedPasswordAttempts = attemptsNow;
        if (attemptsNow === MAX_FAILED_PASSWORD_ATTEMPTS) return "lockedNow";
        return attemptsNow > MAX_FAILED_PASSWORD_ATTEMPTS ? "wasLocked" : "counted";
    }
}

/** An authenticated identity that has read a token; it keeps access even after expiry. */
@Entity({ name: "token_allocations" })
@Index("ix_token_allocations_address", ["address"])
export class TokenAllocation {
    @PrimaryColumn({ type: "varchar", length: 20 })
    tokenId!: string;

    @PrimaryColumn({ type: "varchar", length: 80 })
    address!: string;

    @Column({ type: "varchar", length: 20 })
    deviceId!: string;

    @Column({ type: "timestamptz" })
    allocatedAt!: Date;

    @ManyToOne(() => Token, { onDelete: "CASCADE" })
    @JoinColumn({ name: "token_id" })
    token?: Token;
}
