import { type CanActivate, type ExecutionContext, Injectable, UnauthorizedException } from "@nestjs/common";
import { Reflector } from "@nestjs/core";
import type { FastifyInstance } from "fastify";

import { announcesBody, routePolicyOf } from "../http/route-policy";
import { AccessTokens } from "./access-tokens";
import { AUTH_MODE, type AuthMode, type Caller, type RequestWithCaller } from "./caller";

/** The caller of an `Authorization: Bearer <token>` header, or undefined when it is missing or not valid. */
export function callerOfAuthorization(header: string | string[] | undefined, tokens: AccessTokens): Caller | undefined {
    const match = typeof header === "string" ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    return match ? tokens.verify(match[1]!) : undefined;
}

/** Global guard: every route needs a valid bearer token unless marked @Public() or @OptionalAuth(). */
@Injectable()
export class BearerAuthGuard implements CanActivate {
    constructor(
        private readonly reflector: Reflector,
        private readonly tokens: AccessTokens
    ) {}

    canActivate(context: ExecutionContext): boolean {
        const mode =
            this.reflector.getAllAndOverride<AuthMode | undefined>(AUTH_MODE, [context.getHandler(), context.getClass()]) ?? "required";
        if (mode === "none") return true;
        const request = context.switchToHttp().getRequest<RequestWithCaller & { headers: Record<string, string | undefined> }>();
        const caller = callerOfAuthorization(request.headers.authorization, this.tokens);
        if (caller) request.caller = caller;
        if (!caller && mode === "required") throw new UnauthorizedException();
        return true;
    }
}

/**
 * Answers 401 to a request with a body for a route that needs a bearer token, when the token is missing or invalid,
 * before the body is read (the guard above decides the same later, but only once the body has arrived). The
 * response closes the connection instead of reading the rest of the body.
 */
export function registerEarlyAuthentication(fastify: FastifyInstance, tokens: AccessTokens): void {
    fastify.addHook("onRequest", async (request) => {
        if (routePolicyOf(request)?.authMode !== "required" || !announcesBody(request)) return;
        if (!callerOfAuthorization(request.headers.authorization, tokens)) throw new UnauthorizedException();
    });
}
