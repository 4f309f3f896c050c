import { Body, Controller, Query } from "@nestjs/common";
import { ApiBearerAuth, ApiTags } from "@nestjs/swagger";

import { type Caller, CurrentCaller } from "../../core/auth/caller";
import { Endpoint } from "../../core/http/endpoint";
import type { Page } from "../../core/http/pagination";
import { Paging } from "../../core/http/paging";
import { MAX_BODY_BYTES } from "../../core/http/route-policy";
import { DatawalletService } from "./datawallet.service";
import { ApiDatawalletVersionHeader, SupportedDatawalletVersion } from "./datawallet-version.header";
import {
    DatawalletDto,
    DatawalletModificationDto,
    GetDatawalletModificationsQuery,
    MAX_DATAWALLET_PUSH_JSON_VALUES,
    PushDatawalletModificationsRequest,
    PushDatawalletModificationsResponse
} from "./synchronization.dto";

/** The Consumer API of the datawallet: translates HTTP to one service call per route and maps the result to its DTO. */
@ApiTags("Datawallet")
@ApiBearerAuth()
@Controller("api/v2/Datawallet")
export class DatawalletController {
    constructor(
        private readonly datawallets: DatawalletService,
        private readonly paging: Paging
    ) {}

    @Endpoint({ method: "GET", summary: "Get the caller's datawallet", result: DatawalletDto, errors: [401, 404] })
    async getDatawallet(@CurrentCaller() caller: Caller): Promise<DatawalletDto> {
        return DatawalletDto.from(await this.datawallets.getDatawallet(caller));
    }

    @Endpoint({
        method: "GET",
        path: "Modifications",
        summary: "List datawallet modifications after a local index",
        description: "Only the latest modification per (objectIdentifier, type, payloadCategory), ordered by index.",
        result: { page: DatawalletModificationDto },
        errors: [400, 401]
    })
    @ApiDatawalletVersionHeader()
    async listDatawalletModifications(
        @CurrentCaller() caller: Caller,
        @SupportedDatawalletVersion() supportedVersion: number,
        @Query() query: GetDatawalletModificationsQuery
    ): Promise<Page<DatawalletModificationDto>> {
        const page = await this.datawallets.listModifications(caller, supportedVersion, query.localIndex, this.paging.request(query));
        return page.map((m) => DatawalletModificationDto.from(m));
    }

    @Endpoint({
        method: "POST",
        path: "Modifications",
        status: 201,
        summary: "Push datawallet modifications",
        description: "localIndex must be the index of the latest modification; refused while any sync run of the identity is unfinalized.",
        result: PushDatawalletModificationsResponse,
        errors: [400, 401, 404],
        // Any number of modifications of up to 10 MiB each: the contract's largest body.
        bodyLimit: { bytes: MAX_BODY_BYTES, jsonValues: MAX_DATAWALLET_PUSH_JSON_VALUES }
    })
    @ApiDatawalletVersionHeader()
    async pushDatawalletModifications(
        @CurrentCaller() caller: Caller,
        @SupportedDatawalletVersion() supportedVersion: number,
        @Body() request: PushDatawalletModificationsRequest
    ): Promise<PushDatawalletModificationsResponse> {
        return PushDatawalletModificationsResponse.from(await this.datawallets.pushModifications(caller, supportedVersion, request));
    }
}
