import { Header } from "@nestjs/common";

import { AdminController } from "../../core/admin/admin-api";
import { Endpoint } from "../../core/http/endpoint";
import { StatisticsDto } from "./admin.dto";
import { AdminService, STATISTICS_DAYS } from "./admin.service";

@AdminController("Statistics")
export class StatisticsAdminController {
    constructor(private readonly admin: AdminService) {}

    @Endpoint({
        method: "GET",
        summary: "Get the numbers of the Backbone",
        description:
            "Extension of this Backbone (the admin console's overview): how many identities, devices, messages, relationships and " +
            "files exist, the bytes of the stored files, open sync runs, undelivered external events, and the identities and " +
            `messages created per day over the last ${STATISTICS_DAYS} days (UTC). Records that were deleted are not counted.`,
        result: StatisticsDto
    })
    @Header("cache-control", "no-store")
    async getStatistics(): Promise<StatisticsDto> {
        return StatisticsDto.from(await this.admin.getStatistics());
    }
}
