import { Body, Controller, Get, HttpCode, Param, Patch } from "@nestjs/common";
import { ApiBearerAuth, ApiBody, ApiOperation, ApiResponse, ApiTags } from "@nestjs/swagger";

import { type Caller, CurrentCaller } from "../../core/auth/caller";
import { ApiErrors, ApiNoContent } from "../../core/http/openapi";
import { BodyLimit } from "../../core/http/route-policy";
import { FEATURE_FLAGS_SCHEMA, FeatureFlagsResult, IdentityAddressParams } from "./feature-flags.dto";
import { FeatureFlagsService, parseFeatureFlags } from "./feature-flags.service";

@ApiTags("Identities")
@ApiBearerAuth()
@Controller("api/v2/Identities")
export class FeatureFlagsController {
    constructor(private readonly featureFlags: FeatureFlagsService) {}

    @Patch("Self/FeatureFlags")
    // Up to 200 names of up to 200 characters each.
    @BodyLimit(256 * 1024)
    @HttpCode(204)
    @ApiOperation({
        summary: "Set feature flags of the caller's identity",
        description:
            "Upserts the given flags (others stay). Names 1..200 characters, at most 200 per request and per identity. Peers of Pending/Active relationships and identities that allocated one of the caller's templates get a PeerFeatureFlagsChanged event."
    })
    @ApiBody({ schema: FEATURE_FLAGS_SCHEMA })
    @ApiNoContent()
    @ApiErrors(400, 401)
    async updateOwnFeatureFlags(@CurrentCaller() caller: Caller, @Body() body: unknown): Promise<void> {
        await this.featureFlags.updateOwnFeatureFlags(caller, parseFeatureFlags(body));
    }

    @Get(":identityAddress/FeatureFlags")
    @ApiOperation({
        summary: "Get the feature flags of an identity",
        description:
            "For the identity itself, identities with a relationship (any status) to it, and identities that allocated one of its templates; 404 for everybody else. The first letter of every name is lower-cased, as the official Backbone's dictionary key policy does."
    })
    @ApiResponse({ status: 200, description: "Success", type: FeatureFlagsResult })
    @ApiErrors(400, 401, 404)
    async getFeatureFlags(@CurrentCaller() caller: Caller, @Param() params: IdentityAddressParams): Promise<Record<string, boolean>> {
        return await this.featureFlags.featureFlagsOf(caller, params.identityAddress);
    }
}
