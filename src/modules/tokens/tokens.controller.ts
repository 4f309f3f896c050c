import { Body, Controller, Param, Query, Res } from "@nestjs/common";
import { ApiTags } from "@nestjs/swagger";
import type { FastifyReply } from "fastify";

import { type Caller, CurrentCaller, OptionalCaller } from "../../core/auth/caller";
import { Endpoint, onRecord, pageOf } from "../../core/http/endpoint";
import type { Page } from "../../core/http/pagination";
import { Paging } from "../../core/http/paging";
import { base64BodyLimit } from "../../core/http/route-policy";
import { EnforceQuota } from "../../core/quotas/quota-enforcement";
import { AnonymousRateLimit } from "../../core/rate-limit/rate-limit";
import {
    CreateTokenRequest,
    CreateTokenResponse,
    GetTokenQuery,
    ListTokensQuery,
    MAX_TOKEN_CONTENT_BYTES,
    TokenDto,
    TokenIdParams,
    UpdateTokenContentRequest,
    UpdateTokenContentResponse
} from "./tokens.dto";
import { TokensService } from "./tokens.service";

/** The Consumer API of tokens: translates HTTP to one service call per route and maps the result to its DTO. */
@ApiTags("Tokens")
@Controller("api/v2/Tokens")
export class TokensController {
    constructor(
        private readonly tokens: TokensService,
        private readonly paging: Paging
    ) {}

    @Endpoint({
        method: "POST",
        auth: "optional",
        summary: "Create a token",
        description: "Anonymous callers may only create empty tokens (no content) that expire within five minutes.",
        result: CreateTokenResponse,
        errors: [400],
        bodyLimit: base64BodyLimit(MAX_TOKEN_CONTENT_BYTES)
    })
    @EnforceQuota("NumberOfTokens")
    @AnonymousRateLimit("tokens", { exemptAuthenticated: true })
    async createToken(
        @OptionalCaller() caller: Caller | undefined,
        @Body() request: CreateTokenRequest,
        @Res({ passthrough: true }) reply: FastifyReply
    ): Promise<CreateTokenResponse> {
        const token = await this.tokens.createToken(caller, request);
        reply.header("location", `/api/v2/Tokens/${token.id}`);
        return CreateTokenResponse.from(token);
    }

    @Endpoint({
        ...pageOf(TokenDto),
        summary: "List tokens by id",
        description: "Only tokens the caller created or has read before; expiry is not checked."
    })
    async listTokens(@CurrentCaller() caller: Caller, @Query() query: ListTokensQuery): Promise<Page<TokenDto>> {
        const page = await this.tokens.listTokens(caller, query.ids, this.paging.request(query));
        return page.map((token) => TokenDto.from(token));
    }

    @Endpoint({
        method: "GET",
        path: ":id",
        auth: "optional",
        summary: "Get a token",
        description:
            "Anonymous or authenticated. Expired, personalised for someone else, or a wrong password: 404. An authenticated reader keeps access (allocation).",
        result: TokenDto,
        errors: [400, 404]
    })
    @AnonymousRateLimit("tokens", { exemptAuthenticated: true })
    async getToken(
        @OptionalCaller() caller: Caller | undefined,
        @Param() params: TokenIdParams,
        @Query() query: GetTokenQuery
    ): Promise<TokenDto> {
        return TokenDto.from(await this.tokens.getToken(caller, params.id, query.password));
    }

    @Endpoint({
        method: "DELETE",
        path: ":id",
        summary: "Delete a token the caller created",
        result: "none",
        errors: [400, 401, 403, 404]
    })
    async deleteToken(@CurrentCaller() caller: Caller, @Param() params: TokenIdParams): Promise<void> {
        await this.tokens.deleteToken(caller, params.id);
    }

    @Endpoint({
        ...onRecord("POST", "UpdateContent"),
        status: 200,
        summary: "Fill an empty token",
        description: "The caller becomes the token's creator.",
        result: UpdateTokenContentResponse,
        bodyLimit: base64BodyLimit(MAX_TOKEN_CONTENT_BYTES)
    })
    async updateTokenContent(
        @CurrentCaller() caller: Caller,
        @Param() params: TokenIdParams,
        @Body() request: UpdateTokenContentRequest
    ): Promise<UpdateTokenContentResponse> {
        return UpdateTokenContentResponse.from(await this.tokens.updateTokenContent(caller, params.id, request));
    }
}
