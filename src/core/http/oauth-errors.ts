import { RouteConfig } from "@nestjs/platform-fastify";
import type { FastifyRequest } from "fastify";

const OAUTH_ERRORS = "oauthErrors";

/**
 * The route is an OAuth 2.0 token endpoint: a request it cannot even parse (a malformed form body, a refused key)
 * is answered like any other bad token request, 400 `{error: "invalid_request", error_description}` (RFC 6749,
 * 5.2), instead of the platform's error envelope.
 */
export const OAuthErrorResponses = (): MethodDecorator => RouteConfig({ [OAUTH_ERRORS]: true });

export function rendersOAuthErrors(request: FastifyRequest | undefined): boolean {
    const config = request?.routeOptions?.config as Record<string, unknown> | undefined;
    return config?.[OAUTH_ERRORS] === true;
}
