import { Module } from "@nestjs/common";
import { TypeOrmModule } from "@nestjs/typeorm";

import { Challenge } from "./challenge.entity";
import { ChallengesController } from "./challenges.controller";
import { ExpiredChallengesCleanup } from "./challenges.housekeeping";
import { ChallengesIdentityDeletion } from "./challenges.identity-deletion";
import { ChallengesService } from "./challenges.service";

@Module({
    imports: [TypeOrmModule.forFeature([Challenge])],
    controllers: [ChallengesController],
    providers: [ChallengesService, ExpiredChallengesCleanup, ChallengesIdentityDeletion],
    exports: [ChallengesService]
})
export class ChallengesModule {}
