import { Body, Controller, Query } from "@nestjs/common";
import { ApiTags } from "@nestjs/swagger";

import { Endpoint } from "../../core/http/endpoint";
import { AnonymousRateLimit } from "../../core/rate-limit/rate-limit";
import { CreateIdentityRequest, CreateIdentityResponse, IsDeletedQuery, IsDeletedResponse } from "./devices.dto";
import { DevicesService } from "./devices.service";

/**
 * The anonymous routes below `Identities` that concern devices: creating an identity with its first device, and
 * asking by a device's username whether its identity has been deleted.
 */
@ApiTags("Identities")
@Controller("api/v2/Identities")
export class OnboardingController {
    constructor(private readonly devices: DevicesService) {}

    @Endpoint({
        method: "POST",
        auth: "none",
        summary: "Create an identity with its first device",
        description: "Proves possession of the identity key by a signed challenge; the address is derived from the key.",
        result: CreateIdentityResponse,
        errors: [400, 404]
    })
    @AnonymousRateLimit("identities")
    async createIdentity(@Body() request: CreateIdentityRequest): Promise<CreateIdentityResponse> {
        return CreateIdentityResponse.from(await this.devices.createIdentity(request));
    }

    @Endpoint({
        method: "GET",
        path: "IsDeleted",
        auth: "none",
        summary: "Tell whether the identity of a device's username has been deleted",
        result: IsDeletedResponse,
        errors: [400]
    })
    async isIdentityDeleted(@Query() query: IsDeletedQuery): Promise<IsDeletedResponse> {
        return IsDeletedResponse.from(await this.devices.isIdentityDeleted(query.username));
    }
}
