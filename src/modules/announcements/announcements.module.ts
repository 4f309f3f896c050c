import { Module } from "@nestjs/common";
import { TypeOrmModule } from "@nestjs/typeorm";

import { Announcement } from "./announcement.entity";
import { AnnouncementsController } from "./announcements.controller";
import { ExpiredAnnouncementsCleanup } from "./announcements.housekeeping";
import { AnnouncementsIdentityDeletion } from "./announcements.identity-deletion";
import { AnnouncementsRepository } from "./announcements.repository";
import { AnnouncementsService } from "./announcements.service";

/** Announcements: created by operators (admin surface), read by identities in their language. */
@Module({
    imports: [TypeOrmModule.forFeature([Announcement])],
    controllers: [AnnouncementsController],
    providers: [AnnouncementsService, AnnouncementsRepository, ExpiredAnnouncementsCleanup, AnnouncementsIdentityDeletion],
    exports: [AnnouncementsService]
})
export class AnnouncementsModule {}
