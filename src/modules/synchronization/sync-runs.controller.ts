import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from "@nestjs/common";
import { ApiBearerAuth, ApiOperation, ApiTags } from "@nestjs/swagger";
import type { FastifyReply } from "fastify";

import { type Caller, CurrentCaller } from "../../core/auth/caller";
import { ApiErrors, ApiPagedResult, ApiResult } from "../../core/http/openapi";
import { type Page, PageQuery } from "../../core/http/pagination";
import { Paging } from "../../core/http/paging";
import { BodyLimit, MAX_BODY_BYTES } from "../../core/http/route-policy";
import { ApiDatawalletVersionHeader, SupportedDatawalletVersion } from "./datawallet-version.header";
import { SyncRunsService } from "./sync-runs.service";
import { MAX_DATAWALLET_PUSH_JSON_VALUES } from "./synchronization.dto";
import {
    ExternalEventDto,
    FinalizeDatawalletVersionUpgradeRequest,
    FinalizeDatawalletVersionUpgradeResponse,
    FinalizeExternalEventSyncRequest,
    FinalizeExternalEventSyncResponse,
    RefreshExpirationTimeResponse,
    StartSyncRunRequest,
    StartSyncRunResponse,
    SyncRunDto,
    SyncRunIdParams
} from "./synchronization.dto";
import { StartSyncRunStatus } from "./synchronization.events";

@ApiTags("SyncRuns")
@ApiBearerAuth()
@Controller("api/v2/SyncRuns")
export class SyncRunsController {
    constructor(
        private readonly syncRuns: SyncRunsService,
        private readonly paging: Paging
    ) {}

    @Post()
    @ApiOperation({
        summary: "Start a sync run",
        description:
            "ExternalEventSync hands all deliverable external events to the new run (200 NoNewEvents when there are none); " +
            "DatawalletVersionUpgrade runs are always created. At most one run per identity is active."
    })
    @ApiDatawalletVersionHeader()
    @ApiResult(StartSyncRunResponse, 201, "Created")
    @ApiResult(StartSyncRunResponse, 200, "NoNewEvents: no run was created.")
    @ApiErrors(400, 401, 404)
    async startSyncRun(
        @CurrentCaller() caller: Caller,
        @SupportedDatawalletVersion() supportedVersion: number,
        @Body() request: StartSyncRunRequest,
        @Res({ passthrough: true }) reply: FastifyReply
    ): Promise<StartSyncRunResponse> {
        const response = await this.syncRuns.startSyncRun(caller, supportedVersion, request ?? {});
        reply.status(response.status === StartSyncRunStatus.Created ? 201 : 200);
        return response;
    }

    @Get(":id")
    @ApiOperation({ summary: "Get a sync run of the caller's identity" })
    @ApiResult(SyncRunDto)
    @ApiErrors(400, 401, 404)
    async getSyncRun(@CurrentCaller() caller: Caller, @Param() params: SyncRunIdParams): Promise<SyncRunDto> {
        return await this.syncRuns.getSyncRun(caller, params.id);
    }

    @Get(":id/ExternalEvents")
    @ApiOperation({ summary: "List the external events of a sync run started by the calling device", description: "Ordered by index." })
    @ApiPagedResult(ExternalEventDto)
    @ApiErrors(400, 401, 404)
    async listExternalEventsOfSyncRun(
        @CurrentCaller() caller: Caller,
        @Param() params: SyncRunIdParams,
        @Query() query: PageQuery
    ): Promise<Page<ExternalEventDto>> {
        return await this.syncRuns.listExternalEvents(caller, params.id, this.paging.request(query));
    }

    @Put(":id/FinalizeExternalEventSync")
    @BodyLimit(MAX_BODY_BYTES, { jsonValues: MAX_DATAWALLET_PUSH_JSON_VALUES })
    @HttpCode(200)
    @ApiOperation({
        summary: "Finalize an external event sync run",
        description:
            "Events without a result or with an errorCode count a failed attempt and are delivered again (at most 3 attempts); " +
            "datawallet modifications are appended."
    })
    @ApiResult(FinalizeExternalEventSyncResponse)
    @ApiErrors(400, 401, 404)
    async finalizeExternalEventSync(
        @CurrentCaller() caller: Caller,
        @Param() params: SyncRunIdParams,
        @Body() request: FinalizeExternalEventSyncRequest
    ): Promise<FinalizeExternalEventSyncResponse> {
        return await this.syncRuns.finalizeExternalEventSync(caller, params.id, request ?? {});
    }

    @Put(":id/FinalizeDatawalletVersionUpgrade")
    @BodyLimit(MAX_BODY_BYTES, { jsonValues: MAX_DATAWALLET_PUSH_JSON_VALUES })
    @HttpCode(200)
    @ApiOperation({ summary: "Finalize a datawallet version upgrade run", description: "Creates the datawallet on the first upgrade." })
    @ApiResult(FinalizeDatawalletVersionUpgradeResponse)
    @ApiErrors(400, 401, 404)
    async finalizeDatawalletVersionUpgrade(
        @CurrentCaller() caller: Caller,
        @Param() params: SyncRunIdParams,
        @Body() request: FinalizeDatawalletVersionUpgradeRequest
    ): Promise<FinalizeDatawalletVersionUpgradeResponse> {
        return await this.syncRuns.finalizeDatawalletVersionUpgrade(caller, params.id, request);
    }

    @Put(":id/RefreshExpirationTime")
    @HttpCode(200)
    @ApiOperation({ summary: "Extend a running sync run by 10 seconds from now" })
    @ApiResult(RefreshExpirationTimeResponse)
    @ApiErrors(400, 401, 404)
    async refreshSyncRunExpirationTime(
        @CurrentCaller() caller: Caller,
        @Param() params: SyncRunIdParams
    ): Promise<RefreshExpirationTimeResponse> {
        return await this.syncRuns.refreshExpirationTime(caller, params.id);
    }
}
