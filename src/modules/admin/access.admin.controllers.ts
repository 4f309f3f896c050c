import { Body, Get, Header, HttpCode, Inject, Post, Req, Res } from "@nestjs/common";
import { ApiOperation, ApiProduces, ApiResponse, ApiTags } from "@nestjs/swagger";
import type { FastifyReply, FastifyRequest } from "fastify";

import { BACKBONE_CONFIG, type BackboneConfig } from "../../config/config";
import { AdminAnonymous, AdminController, isAdminApiKey, XSRF_COOKIE, XsrfTokens } from "../../core/admin/admin-api";
import { Housekeeper } from "../../core/housekeeping/housekeeper";
import { ApiResult } from "../../core/http/openapi";
import { RawResponse } from "../../core/http/raw-response";
import {
    HOUSEKEEPING_RUNS_SHOWN,
    HousekeepingReportDto,
    HousekeepingStatusDto,
    ValidateApiKeyRequest,
    ValidateApiKeyResponse
} from "./admin.dto";

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
    constructor(
        private readonly housekeeper: Housekeeper,
        @Inject(BACKBONE_CONFIG) private readonly config: BackboneConfig
    ) {}

    @Get()
    @Header("cache-control", "no-store")
    @ApiOperation({
        summary: "Get the housekeeping schedule, jobs and last runs",
        description: `Extension of this Backbone. The runs are those of every instance (scheduled and manual), newest first, at most ${HOUSEKEEPING_RUNS_SHOWN}.`
    })
    @ApiResult(HousekeepingStatusDto)
    async getHousekeeping(): Promise<HousekeepingStatusDto> {
        const runs = await this.housekeeper.listRuns(HOUSEKEEPING_RUNS_SHOWN);
        return {
            scheduleEnabled: this.config.HOUSEKEEPING_ENABLED,
            schedule: this.config.HOUSEKEEPING_CRON,
            nextRunAt: this.housekeeper.nextScheduledRun()?.toISOString() ?? null,
            tasks: this.housekeeper.taskNames(),
            runs: runs.map((run) => ({
                id: run.id,
                startedAt: run.startedAt.toISOString(),
                durationMs: run.durationMs,
                trigger: run.trigger,
                outcome: run.outcome,
                removed: run.removed,
                skipped: run.skipped,
                failedTask: run.failedTask
            }))
        };
    }

    @Post("Run")
    @HttpCode(200)
    @ApiOperation({
        summary: "Run the housekeeping jobs now",
        description:
            "Extension of this Backbone. Skips a job another instance is running at the moment. The run is recorded (GET /api/v1/Housekeeping)."
    })
    @ApiResult(HousekeepingReportDto)
    runHousekeeping(): Promise<HousekeepingReportDto> {
        return this.housekeeper.runOnce();
    }
}
