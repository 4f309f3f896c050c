import { Controller } from "@nestjs/common";
import { ApiTags } from "@nestjs/swagger";

import { type Caller, CurrentCaller } from "../../core/auth/caller";
import { Endpoint } from "../../core/http/endpoint";
import { IdentityDto } from "./identities.dto";
import { IdentitiesService } from "./identities.service";

/** The Consumer API of an identity itself (its creation with the first device is the devices module's onboarding). */
@ApiTags("Identities")
@Controller("api/v2/Identities")
export class IdentitiesController {
    constructor(private readonly identities: IdentitiesService) {}

    @Endpoint({ method: "GET", path: "Self", summary: "Get the caller's identity", result: IdentityDto, errors: [401] })
    async getOwnIdentity(@CurrentCaller() caller: Caller): Promise<IdentityDto> {
        return IdentityDto.from(await this.identities.getIdentity(caller.address));
    }
}
