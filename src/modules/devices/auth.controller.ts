import { Body, Controller, Headers, Res } from "@nestjs/common";
import { ApiBody, ApiConsumes, ApiExtraModels, ApiResponse, ApiSecurity, ApiTags, getSchemaPath } from "@nestjs/swagger";
import type { FastifyReply } from "fastify";

import { Endpoint } from "../../core/http/endpoint";
import { OAuthErrorResponses } from "../../core/http/oauth-errors";
import { CLIENT_BASIC_SCHEME } from "../../core/http/openapi";
import { RawResponse } from "../../core/http/raw-response";
import { AnonymousRateLimit } from "../../core/rate-limit/rate-limit";
import { OAuthErrorResponse, TokenRequest, TokenResponse } from "./auth.dto";
import { AuthService, OAuthError } from "./auth.service";

/** The token endpoint: a device logs in with its username and password (OAuth2 password grant). */
@ApiTags("Authentication")
@ApiExtraModels(OAuthErrorResponse)
@Controller("connect")
export class AuthController {
    constructor(private readonly auth: AuthService) {}

    @Endpoint({
        method: "POST",
        path: "token",
        status: 200,
        auth: "none",
        summary: "Get an access token",
        description:
            "OAuth2 password grant (form-encoded) with a device's username and password. The OAuth client authenticates with " +
            "`client_id` and `client_secret` in the form or with HTTP Basic (RFC 6749 §2.3.1: both form-urlencoded, joined by `:`, " +
            "base64); both at once must agree."
    })
    @AnonymousRateLimit("connectToken")
    @RawResponse()
    @ApiSecurity(CLIENT_BASIC_SCHEME)
    @OAuthErrorResponses()
    @ApiConsumes("application/x-www-form-urlencoded")
    @ApiBody({ type: TokenRequest })
    @ApiResponse({ status: 200, type: TokenResponse, description: "The access token (no envelope)." })
    @ApiResponse({
        status: 400,
        description:
            "Wrong username or password, locked out, or a malformed request (e.g. client credentials of the form and the Authorization header that differ).",
        schema: { $ref: getSchemaPath(OAuthErrorResponse) }
    })
    @ApiResponse({
        status: 401,
        description: "Unknown client or wrong client secret (with `WWW-Authenticate: Basic` when the client used HTTP Basic).",
        schema: { $ref: getSchemaPath(OAuthErrorResponse) }
    })
    async requestAccessToken(
        @Body() form: unknown,
        @Headers("authorization") authorization: string | undefined,
        @Res({ passthrough: true }) reply: FastifyReply
    ): Promise<TokenResponse | OAuthErrorResponse> {
        reply.header("cache-control", "no-store");
        try {
            const fields = form !== null && typeof form === "object" ? (form as Record<string, unknown>) : {};
            return TokenResponse.from(await this.auth.issueToken(fields, authorization));
        } catch (error) {
            if (!(error instanceof OAuthError)) throw error;
            reply.status(error.status);
            if (error.status === 401 && error.challenge) reply.header("www-authenticate", error.challenge);
            return { error: error.error, error_description: error.description };
        }
    }
}
