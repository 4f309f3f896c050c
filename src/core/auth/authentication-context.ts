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

export function provideAuthenticationContext(fastify: FastifyInstance, context: AuthenticationContext): void {
    fastify.decorate(CONTEXT, context);
}

export function authenticationContextOf(request: FastifyRequest): AuthenticationContext {
    const context = (request.server as unknown as Record<string, AuthenticationContext | undefined>)[CONTEXT];
    if (!context) throw new Error("authentication context missing: configureApp provides it");
    return context;
}
