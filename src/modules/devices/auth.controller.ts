import { type ArgumentsHost, Body, Catch, Controller, type ExceptionFilter, HttpCode, Post, Res, UseFilters } from "@nestjs/common";
import { ApiBody, ApiConsumes, ApiExtraModels, ApiOperation, ApiResponse, ApiTags, getSchemaPath } from "@nestjs/swagger";
import type { FastifyReply } from "fastify";

import { Public } from "../../core/auth/caller";
import { ApiError } from "../../core/errors/errors";
import { renderError, sendRendered } from "../../core/http/exception.filter";
import { RawResponse } from "../../core/http/raw-response";
import { AnonymousRateLimit } from "../../core/rate-limit/rate-limit";
import { OAuthErrorResponse, TokenRequest, TokenResponse } from "./auth.dto";
import { AuthService, OAuthError } from "./auth.service";

/** Input the shared validation refuses (e.g. a NUL character in a field) is an OAuth `invalid_request` here. */
@Catch(ApiError)
class OAuthInvalidRequestFilter implements ExceptionFilter {
    catch(error: ApiError, host: ArgumentsHost): void {
        const reply = host.switchToHttp().getResponse<FastifyReply>();
        if (error.status !== 400) return sendRendered(reply, renderError(error));
        reply
            .status(400)
            .header("cache-control", "no-store")
            .header("content-type", "application/json; charset=utf-8")
            .send({ error: "invalid_request", error_description: error.message });
    }
}

@ApiTags("Authentication")
@ApiExtraModels(OAuthErrorResponse)
@Controller("connect")
export class AuthController {
    constructor(private readonly auth: AuthService) {}

    @Post("token")
    @HttpCode(200)
    @Public()
    @AnonymousRateLimit("connectToken")
    @RawResponse()
    @UseFilters(OAuthInvalidRequestFilter)
    @ApiOperation({
        summary: "Get an access token",
        description: "OAuth2 password grant (form-encoded) with the OAuth client's credentials and a device's username and password."
    })
    @ApiConsumes("application/x-www-form-urlencoded")
    @ApiBody({ type: TokenRequest })
    @ApiResponse({ status: 200, type: TokenResponse, description: "The access token (no envelope)." })
    @ApiResponse({
        status: 400,
        description: "Wrong username or password, locked out, or a malformed request.",
        schema: { $ref: getSchemaPath(OAuthErrorResponse) }
    })
    @ApiResponse({
        status: 401,
        description: "Unknown client or wrong client secret.",
        schema: { $ref: getSchemaPath(OAuthErrorResponse) }
    })
    async requestAccessToken(
        @Body() form: unknown,
        @Res({ passthrough: true }) reply: FastifyReply
    ): Promise<TokenResponse | OAuthErrorResponse> {
        reply.header("cache-control", "no-store");
        try {
            return await this.auth.issueToken(form !== null && typeof form === "object" ? (form as Record<string, unknown>) : {});
        } catch (error) {
            if (!(error instanceof OAuthError)) throw error;
            reply.status(error.status);
            return { error: error.error, error_description: error.description };
        }
    }
}
