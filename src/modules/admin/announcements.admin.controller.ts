import { Body, Delete, Get, HttpCode, Param, Post } from "@nestjs/common";
import { ApiOperation, ApiTags } from "@nestjs/swagger";

import { AdminController } from "../../core/admin/admin-api";
import { ApiErrors, ApiNoContent, ApiResult } from "../../core/http/openapi";
import { AdminAnnouncementDto, CreateAnnouncementRequest } from "../announcements/announcements.dto";
import { AnnouncementsService } from "../announcements/announcements.service";
import { IdParams } from "./admin.dto";

@ApiTags("Announcements")
@AdminController("Announcements")
export class AnnouncementsAdminController {
    constructor(private readonly announcements: AnnouncementsService) {}

    @Post()
    @HttpCode(201)
    @ApiOperation({
        summary: "Create an announcement",
        description:
            "Texts per language (English required); recipients omitted or empty for everybody; actions with a display name per language."
    })
    @ApiResult(AdminAnnouncementDto, 201)
    @ApiErrors(400)
    createAnnouncement(@Body() request: CreateAnnouncementRequest): Promise<AdminAnnouncementDto> {
        return this.announcements.createAnnouncement(request);
    }

    @Get()
    @ApiOperation({ summary: "List all announcements", description: "Newest first, with all texts." })
    @ApiResult([AdminAnnouncementDto])
    listAnnouncements(): Promise<AdminAnnouncementDto[]> {
        return this.announcements.listAllAnnouncements();
    }

    @Get(":id")
    @ApiOperation({ summary: "Get an announcement" })
    @ApiResult(AdminAnnouncementDto)
    @ApiErrors(404)
    getAnnouncement(@Param() params: IdParams): Promise<AdminAnnouncementDto> {
        return this.announcements.getAnnouncement(params.id);
    }

    @Delete(":id")
    @HttpCode(204)
    @ApiOperation({ summary: "Delete an announcement" })
    @ApiNoContent()
    @ApiErrors(400, 404)
    async deleteAnnouncement(@Param() params: IdParams): Promise<void> {
        await this.announcements.deleteAnnouncement(params.id);
    }
}
