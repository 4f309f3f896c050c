import { Injectable } from "@nestjs/common";

import { type HousekeepingTask, RegisterHousekeepingTask } from "../../core/housekeeping/housekeeping";
import { Token } from "./token.entity";
import { TokensRepository } from "./tokens.repository";

/** Deletes tokens that expired more than 30 days ago. */
@Injectable()
@RegisterHousekeepingTask()
export class ExpiredTokensCleanup implements HousekeepingTask {
    readonly name = "tokens.expired";

    constructor(private readonly tokens: TokensRepository) {}

    async runBatch(now: Date, batchSize: number): Promise<number> {
        return await this.tokens.deleteExpired(Token.retentionCutoff(now), batchSize);
    }
}
