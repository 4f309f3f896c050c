import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Res } from "@nestjs/common";
import { ApiBearerAuth, ApiOperation, ApiTags } from "@nestjs/swagger";
import type { FastifyReply } from "fastify";

import { type Caller, CurrentCaller, OptionalAuth, OptionalCaller } from "../../core/auth/caller";
import { ApiErrors, ApiNoContent, ApiPagedResult, ApiResult } from "../../core/http/openapi";
import type { Page } from "../../core/http/pagination";
import { Paging } from "../../core/http/paging";
import { base64BodyLimit, BodyLimit } from "../../core/http/route-policy";
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

@ApiTags("Tokens")
@ApiBearerAuth()
@Controller("api/v2/Tokens")
export class TokensController {
    constructor(
        private readonly tokens: TokensService,
        private readonly paging: Paging
    ) {}

    @Post()
    @BodyLimit(base64BodyLimit(MAX_TOKEN_CONTENT_BYTES))
    @EnforceQuota("NumberOfTokens")
    @HttpCode(201)
    @OptionalAuth()
    @AnonymousRateLimit("tokens", { exemptAuthenticated: true })
    @ApiOperation({
        summary: "Create a token",
        description: "Anonymous callers may only create empty tokens (no content) that expire within five minutes."
    })
    @ApiResult(CreateTokenResponse, 201)
    @ApiErrors(400)
    async createToken(
        @OptionalCaller() caller: Caller | undefined,
        @Body() request: CreateTokenRequest,
        @Res({ passthrough: true }) reply: FastifyReply
    ): Promise<CreateTokenResponse> {
        const token = await this.tokens.createToken(caller, request);
        reply.header("location", `/api/v2/Tokens/${token.id}`);
        return { id: token.id, createdAt: token.createdAt.toISOString() };
    }

    @Get()
    @ApiOperation({
        summary: "List tokens by id",
        description: "Only tokens the caller created or has read before; expiry is not checked."
    })
    @ApiPagedResult(TokenDto)
    @ApiErrors(400, 401)
    async listTokens(@CurrentCaller() caller: Caller, @Query() query: ListTokensQuery): Promise<Page<TokenDto>> {
        const page = await this.tokens.listTokens(caller, query.ids, this.paging.request(query));
        return page.map((token) => TokenDto.from(token));
    }

    @Get(":id")
    @OptionalAuth()
    @AnonymousRateLimit("tokens", { exemptAuthenticated: true })
    @ApiOperation({
        summary: "Get a token",
        description:
            "Anonymous or authenticated. Expired, personalised for someone else, or a wrong password: 404. An authenticated reader keeps access (allocation)."
    })
    @ApiResult(TokenDto)
    @ApiErrors(400, 404)
    async getToken(
        @OptionalCaller() caller: Caller | undefined,
        @Param() params: TokenIdParams,
        @Query() query: GetTokenQuery
    ): Promise<TokenDto> {
        return TokenDto.from(await this.tokens.getToken(caller, params.id, query.password));
    }

    @Delete(":id")
    @HttpCode(204)
    @ApiOperation({ summary: "Delete a token the caller created" })
    @ApiNoContent()
    @ApiErrors(400, 401, 403, 404)
    async deleteToken(@CurrentCaller() caller: Caller, @Param() params: TokenIdParams): Promise<void> {
        await this.tokens.deleteToken(caller, params.id);
    }

    @Post(":id/UpdateContent")
    @BodyLimit(base64BodyLimit(MAX_TOKEN_CONTENT_BYTES))
    @HttpCode(200)
    @ApiOperation({ summary: "Fill an empty token", description: "The caller becomes the token's creator." })
    @ApiResult(UpdateTokenContentResponse)
    @ApiErrors(400, 401, 404)
    async updateTokenContent(
        @CurrentCaller() caller: Caller,
        @Param() params: TokenIdParams,
        @Body() request: UpdateTokenContentRequest
    ): Promise<UpdateTokenContentResponse> {
        return UpdateTokenContentResponse.from(await this.tokens.updateTokenContent(caller, params.id, request));
    }
}
