import { Inject, Injectable } from "@nestjs/common";

import type { Caller } from "../../core/auth/caller";
import { Clock } from "../../core/clock/clock";
import { Transactions } from "../../core/database/transactions";
import { ForbiddenError, notFound } from "../../core/errors/errors";
import { DomainEvents } from "../../core/events/domain-events";
import type { Page, PageRequest } from "../../core/http/pagination";
import { Token } from "./token.entity";
import type { CreateTokenRequest, UpdateTokenContentRequest } from "./tokens.dto";
import { TokensErrors } from "./tokens.errors";
import { TokenLocked } from "./tokens.events";
import { TokensRepository } from "./tokens.repository";

/** A token as the Admin API lists it (a read model for another module: metadata only, never the content or password). */
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

/**
 * The use cases of tokens, one method each, in the same sequence: resolve the caller → load or 404 → let the token
 * decide → persist through the repository → publish domain events (in the transaction) → return the entity, which the
 * controller maps to its DTO.
 */
@Injectable()
export class TokensService {
    constructor(
        private readonly tokens: TokensRepository,
        private readonly transactions: Transactions,
        private readonly events: DomainEvents,
        @Inject(Clock) private readonly clock: Clock
    ) {}

    async createToken(caller: Caller | undefined, request: CreateTokenRequest): Promise<Token> {
        const token = Token.create({
            createdBy: caller,
            content: request.content ?? null,
            expiresAt: request.expiresAt,
            forIdentity: request.forIdentity ?? null,
            password: request.password ?? null,
            now: this.clock.now()
        });
        await this.tokens.insert(token);
        return token;
    }

    /** Reading a token allocates it to an authenticated reader; a wrong password counts towards its lock. */
    async getToken(caller: Caller | undefined, id: string, password: Buffer | undefined): Promise<Token> {
        const token = await this.tokens.find(id);
        if (!token) throw notFound("Token");
        const now = this.clock.now();
        const hasAllocation =
            caller !== undefined && !token.isCreatedBy(caller.address) && (await this.tokens.hasAllocation(id, caller.address));
        switch (token.access({ address: caller?.address, hasAllocation, password, now })) {
            case "granted":
                return token;
            case "grantedWithAllocation":
                await this.tokens.allocate(id, caller!, now);
                return token;
            case "locked":
                throw TokensErrors.tooManyFailedPasswordAttempts();
            case "wrongPassword":
                throw await this.countFailedPasswordAttempt(token);
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
                throw await this.countFailedPasswordAttempt(token);
            case "hasContent":
                throw TokensErrors.contentAlreadyExists();
            case "allowed":
                break;
        }
        // Only an empty token is filled: when another request filled it meanwhile, nothing is written.
        if (!(await this.tokens.fillContent(id, request.newContent, caller))) {
            if (!(await this.tokens.find(id))) throw notFound("Token");
            throw TokensErrors.contentAlreadyExists();
        }
        token.fill(request.newContent, caller);
        return token;
    }

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

    /**
     * Counts a wrong password and returns the error to answer: 404, or "locked" once the token is locked. The attempt
     * that locks it publishes TokenLocked in the same transaction (synchronization tells the creator).
     */
    private async countFailedPasswordAttempt(token: Token): Promise<Error> {
        return await this.transactions.run(async (manager) => {
            const attempt = token.registerFailedPasswordAttempt(await this.tokens.countFailedPasswordAttempt(manager, token.id));
            if (attempt === "lockedNow" && token.createdBy !== null)
                await this.events.publish(manager, new TokenLocked(token.id, token.createdBy));
            return attempt === "counted" ? notFound("Token") : TokensErrors.tooManyFailedPasswordAttempts();
        });
    }
}
