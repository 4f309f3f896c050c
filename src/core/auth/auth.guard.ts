import { type ExecutionContext, Injectable, UnauthorizedException } from "@nestjs/common";
import { Reflector } from "@nestjs/core";
import { AuthGuard } from "@nestjs/passport";
import type { FastifyError, FastifyInstance } from "fastify";
import passport from "passport";

import { announcesBody, routePolicyOf } from "../http/route-policy";
import { BEARER_STRATEGY } from "./bearer-token.strategy";
import { AUTH_MODE, type AuthMode, type Caller, type RequestWithCaller } from "./caller";

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
        // Authenticated already before its body was read (registerEarlyAuthentication).
        if (context.switchToHttp().getRequest<RequestWithCaller>().caller) return true;
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
 * Authenticates a request with a body for a route that needs a bearer token as soon as its headers have arrived, with
 * the same passport strategy as the guard, and answers 401 before the body is read when the token is missing or
 * invalid (the response closes the connection instead of reading the rest of the body). The caller it authenticates
 * stays on the request, so the guard does not verify the token a second time.
 */
export function registerEarlyAuthentication(fastify: FastifyInstance): void {
    fastify.addHook("onRequest", (request, reply, done) => {
        if (routePolicyOf(request)?.authMode !== "required" || !announcesBody(request)) return done();
        const authenticate = passport.authenticate(BEARER_STRATEGY, AUTHENTICATE_OPTIONS, (error: unknown, caller: Caller | false) => {
            if (error || !caller) return done(new UnauthorizedException() as unknown as FastifyError);
            (request as unknown as RequestWithCaller).caller = caller;
            done();
        }) as (request: unknown, response: unknown, next: (error?: unknown) => void) => void;
        authenticate(request, reply, (error) => done(error as FastifyError | undefined));
    });
}
