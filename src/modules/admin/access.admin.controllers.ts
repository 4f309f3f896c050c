import { Body, Header, Inject, Req, Res } from "@nestjs/common";
import { ApiProduces, ApiResponse } from "@nestjs/swagger";
import type { FastifyReply, FastifyRequest } from "fastify";

import { BACKBONE_CONFIG, type BackboneConfig } from "../../config/config";
import { AdminAnonymous, AdminController, isAdminApiKey, XSRF_COOKIE, XsrfTokens } from "../../core/admin/admin-api";
import { Endpoint } from "../../core/http/endpoint";
import { RawResponse } from "../../core/http/raw-response";
import { HousekeepingReportDto, HousekeepingStatusDto, ValidateApiKeyRequest, ValidateApiKeyResponse } from "./admin.dto";
import { AdminService, HOUSEKEEPING_RUNS_SHOWN } from "./admin.service";

@AdminController("xsrf", { tag: "Access" })
export class XsrfAdminController {
    constructor(private readonly tokens: XsrfTokens) {}

    @Endpoint({
        method: "GET",
        summary: "Get an anti-forgery token",
        description:
            `Sets the cookie ${XSRF_COOKIE} (unless the request carries a valid one) and answers the token that goes with it, as plain ` +
            "text. Requests with unsafe methods (POST, PUT, PATCH, DELETE) send the cookie and the token in the X-XSRF-TOKEN header. " +
            "Needs no API key."
    })
    @AdminAnonymous()
    @RawResponse()
    @Header("content-type", "text/plain; charset=utf-8")
    @ApiProduces("text/plain")
    @ApiResponse({ status: 200, description: "The token", content: { "text/plain": { schema: { type: "string" } } } })
    getXsrfToken(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): string {
        return this.tokens.issue(request, reply);
    }
}

@AdminController("ValidateApiKey", { tag: "Access" })
export class ValidateApiKeyAdminController {
    constructor(@Inject(BACKBONE_CONFIG) private readonly config: BackboneConfig) {}

    @Endpoint({
        method: "POST",
        status: 200,
        summary: "Check an API key",
        description:
            "Answers whether the key in the body is the Admin API's key (no envelope). Needs no API key, but the anti-forgery token."
    })
    @AdminAnonymous()
    @RawResponse()
    @ApiResponse({ status: 200, description: "Whether the key is valid", type: ValidateApiKeyResponse })
    validateApiKey(@Body() request: ValidateApiKeyRequest): ValidateApiKeyResponse {
        const expected = this.config.ADMIN_API_KEY;
        return { isValid: typeof request.apiKey === "string" && expected !== undefined && isAdminApiKey(request.apiKey, expected) };
    }
}

@AdminController("Housekeeping")
export class HousekeepingAdminController {
    constructor(private readonly admin: AdminService) {}

    @Endpoint({
        method: "GET",
        summary: "Get the housekeeping schedule, jobs and last runs",
        description: `Extension of this Backbone. The runs are those of every instance (scheduled and manual), newest first, at most ${HOUSEKEEPING_RUNS_SHOWN}.`,
        result: HousekeepingStatusDto
    })
    @Header("cache-control", "no-store")
    async getHousekeeping(): Promise<HousekeepingStatusDto> {
        return HousekeepingStatusDto.from(await this.admin.getHousekeeping());
    }

    @Endpoint({
        method: "POST",
        path: "Run",
        status: 200,
        summary: "Run the housekeeping jobs now",
        description:
            "Extension of this Backbone. Skips a job another instance is running at the moment. The run is recorded (GET /api/v1/Housekeeping).",
        result: HousekeepingReportDto
    })
    async runHousekeeping(): Promise<HousekeepingReportDto> {
        return HousekeepingReportDto.from(await this.admin.runHousekeeping());
    }
}
