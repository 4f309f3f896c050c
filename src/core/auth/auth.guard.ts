import { type ExecutionContext, Injectable, UnauthorizedException } from "@nestjs/common";
import { Reflector } from "@nestjs/core";
import { AuthGuard } from "@nestjs/passport";
import type { FastifyError, FastifyInstance } from "fastify";

import { announcesBody, routePolicyOf } from "../http/route-policy";
import { type AccessTokens, bearerTokenOf } from "./access-tokens";
import { BEARER_STRATEGY } from "./bearer-token.strategy";
import { AUTH_MODE, type AuthMode, type Caller } from "./caller";

/** Passport puts the authenticated caller on `request.caller`; nothing is kept in a session. */
const AUTHENTICATE_OPTIONS = { session: false, property: "caller" };

/**
 * Global guard: every route authenticates its bearer token through passport (BearerTokenStrategy) unless marked
 * public (`auth: "none"`, `@Public()`); without a valid token a `required` route answers 401 and an `optional` one runs
 * anonymously.
 */
@Injectable()
export class BearerAuthGuard extends AuthGuard(BEARER_STRATEGY) {
    constructor(private readonly reflector: Reflector) {
        super();
    }

    override async canActivate(context: ExecutionContext): Promise<boolean> {
        if (this.modeOf(context) === "none") return true;
        return (await super.canActivate(context)) as boolean;
    }

    override getAuthenticateOptions(): typeof AUTHENTICATE_OPTIONS {
        return AUTHENTICATE_OPTIONS;
    }

    override handleRequest<T = Caller | undefined>(
        _error: unknown,
        caller: Caller | false | null,
        _info: unknown,
        context: ExecutionContext
    ): T {
        if (caller) return caller as T;
        if (this.modeOf(context) === "required") throw new UnauthorizedException();
        return undefined as T;
    }

    private modeOf(context: ExecutionContext): AuthMode {
        return this.reflector.getAllAndOverride<AuthMode | undefined>(AUTH_MODE, [context.getHandler(), context.getClass()]) ?? "required";
    }
}

/**
 * Answers 401 to a request with a body for a route that needs a bearer token, when the token is missing or invalid,
 * before the body is read (the guard above decides the same later, but only once the body has arrived). It verifies
 * with the same key and options as the passport strategy. The response closes the connection instead of reading the
 * rest of the body.
 */
export function registerEarlyAuthentication(fastify: FastifyInstance, tokens: AccessTokens): void {
    fastify.addHook("onRequest", (request, _reply, done) => {
        if (routePolicyOf(request)?.authMode !== "required" || !announcesBody(request)) return done();
        const token = bearerTokenOf(request.headers.authorization);
        done(!token || !tokens.verify(token) ? (new UnauthorizedException() as unknown as FastifyError) : undefined);
    });
}
