import { Inject, Injectable } from "@nestjs/common";

import type { Caller } from "../../core/auth/caller";
import { Clock } from "../../core/clock/clock";
import { notFound } from "../../core/errors/errors";
import { Challenge } from "./challenge.entity";
import { ChallengesRepository } from "./challenges.repository";

/** Whether a signed challenge may prove possession of a key (for other modules): it exists and has not expired. */
export type ChallengeValidity = "valid" | "expired" | "unknown";

@Injectable()
export class ChallengesService {
    constructor(
        private readonly challenges: ChallengesRepository,
        @Inject(Clock) private readonly clock: Clock
    ) {}

    /** A new challenge, recording the identity and device of an authenticated caller. */
    async createChallenge(caller: Caller | undefined): Promise<Challenge> {
        const challenge = Challenge.create({ createdBy: caller, now: this.clock.now() });
        await this.challenges.insert(challenge);
        return challenge;
    }

    async getChallenge(id: string): Promise<Challenge> {
        const challenge = await this.challenges.find(id);
        if (!challenge || !challenge.isReadable(this.clock.now())) throw notFound("Challenge");
        return challenge;
    }

    /** Whether the challenge a signed challenge refers to exists and has not expired (identity and device creation). */
    async validityOf(id: string): Promise<ChallengeValidity> {
        const challenge = await this.challenges.find(id);
        if (!challenge) return "unknown";
        return challenge.isExpired(this.clock.now()) ? "expired" : "valid";
    }
}
