import { Body, Controller, Get, HttpCode, Post, Query } from "@nestjs/common";
import { ApiBearerAuth, ApiOperation, ApiTags } from "@nestjs/swagger";

import { type Caller, CurrentCaller } from "../../core/auth/caller";
import { ApiErrors, ApiPagedResult, ApiResult } from "../../core/http/openapi";
import type { Page } from "../../core/http/pagination";
import { Paging } from "../../core/http/paging";
import { BodyLimit, MAX_BODY_BYTES } from "../../core/http/route-policy";
import { DatawalletService } from "./datawallet.service";
import { ApiDatawalletVersionHeader, SupportedDatawalletVersion } from "./datawallet-version.header";
import { MAX_DATAWALLET_PUSH_JSON_VALUES } from "./synchronization.dto";
import {
    DatawalletDto,
    DatawalletModificationDto,
    GetDatawalletModificationsQuery,
    PushDatawalletModificationsRequest,
    PushDatawalletModificationsResponse
} from "./synchronization.dto";

@ApiTags("Datawallet")
@ApiBearerAuth()
@Controller("api/v2/Datawallet")
export class DatawalletController {
    constructor(
        private readonly datawallets: DatawalletService,
        private readonly paging: Paging
    ) {}

    @Get()
    @ApiOperation({ summary: "Get the caller's datawallet" })
    @ApiResult(DatawalletDto)
    @ApiErrors(401, 404)
    async getDatawallet(@CurrentCaller() caller: Caller): Promise<DatawalletDto> {
        return await this.datawallets.getDatawallet(caller);
    }

    @Get("Modifications")
    @ApiOperation({
        summary: "List datawallet modifications after a local index",
        description: "Only the latest modification per (objectIdentifier, type, payloadCategory), ordered by index."
    })
    @ApiDatawalletVersionHeader()
    @ApiPagedResult(DatawalletModificationDto)
    @ApiErrors(400, 401)
    async listDatawalletModifications(
        @CurrentCaller() caller: Caller,
        @SupportedDatawalletVersion() supportedVersion: number,
        @Query() query: GetDatawalletModificationsQuery
    ): Promise<Page<DatawalletModificationDto>> {
        return await this.datawallets.listModifications(caller, supportedVersion, query.localIndex, this.paging.request(query));
    }

    @Post("Modifications")
    // Any number of modifications of up to 10 MiB each: the contract's largest body.
    @BodyLimit(MAX_BODY_BYTES, { jsonValues: MAX_DATAWALLET_PUSH_JSON_VALUES })
    @HttpCode(201)
    @ApiOperation({
        summary: "Push datawallet modifications",
        description: "localIndex must be the index of the latest modification; refused while any sync run of the identity is unfinalized."
    })
    @ApiDatawalletVersionHeader()
    @ApiResult(PushDatawalletModificationsResponse, 201)
    @ApiErrors(400, 401, 404)
    async pushDatawalletModifications(
        @CurrentCaller() caller: Caller,
        @SupportedDatawalletVersion() supportedVersion: number,
        @Body() request: PushDatawalletModificationsRequest
    ): Promise<PushDatawalletModificationsResponse> {
        return await this.datawallets.pushModifications(caller, supportedVersion, request);
    }
}
