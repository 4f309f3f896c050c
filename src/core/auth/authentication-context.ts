import type { FastifyInstance, FastifyRequest } from "fastify";

import type { AccessTokens } from "./access-tokens";

const CONTEXT = "backboneAuthentication";

/**
 * What the passport strategies need of the application a request belongs to. Passport keeps its strategies per
 * process, while a process may run several applications (the tests do, each with its own key); so the strategies hold
 * no state and read it from the request's server, where configureApp puts it.
 */
export interface AuthenticationContext {
    accessTokens: AccessTokens;
    /** ADMIN_API_KEY; undefined when the Admin API is off. */
    adminApiKey: string | undefined;
}

/**
 * The request properties that authentication writes: passport's request helpers, its `authInfo`, and what the guards
 * put there (`caller`, `operator`). Declared up front, every request object has them from its construction, so the
 * writes of an authenticated request do not change its shape (which made every later access to a request slower).
 */
const REQUEST_PROPERTIES = [
    "caller",
    "operator",
    "authInfo",
    "login",
    "logIn",
    "logout",
    "logOut",
    "isAuthenticated",
    "isUnauthenticated",
    "_sessionManager"
];

export function provideAuthenticationContext(fastify: FastifyInstance, context: AuthenticationContext): void {
    fastify.decorate(CONTEXT, context);
    for (const name of REQUEST_PROPERTIES) fastify.decorateRequest(name, undefined);
}

export function authenticationContextOf(request: FastifyRequest): AuthenticationContext {
    const context = (request.server as unknown as Record<string, AuthenticationContext | undefined>)[CONTEXT];
    if (!context) throw new Error("authentication context missing: configureApp provides it");
    return context;
}
