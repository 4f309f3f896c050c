import { Controller, Query } from "@nestjs/common";
import { ApiTags } from "@nestjs/swagger";

import { type Caller, CurrentCaller } from "../../core/auth/caller";
import { Endpoint } from "../../core/http/endpoint";
import { AnnouncementDto, ListAnnouncementsQuery } from "./announcements.dto";
import { AnnouncementsService } from "./announcements.service";

/** The Consumer API of announcements: the caller's announcements in its language. */
@ApiTags("Announcements")
@Controller("api/v2/Announcements")
export class AnnouncementsController {
    constructor(private readonly announcements: AnnouncementsService) {}

    @Endpoint({
        method: "GET",
        summary: "List the announcements for the caller",
        description: "Announcements addressed to everybody or to the caller, in the requested language (falling back to English).",
        result: [AnnouncementDto],
        errors: [400, 401]
    })
    async listAnnouncements(@CurrentCaller() caller: Caller, @Query() query: ListAnnouncementsQuery): Promise<AnnouncementDto[]> {
        const announcements = await this.announcements.listAnnouncementsFor(caller.address);
        return announcements.map((announcement) => AnnouncementDto.from(announcement, query.language));
    }
}
