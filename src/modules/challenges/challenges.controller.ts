import { Controller, Param } from "@nestjs/common";
import { ApiTags } from "@nestjs/swagger";

import { type Caller, CurrentCaller, OptionalCaller } from "../../core/auth/caller";
import { Endpoint, onRecord } from "../../core/http/endpoint";
import { AnonymousRateLimit } from "../../core/rate-limit/rate-limit";
import { ChallengeDto, ChallengeIdParams } from "./challenges.dto";
import { ChallengesService } from "./challenges.service";

@ApiTags("Challenges")
@Controller("api/v2/Challenges")
export class ChallengesController {
    constructor(private readonly challenges: ChallengesService) {}

    @Endpoint({
        method: "POST",
        auth: "optional",
        summary: "Create a challenge",
        description: "Anonymous, or authenticated to record the creating identity and device. Lives 10 minutes.",
        result: ChallengeDto,
        errors: [400]
    })
    @AnonymousRateLimit("challenges")
    async createChallenge(@OptionalCaller() caller: Caller | undefined): Promise<ChallengeDto> {
        return ChallengeDto.from(await this.challenges.createChallenge(caller));
    }

    @Endpoint({
        ...onRecord("GET"),
        summary: "Get a challenge",
        description: "Any identity may read any challenge until one hour after it expired.",
        result: ChallengeDto
    })
    async getChallenge(@CurrentCaller() _caller: Caller, @Param() params: ChallengeIdParams): Promise<ChallengeDto> {
        return ChallengeDto.from(await this.challenges.getChallenge(params.id));
    }
}
