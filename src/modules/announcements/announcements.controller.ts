import { Controller, Get, Query } from "@nestjs/common";
import { ApiBearerAuth, ApiOperation, ApiTags } from "@nestjs/swagger";

import { type Caller, CurrentCaller } from "../../core/auth/caller";
import { ApiErrors, ApiResult } from "../../core/http/openapi";
import { AnnouncementDto, ListAnnouncementsQuery } from "./announcements.dto";
import { AnnouncementsService } from "./announcements.service";

@ApiTags("Announcements")
@Controller("api/v2/Announcements")
export class AnnouncementsController {
    constructor(private readonly announcements: AnnouncementsService) {}

    @Get()
    @ApiBearerAuth()
    @ApiOperation({
        summary: "List the announcements for the caller",
        description: "Announcements addressed to everybody or to the caller, in the requested language (falling back to English)."
    })
    @ApiResult([AnnouncementDto])
    @ApiErrors(400, 401)
    async listAnnouncements(@CurrentCaller() caller: Caller, @Query() query: ListAnnouncementsQuery): Promise<AnnouncementDto[]> {
        return await this.announcements.listAnnouncementsFor(caller.address, query.language);
    }
}
