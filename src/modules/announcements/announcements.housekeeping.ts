import { Injectable } from "@nestjs/common";

import { type HousekeepingTask, RegisterHousekeepingTask } from "../../core/housekeeping/housekeeping";
import { Announcement } from "./announcement.entity";
import { AnnouncementsRepository } from "./announcements.repository";

/** Deletes announcements that expired more than 30 days ago. */
@Injectable()
@RegisterHousekeepingTask()
export class ExpiredAnnouncementsCleanup implements HousekeepingTask {
    readonly name = "announcements.expired";

    constructor(private readonly announcements: AnnouncementsRepository) {}

    async runBatch(now: Date, batchSize: number): Promise<number> {
        return await this.announcements.deleteExpired(Announcement.retentionCutoff(now), batchSize);
    }
}
