import { Injectable } from "@nestjs/common";
import { InjectRepository } from "@nestjs/typeorm";
import type { Repository } from "typeorm";

import { rawQuery } from "../../core/database/raw-query";
import { type HousekeepingTask, RegisterHousekeepingTask } from "../../core/housekeeping/housekeeping";
import { Challenge, CHALLENGE_RETENTION_MS } from "./challenge.entity";

/** Deletes challenges that expired more than 30 days ago. */
@Injectable()
@RegisterHousekeepingTask()
export class ExpiredChallengesCleanup implements HousekeepingTask {
    readonly name = "challenges.expired";

    constructor(@InjectRepository(Challenge) private readonly challenges: Repository<Challenge>) {}

    async runBatch(now: Date, batchSize: number): Promise<number> {
        const cutoff = new Date(now.getTime() - CHALLENGE_RETENTION_MS);
        const { affected } = await rawQuery(
            this.challenges.manager,
            `DELETE FROM challenges WHERE id IN (
                SELECT id FROM challenges WHERE expires_at <= $1 ORDER BY expires_at LIMIT $2 FOR UPDATE SKIP LOCKED
            )`,
            [cutoff, batchSize]
        );
        return affected;
    }
}
