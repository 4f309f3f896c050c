import { Body, Get, Header, HttpCode, Inject, Post, Req, Res } from "@nestjs/common";
import { ApiOperation, ApiProduces, ApiResponse, ApiTags } from "@nestjs/swagger";
import type { FastifyReply, FastifyRequest } from "fastify";

import { BACKBONE_CONFIG, type BackboneConfig } from "../../config/config";
import { AdminAnonymous, AdminController, isAdminApiKey, XSRF_COOKIE, XsrfTokens } from "../../core/admin/admin-api";
import { Housekeeper } from "../../core/housekeeping/housekeeper";
import { ApiResult } from "../../core/http/openapi";
import { RawResponse } from "../../core/http/raw-response";
import { HousekeepingReportDto, ValidateApiKeyRequest, ValidateApiKeyResponse } from "./admin.dto";

@ApiTags("Access")
@AdminController("xsrf")
export class XsrfAdminController {
    constructor(private readonly tokens: XsrfTokens) {}

    @Get()
    @AdminAnonymous()
    @RawResponse()
    @Header("content-type", "text/plain; charset=utf-8")
    @ApiOperation({
        summary: "Get an anti-forgery token",
        description:
            `Sets the cookie ${XSRF_COOKIE} (unless the request carries a valid one) and answers the token that goes with it, as plain ` +
            "text. Requests with unsafe methods (POST, PUT, PATCH, DELETE) send the cookie and the token in the X-XSRF-TOKEN header. " +
            "Needs no API key."
    })
    @ApiProduces("text/plain")
    @ApiResponse({ status: 200, description: "The token", content: { "text/plain": { schema: { type: "string" } } } })
    getXsrfToken(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): string {
        return this.tokens.issue(request, reply);
    }
}

@ApiTags("Access")
@AdminController("ValidateApiKey")
export class ValidateApiKeyAdminController {
    constructor(@Inject(BACKBONE_CONFIG) private readonly config: BackboneConfig) {}

    @Post()
    @HttpCode(200)
    @AdminAnonymous()
    @RawResponse()
    @ApiOperation({
        summary: "Check an API key",
        description:
            "Answers whether the key in the body is the Admin API's key (no envelope). Needs no API key, but the anti-forgery token."
    })
    @ApiResponse({ status: 200, description: "Whether the key is valid", type: ValidateApiKeyResponse })
    validateApiKey(@Body() request: ValidateApiKeyRequest): ValidateApiKeyResponse {
        const expected = this.config.ADMIN_API_KEY;
        return { isValid: typeof request.apiKey === "string" && expected !== undefined && isAdminApiKey(request.apiKey, expected) };
    }
}

@ApiTags("Housekeeping")
@AdminController("Housekeeping")
export class HousekeepingAdminController {
    constructor(private readonly housekeeper: Housekeeper) {}

    @Post("Run")
    @HttpCode(200)
    @ApiOperation({
        summary: "Run the housekeeping jobs now",
        description: "Extension of this Backbone. Skips a job another instance is running at the moment."
    })
    @ApiResult(HousekeepingReportDto)
    runHousekeeping(): Promise<HousekeepingReportDto> {
        return this.housekeeper.runOnce();
    }
}
