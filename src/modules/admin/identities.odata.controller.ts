import { Header, Query } from "@nestjs/common";
import { ApiQuery, ApiResponse } from "@nestjs/swagger";

import { AdminController } from "../../core/admin/admin-api";
import { Endpoint } from "../../core/http/endpoint";
import { RawResponse } from "../../core/http/raw-response";
import { IdentityOverviewPageDto } from "./admin.dto";
import { AdminService, ODATA_MAX_TOP } from "./admin.service";

@AdminController("Identities", { prefix: "odata" })
export class IdentitiesODataController {
    constructor(private readonly admin: AdminService) {}

    @Endpoint({
        method: "GET",
        summary: "List identities (OData)",
        description:
            "The identity overview of the official Admin UI. $filter: eq, ne, gt, ge, lt, le, and, or, not, parentheses, " +
            "contains/startswith/endswith on text; properties address, createdAt, createdWithClient, identityVersion, numberOfDevices, " +
            `lastLoginAt, datawalletVersion, status, tier/id, tier/name. $orderby on the same properties. $top at most ${ODATA_MAX_TOP} ` +
            `(also the default), $skip, $count=true, $expand=Tier. Other options are refused.`,
        errors: [400]
    })
    @RawResponse()
    @Header("content-type", "application/json; odata.metadata=minimal; charset=utf-8")
    @ApiQuery({ name: "$filter", required: false, example: "(contains(address, 'abc')) and (numberOfDevices ge 2)" })
    @ApiQuery({ name: "$orderby", required: false, example: "createdAt desc" })
    @ApiQuery({ name: "$top", required: false, schema: { type: "integer", minimum: 0, maximum: ODATA_MAX_TOP } })
    @ApiQuery({ name: "$skip", required: false, schema: { type: "integer", minimum: 0 } })
    @ApiQuery({ name: "$count", required: false, schema: { type: "boolean" } })
    @ApiQuery({ name: "$expand", required: false, schema: { type: "string", enum: ["Tier"] } })
    @ApiResponse({ status: 200, description: "One page of identities (OData JSON, no envelope)", type: IdentityOverviewPageDto })
    async listIdentityOverviews(@Query() query: Record<string, string | string[] | undefined>): Promise<IdentityOverviewPageDto> {
        return IdentityOverviewPageDto.from(await this.admin.listIdentityOverviews(query));
    }
}
