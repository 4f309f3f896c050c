import { Inject, Injectable } from "@nestjs/common";
import { InjectDataSource } from "@nestjs/typeorm";
import type { DataSource } from "typeorm";

import type { Caller } from "../../core/auth/caller";
import { Clock } from "../../core/clock/clock";
import { ForbiddenError, notFound } from "../../core/errors/errors";
import { DomainEvents } from "../../core/events/domain-events";
import type { Page, PageRequest } from "../../core/http/pagination";
import { newId } from "../../core/ids/ids";
import { ANONYMOUS_TOKEN_MAX_LIFETIME_MS, hashTokenPassword, MAX_FAILED_PASSWORD_ATTEMPTS, Token } from "./token.entity";
import type { CreateTokenRequest, UpdateTokenContentRequest } from "./tokens.dto";
import { TokensErrors } from "./tokens.errors";
import { TokenLocked } from "./tokens.events";
import { TokensRepository } from "./tokens.repository";

/** A token as the Admin API lists it. */
export interface TokenMetadata {
    id: string;
    createdBy: string | null;
    createdByDevice: string | null;
    forIdentity: string | null;
    createdAt: string;
    expiresAt: string;
    /** Always null: the Admin API never shows contents. */
    content: null;
    isPasswordProtected: boolean;
}

/** Expired tokens are kept this long before housekeeping removes them. */
export const EXPIRED_TOKEN_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;

@Injectable()
export class TokensService {
    constructor(
        private readonly tokens: TokensRepository,
        private readonly domainEvents: DomainEvents,
        @InjectDataSource() private readonly dataSource: DataSource,
        @Inject(Clock) private readonly clock: Clock
    ) {}

    async createToken(caller: Caller | undefined, request: CreateTokenRequest): Promise<Token> {
        const now = this.clock.now();
        const content = request.content ?? null;
        if (!caller && content !== null) throw TokensErrors.anonymousContent();
        if (request.expiresAt.getTime() <= now.getTime()) throw TokensErrors.expiresAtNotInFuture();
        if (!caller && request.expiresAt.getTime() >= now.getTime() + ANONYMOUS_TOKEN_MAX_LIFETIME_MS)
            throw TokensErrors.anonymousLifetime();
        const token = Object.assign(new Token(), {
            id: newId("TOK"),
            createdBy: caller?.address ?? null,
            createdByDevice: caller?.deviceId ?? null,
            forIdentity: request.forIdentity ?? null,
            createdAt: now,
            expiresAt: request.expiresAt,
            content,
            passwordHash: request.password ? hashTokenPassword(request.password) : null,
            failedPasswordAttempts: 0
        });
        await this.tokens.insert(token);
        return token;
    }

    async getToken(caller: Caller | undefined, id: string, password: Buffer | undefined): Promise<Token> {
        const token = await this.tokens.find(id);
        if (!token) throw notFound("Token");
        const now = this.clock.now();
        const address = caller?.address;
        const hasAllocation = caller !== undefined && !token.isCreatedBy(address) && (await this.tokens.hasAllocation(id, caller.address));
        const access = token.access({ address, hasAllocation, password, now });
        switch (access) {
            case "granted":
                return token;
            case "grantedWithAllocation":
                await this.tokens.allocate(id, caller!.address, caller!.deviceId, now);
                return token;
            case "locked":
                throw TokensErrors.tooManyFailedPasswordAttempts();
            case "wrongPassword":
                throw await this.failedPasswordAttempt(token);
            case "notFound":
                throw notFound("Token");
        }
    }

    async listTokens(caller: Caller, ids: string[], page: PageRequest): Promise<Page<Token>> {
        return await this.tokens.pageVisibleTo(caller.address, ids, page);
    }

    async deleteToken(caller: Caller, id: string): Promise<void> {
        const token = await this.tokens.find(id);
        if (!token) throw notFound("Token");
        if (!token.isCreatedBy(caller.address)) throw new ForbiddenError();
        await this.tokens.delete(id);
    }

    /** Fills an empty token; the caller becomes its creator. */
    async updateTokenContent(caller: Caller, id: string, request: UpdateTokenContentRequest): Promise<Token> {
        const token = await this.tokens.find(id);
        if (!token) throw notFound("Token");
        switch (token.contentUpdate(caller.address, request.password ?? undefined, this.clock.now())) {
            case "notFound":
                throw notFound("Token");
            case "locked":
                throw TokensErrors.tooManyFailedPasswordAttempts();
            case "wrongPassword":
                throw await this.failedPasswordAttempt(token);
            case "hasContent":
                throw TokensErrors.contentAlreadyExists();
            case "allowed":
                break;
        }
        const filled = await this.dataSource.transaction(
            async (manager) => await this.tokens.fillContent(manager, id, request.newContent, caller.address, caller.deviceId)
        );
        if (!filled) {
            if (!(await this.tokens.find(id))) throw notFound("Token");
            throw TokensErrors.contentAlreadyExists();
        }
        return Object.assign(token, { content: request.newContent, createdBy: caller.address, createdByDevice: caller.deviceId });
    }

    /** Housekeeping: removes tokens 30 days after they expired, in batches; returns how many. */
    /** What an operator may see of the tokens an identity created: metadata only, never the content or password. */
    async listTokensCreatedBy(address: string, page: PageRequest): Promise<Page<TokenMetadata>> {
        return (await this.tokens.pageCreatedBy(address, page)).map((t) => ({
            id: t.id,
            createdBy: t.createdBy,
            createdByDevice: t.createdByDevice,
            forIdentity: t.forIdentity,
            createdAt: t.createdAt.toISOString(),
            expiresAt: t.expiresAt.toISOString(),
            content: null,
            isPasswordProtected: t.passwordHash !== null && t.passwordHash.length > 0
        }));
    }

    /** Lets a token locked by failed password attempts be fetched again (Admin API). */
    async resetAccessFailedCount(id: string): Promise<void> {
        if (!(await this.tokens.resetFailedPasswordAttempts(id))) throw notFound("Token");
    }

    async removeExpired(): Promise<number> {
        const before = new Date(this.clock.now().getTime() - EXPIRED_TOKEN_RETENTION_MS);
        let removed = 0;
        for (;;) {
            const count = await this.tokens.deleteExpired(before, 1000);
            removed += count;
            if (count < 1000) return removed;
        }
    }

    /**
     * Counts a wrong password and returns the error to answer: 404, or "locked" when this attempt locked the token
     * (then the creator learns it through a TokenLocked event, written in the same transaction).
     */
    private async failedPasswordAttempt(token: Token): Promise<Error> {
        const creator = token.createdBy;
        const attempts = await this.dataSource.transaction(async (manager) => {
            const count = await this.tokens.countFailedPasswordAttempt(manager, token.id);
            if (count === MAX_FAILED_PASSWORD_ATTEMPTS && creator !== null)
                await this.domainEvents.publish(manager, new TokenLocked(token.id, creator));
            return count;
        });
        if (attempts === undefined || attempts >= MAX_FAILED_PASSWORD_ATTEMPTS) return TokensErrors.tooManyFailedPasswordAttempts();
        return notFound("Token");
    }
}
