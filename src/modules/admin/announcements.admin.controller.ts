import { Body, Param } from "@nestjs/common";

import { AdminController } from "../../core/admin/admin-api";
import { Endpoint } from "../../core/http/endpoint";
import { AdminAnnouncementDto, CreateAnnouncementRequest } from "../announcements/announcements.dto";
import { AnnouncementsService } from "../announcements/announcements.service";
import { IdParams } from "./admin.dto";

@AdminController("Announcements")
export class AnnouncementsAdminController {
    constructor(private readonly announcements: AnnouncementsService) {}

    @Endpoint({
        method: "POST",
        summary: "Create an announcement",
        description:
            "Texts per language (English required); recipients omitted or empty for everybody; actions with a display name per language.",
        result: AdminAnnouncementDto,
        errors: [400]
    })
    async createAnnouncement(@Body() request: CreateAnnouncementRequest): Promise<AdminAnnouncementDto> {
        return AdminAnnouncementDto.from(await this.announcements.createAnnouncement(request));
    }

    @Endpoint({
        method: "GET",
        summary: "List all announcements",
        description: "Newest first, with all texts.",
        result: [AdminAnnouncementDto]
    })
    async listAnnouncements(): Promise<AdminAnnouncementDto[]> {
        return (await this.announcements.listAllAnnouncements()).map((announcement) => AdminAnnouncementDto.from(announcement));
    }

    @Endpoint({ method: "GET", path: ":id", summary: "Get an announcement", result: AdminAnnouncementDto, errors: [404] })
    async getAnnouncement(@Param() params: IdParams): Promise<AdminAnnouncementDto> {
        return AdminAnnouncementDto.from(await this.announcements.getAnnouncement(params.id));
    }

    @Endpoint({ method: "DELETE", path: ":id", summary: "Delete an announcement", result: "none", errors: [400, 404] })
    async deleteAnnouncement(@Param() params: IdParams): Promise<void> {
        await this.announcements.deleteAnnouncement(params.id);
    }
}
