import { Get, Header } from "@nestjs/common";
import { ApiOperation, ApiTags } from "@nestjs/swagger";

import { AdminController } from "../../core/admin/admin-api";
import { ApiResult } from "../../core/http/openapi";
import { STATISTICS_DAYS, StatisticsDto } from "./admin.dto";
import { Statistics } from "./statistics.query";

@ApiTags("Statistics")
@AdminController("Statistics")
export class StatisticsAdminController {
    constructor(private readonly statistics: Statistics) {}

    @Get()
    @Header("cache-control", "no-store")
    @ApiOperation({
        summary: "Get the numbers of the Backbone",
        description:
            "Extension of this Backbone (the admin console's overview): how many identities, devices, messages, relationships and " +
            "files exist, the bytes of the stored files, open sync runs, undelivered external events, and the identities and " +
            `messages created per day over the last ${STATISTICS_DAYS} days (UTC). Records that were deleted are not counted.`
    })
    @ApiResult(StatisticsDto)
    getStatistics(): Promise<StatisticsDto> {
        return this.statistics.get();
    }
}
