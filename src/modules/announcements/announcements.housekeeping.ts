import { Injectable } from "@nestjs/common";
import { InjectRepository } from "@nestjs/typeorm";
import type { Repository } from "typeorm";

import { rawQuery } from "../../core/database/raw-query";
import { type HousekeepingTask, RegisterHousekeepingTask } from "../../core/housekeeping/housekeeping";
import { Announcement, ANNOUNCEMENT_RETENTION_MS } from "./announcement.entity";

/** Deletes announcements that expired more than 30 days ago. */
@Injectable()
@RegisterHousekeepingTask()
export class ExpiredAnnouncementsCleanup implements HousekeepingTask {
    readonly name = "announcements.expired";

    constructor(@InjectRepository(Announcement) private readonly announcements: Repository<Announcement>) {}

    async runBatch(now: Date, batchSize: number): Promise<number> {
        const { affected } = await rawQuery(
            this.announcements.manager,
            `DELETE FROM announcements WHERE id IN (
                SELECT id FROM announcements WHERE expires_at <= $1 ORDER BY expires_at LIMIT $2 FOR UPDATE SKIP LOCKED
            )`,
            [new Date(now.getTime() - ANNOUNCEMENT_RETENTION_MS), batchSize]
        );
        return affected;
    }
}
