import { Body, Controller, Param, Query, Res } from "@nestjs/common";
import { ApiBearerAuth, ApiTags } from "@nestjs/swagger";
import type { FastifyReply } from "fastify";

import { type Caller, CurrentCaller } from "../../core/auth/caller";
import { Endpoint, type EndpointOptions, onRecord } from "../../core/http/endpoint";
import { ApiResult } from "../../core/http/openapi";
import { type Page, PageQuery } from "../../core/http/pagination";
import { Paging } from "../../core/http/paging";
import { MAX_BODY_BYTES } from "../../core/http/route-policy";
import { ApiDatawalletVersionHeader, SupportedDatawalletVersion } from "./datawallet-version.header";
import { SyncRunsService } from "./sync-runs.service";
import {
    ExternalEventDto,
    FinalizeDatawalletVersionUpgradeRequest,
    FinalizeDatawalletVersionUpgradeResponse,
    FinalizeExternalEventSyncRequest,
    FinalizeExternalEventSyncResponse,
    MAX_DATAWALLET_PUSH_JSON_VALUES,
    RefreshExpirationTimeResponse,
    StartSyncRunRequest,
    StartSyncRunResponse,
    SyncRunDto,
    SyncRunIdParams
} from "./synchronization.dto";

/**
 * Both finalizations (`PUT :id/<action>`): 200, and a body with any number of datawallet modifications (the contract's
 * largest body).
 */
function finalization(action: string): Pick<EndpointOptions, "method" | "path" | "status" | "errors" | "bodyLimit"> {
    return { ...onRecord("PUT", action), status: 200, bodyLimit: { bytes: MAX_BODY_BYTES, jsonValues: MAX_DATAWALLET_PUSH_JSON_VALUES } };
}

/** The Consumer API of sync runs: translates HTTP to one service call per route and maps the result to its DTO. */
@ApiTags("SyncRuns")
@ApiBearerAuth()
@Controller("api/v2/SyncRuns")
export class SyncRunsController {
    constructor(
        private readonly syncRuns: SyncRunsService,
        private readonly paging: Paging
    ) {}

    @Endpoint({
        method: "POST",
        summary: "Start a sync run",
        description:
            "ExternalEventSync hands all deliverable external events to the new run (200 NoNewEvents when there are none); " +
            "DatawalletVersionUpgrade runs are always created. At most one run per identity is active.",
        result: StartSyncRunResponse,
        resultDescription: "Created",
        errors: [400, 401, 404]
    })
    @ApiDatawalletVersionHeader()
    @ApiResult(StartSyncRunResponse, 200, "NoNewEvents: no run was created.")
    async startSyncRun(
        @CurrentCaller() caller: Caller,
        @SupportedDatawalletVersion() supportedVersion: number,
        @Body() request: StartSyncRunRequest,
        @Res({ passthrough: true }) reply: FastifyReply
    ): Promise<StartSyncRunResponse> {
        const run = await this.syncRuns.startSyncRun(caller, supportedVersion, request ?? {});
        reply.status(run ? 201 : 200);
        return StartSyncRunResponse.from(run);
    }

    @Endpoint({ ...onRecord("GET"), summary: "Get a sync run of the caller's identity", result: SyncRunDto })
    async getSyncRun(@CurrentCaller() caller: Caller, @Param() params: SyncRunIdParams): Promise<SyncRunDto> {
        return SyncRunDto.from(await this.syncRuns.getSyncRun(caller, params.id));
    }

    @Endpoint({
        ...onRecord("GET", "ExternalEvents"),
        summary: "List the external events of a sync run started by the calling device",
        description: "Ordered by index.",
        result: { page: ExternalEventDto }
    })
    async listExternalEventsOfSyncRun(
        @CurrentCaller() caller: Caller,
        @Param() params: SyncRunIdParams,
        @Query() query: PageQuery
    ): Promise<Page<ExternalEventDto>> {
        return (await this.syncRuns.listExternalEvents(caller, params.id, this.paging.request(query))).map((e) => ExternalEventDto.from(e));
    }

    @Endpoint({
        ...finalization("FinalizeExternalEventSync"),
        summary: "Finalize an external event sync run",
        description:
            "Events without a result or with an errorCode count a failed attempt and are delivered again (at most 3 attempts); " +
            "datawallet modifications are appended.",
        result: FinalizeExternalEventSyncResponse
    })
    async finalizeExternalEventSync(
        @CurrentCaller() caller: Caller,
        @Param() params: SyncRunIdParams,
        @Body() request: FinalizeExternalEventSyncRequest
    ): Promise<FinalizeExternalEventSyncResponse> {
        return FinalizeExternalEventSyncResponse.from(await this.syncRuns.finalizeExternalEventSync(caller, params.id, request ?? {}));
    }

    @Endpoint({
        ...finalization("FinalizeDatawalletVersionUpgrade"),
        summary: "Finalize a datawallet version upgrade run",
        description: "Creates the datawallet on the first upgrade.",
        result: FinalizeDatawalletVersionUpgradeResponse
    })
    async finalizeDatawalletVersionUpgrade(
        @CurrentCaller() caller: Caller,
        @Param() params: SyncRunIdParams,
        @Body() request: FinalizeDatawalletVersionUpgradeRequest
    ): Promise<FinalizeDatawalletVersionUpgradeResponse> {
        return FinalizeDatawalletVersionUpgradeResponse.from(
            await this.syncRuns.finalizeDatawalletVersionUpgrade(caller, params.id, request)
        );
    }

    @Endpoint({
        ...onRecord("PUT", "RefreshExpirationTime"),
        status: 200,
        summary: "Extend a running sync run by 10 seconds from now",
        result: RefreshExpirationTimeResponse
    })
    async refreshSyncRunExpirationTime(
        @CurrentCaller() caller: Caller,
        @Param() params: SyncRunIdParams
    ): Promise<RefreshExpirationTimeResponse> {
        return RefreshExpirationTimeResponse.from(await this.syncRuns.refreshExpirationTime(caller, params.id));
    }
}
