import { Inject, Injectable } from "@nestjs/common";
import { InjectRepository } from "@nestjs/typeorm";
import type { Repository } from "typeorm";

import type { Caller } from "../../core/auth/caller";
import { Clock } from "../../core/clock/clock";
import { notFound } from "../../core/errors/errors";
import { newId } from "../../core/ids/ids";
import { Challenge, CHALLENGE_LIFETIME_MS } from "./challenge.entity";

@Injectable()
export class ChallengesService {
    constructor(
        @InjectRepository(Challenge) private readonly challenges: Repository<Challenge>,
        @Inject(Clock) private readonly clock: Clock
    ) {}

    async createChallenge(caller: Caller | undefined): Promise<Challenge> {
        const challenge = this.challenges.create({
            id: newId("CHL"),
            expiresAt: new Date(this.clock.now().getTime() + CHALLENGE_LIFETIME_MS),
            createdBy: caller?.address ?? null,
            createdByDevice: caller?.deviceId ?? null
        });
        await this.challenges.insert(challenge);
        return challenge;
    }

    async getChallenge(id: string): Promise<Challenge> {
        const challenge = await this.challenges.findOneBy({ id });
        if (!challenge || !challenge.isReadable(this.clock.now())) throw notFound("Challenge");
        return challenge;
    }

    /** The challenge a signed challenge refers to, for other modules; undefined when it does not exist. */
    async findChallenge(id: string): Promise<Challenge | undefined> {
        return (await this.challenges.findOneBy({ id })) ?? undefined;
    }
}
