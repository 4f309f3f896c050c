import { Injectable } from "@nestjs/common";

import { type HousekeepingTask, RegisterHousekeepingTask } from "../../core/housekeeping/housekeeping";
import { Challenge } from "./challenge.entity";
import { ChallengesRepository } from "./challenges.repository";

/** Deletes challenges that expired more than 30 days ago. */
@Injectable()
@RegisterHousekeepingTask()
export class ExpiredChallengesCleanup implements HousekeepingTask {
    readonly name = "challenges.expired";

    constructor(private readonly challenges: ChallengesRepository) {}

    async runBatch(now: Date, batchSize: number): Promise<number> {
        return await this.challenges.deleteExpired(Challenge.retentionCutoff(now), batchSize);
    }
}
