import { Controller, Get, HttpCode, Param, Post } from "@nestjs/common";
import { ApiBearerAuth, ApiOperation, ApiTags } from "@nestjs/swagger";

import { type Caller, CurrentCaller, OptionalAuth, OptionalCaller } from "../../core/auth/caller";
import { ApiErrors, ApiResult } from "../../core/http/openapi";
import { AnonymousRateLimit } from "../../core/rate-limit/rate-limit";
import { ChallengeDto, ChallengeIdParams } from "./challenges.dto";
import { ChallengesService } from "./challenges.service";

@ApiTags("Challenges")
@Controller("api/v2/Challenges")
export class ChallengesController {
    constructor(private readonly challenges: ChallengesService) {}

    @Post()
    @HttpCode(201)
    @OptionalAuth()
    @AnonymousRateLimit("challenges")
    @ApiBearerAuth()
    @ApiOperation({
        summary: "Create a challenge",
        description: "Anonymous, or authenticated to record the creating identity and device. Lives 10 minutes."
    })
    @ApiResult(ChallengeDto, 201)
    @ApiErrors(400)
    async createChallenge(@OptionalCaller() caller: Caller | undefined): Promise<ChallengeDto> {
        return ChallengeDto.from(await this.challenges.createChallenge(caller));
    }

    @Get(":id")
    @ApiBearerAuth()
    @ApiOperation({ summary: "Get a challenge", description: "Any identity may read any challenge until one hour after it expired." })
    @ApiResult(ChallengeDto)
    @ApiErrors(400, 401, 404)
    async getChallenge(@CurrentCaller() _caller: Caller, @Param() params: ChallengeIdParams): Promise<ChallengeDto> {
        return ChallengeDto.from(await this.challenges.getChallenge(params.id));
    }
}
