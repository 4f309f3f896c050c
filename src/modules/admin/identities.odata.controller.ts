import { Get, Header, Query } from "@nestjs/common";
import { ApiOperation, ApiQuery, ApiResponse, ApiTags } from "@nestjs/swagger";

import { AdminController } from "../../core/admin/admin-api";
import { ApiError, ErrorCode } from "../../core/errors/errors";
import { ApiErrors } from "../../core/http/openapi";
import { RawResponse } from "../../core/http/raw-response";
import { IdentityOverviewPageDto } from "./admin.dto";
import { IDENTITY_OVERVIEW_PROPERTIES, IdentityOverviews } from "./identity-overviews.query";
import { ODataQueryError, parseODataQuery } from "./odata/odata-query";

/** The official Admin API's limit for $top. */
const MAX_TOP = 100;

@ApiTags("Identities")
@AdminController("Identities", { prefix: "odata" })
export class IdentitiesODataController {
    constructor(private readonly overviews: IdentityOverviews) {}

    @Get()
    @RawResponse()
    @Header("content-type", "application/json; odata.metadata=minimal; charset=utf-8")
    @ApiOperation({
        summary: "List identities (OData)",
        description:
            "The identity overview of the official Admin UI. $filter: eq, ne, gt, ge, lt, le, and, or, not, parentheses, " +
            "contains/startswith/endswith on text; properties address, createdAt, createdWithClient, identityVersion, numberOfDevices, " +
            `lastLoginAt, datawalletVersion, status, tier/id, tier/name. $orderby on the same properties. $top at most ${MAX_TOP} ` +
            `(also the default), $skip, $count=true, $expand=Tier. Other options are refused.`
    })
    @ApiQuery({ name: "$filter", required: false, example: "(contains(address, 'abc')) and (numberOfDevices ge 2)" })
    @ApiQuery({ name: "$orderby", required: false, example: "createdAt desc" })
    @ApiQuery({ name: "$top", required: false, schema: { type: "integer", minimum: 0, maximum: MAX_TOP } })
    @ApiQuery({ name: "$skip", required: false, schema: { type: "integer", minimum: 0 } })
    @ApiQuery({ name: "$count", required: false, schema: { type: "boolean" } })
    @ApiQuery({ name: "$expand", required: false, schema: { type: "string", enum: ["Tier"] } })
    @ApiResponse({ status: 200, description: "One page of identities (OData JSON, no envelope)", type: IdentityOverviewPageDto })
    @ApiErrors(400)
    async listIdentityOverviews(@Query() query: Record<string, string | string[] | undefined>): Promise<IdentityOverviewPageDto> {
        let parsed;
        try {
            parsed = parseODataQuery(query, { properties: IDENTITY_OVERVIEW_PROPERTIES, expandable: ["tier"], maxTop: MAX_TOP });
        } catch (error) {
            if (error instanceof ODataQueryError)
                throw new ApiError(ErrorCode.invalidPropertyValue, `'${error.option}': ${error.message}.`);
            throw error;
        }
        const { items, count } = await this.overviews.query(parsed, MAX_TOP);
        return {
            "@odata.context": "/odata/$metadata#Identities",
            ...(count !== undefined ? { "@odata.count": count } : {}),
            value: items
        };
    }
}
