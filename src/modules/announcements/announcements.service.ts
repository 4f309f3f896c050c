import { Inject, Injectable } from "@nestjs/common";

import { Clock } from "../../core/clock/clock";
import { notFound } from "../../core/errors/errors";
import { Announcement, type NewAnnouncement } from "./announcement.entity";
import { AnnouncementsRepository } from "./announcements.repository";

/** The use cases of announcements, one method each; the controllers map the entities to their DTOs. */
@Injectable()
export class AnnouncementsService {
    constructor(
        private readonly announcements: AnnouncementsRepository,
        @Inject(Clock) private readonly clock: Clock
    ) {}

    /** Announcements for everybody or for the caller, newest first. */
    async listAnnouncementsFor(address: string): Promise<Announcement[]> {
        return await this.announcements.listFor(address);
    }

    async createAnnouncement(request: Omit<NewAnnouncement, "now">): Promise<Announcement> {
        const announcement = Announcement.create({ ...request, now: this.clock.now() });
        await this.announcements.insert(announcement);
        return announcement;
    }

    async getAnnouncement(id: string): Promise<Announcement> {
        const announcement = await this.announcements.find(id);
        if (!announcement) throw notFound("Announcement");
        return announcement;
    }

    async listAllAnnouncements(): Promise<Announcement[]> {
        return await this.announcements.listAll();
    }

    async deleteAnnouncement(id: string): Promise<void> {
        if (!(await this.announcements.delete(id))) throw notFound("Announcement");
    }
}
