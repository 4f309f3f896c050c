import { Module } from "@nestjs/common";
import { TypeOrmModule } from "@nestjs/typeorm";

import { Challenge } from "./challenge.entity";
import { ChallengesController } from "./challenges.controller";
import { ExpiredChallengesCleanup } from "./challenges.housekeeping";
import { ChallengesIdentityDeletion } from "./challenges.identity-deletion";
import { ChallengesRepository } from "./challenges.repository";
import { ChallengesService } from "./challenges.service";

/** Challenges: random values a key holder signs to prove possession when an identity or a device is created. */
@Module({
    imports: [TypeOrmModule.forFeature([Challenge])],
    controllers: [ChallengesController],
    providers: [ChallengesService, ChallengesRepository, ExpiredChallengesCleanup, ChallengesIdentityDeletion],
    exports: [ChallengesService]
})
export class ChallengesModule {}
