import { Body, Controller, Get, HttpCode, Post, Query } from "@nestjs/common";
import { ApiBearerAuth, ApiOperation, ApiTags } from "@nestjs/swagger";

import { type Caller, CurrentCaller, Public } from "../../core/auth/caller";
import { ApiErrors, ApiResult } from "../../core/http/openapi";
import { AnonymousRateLimit } from "../../core/rate-limit/rate-limit";
import { CreateIdentityRequest, CreateIdentityResponse, IdentityDto, IsDeletedQuery, IsDeletedResponse } from "./devices.dto";
import { IdentitiesService } from "./identities.service";

@ApiTags("Identities")
@Controller("api/v2/Identities")
export class IdentitiesController {
    constructor(private readonly identities: IdentitiesService) {}

    @Post()
    @HttpCode(201)
    @Public()
    @AnonymousRateLimit("identities")
    @ApiOperation({
        summary: "Create an identity with its first device",
        description: "Proves possession of the identity key by a signed challenge; the address is derived from the key."
    })
    @ApiResult(CreateIdentityResponse, 201)
    @ApiErrors(400, 404)
    async createIdentity(@Body() request: CreateIdentityRequest): Promise<CreateIdentityResponse> {
        return await this.identities.createIdentity(request);
    }

    @Get("Self")
    @ApiBearerAuth()
    @ApiOperation({ summary: "Get the caller's identity" })
    @ApiResult(IdentityDto)
    @ApiErrors(401)
    async getOwnIdentity(@CurrentCaller() caller: Caller): Promise<IdentityDto> {
        return await this.identities.getIdentity(caller.address);
    }

    @Get("IsDeleted")
    @Public()
    @ApiOperation({ summary: "Tell whether the identity of a device's username has been deleted" })
    @ApiResult(IsDeletedResponse)
    @ApiErrors(400)
    async isIdentityDeleted(@Query() query: IsDeletedQuery): Promise<IsDeletedResponse> {
        return await this.identities.isDeleted(query.username);
    }
}
