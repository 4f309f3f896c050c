import { Body, Controller, Param } from "@nestjs/common";
import { ApiBody, ApiResponse, ApiTags } from "@nestjs/swagger";

import { type Caller, CurrentCaller } from "../../core/auth/caller";
import { Endpoint } from "../../core/http/endpoint";
import { FEATURE_FLAGS_SCHEMA, FeatureFlagsResult, IdentityAddressParams, parseFeatureFlags } from "./feature-flags.dto";
import { FeatureFlagsService } from "./feature-flags.service";

/** The Consumer API of feature flags: translates HTTP to one service call per route and maps the result to its DTO. */
@ApiTags("Identities")
@Controller("api/v2/Identities")
export class FeatureFlagsController {
    constructor(private readonly featureFlags: FeatureFlagsService) {}

    @Endpoint({
        method: "PATCH",
        path: "Self/FeatureFlags",
        summary: "Set feature flags of the caller's identity",
        description:
            "Upserts the given flags (others stay). Names 1..200 characters, at most 200 per request and per identity. Peers of Pending/Active relationships and identities that allocated one of the caller's templates get a PeerFeatureFlagsChanged event.",
        result: "none",
        errors: [400, 401],
        // Up to 200 names of up to 200 characters each.
        bodyLimit: 256 * 1024
    })
    @ApiBody({ schema: FEATURE_FLAGS_SCHEMA })
    async updateOwnFeatureFlags(@CurrentCaller() caller: Caller, @Body() body: unknown): Promise<void> {
        await this.featureFlags.updateOwnFeatureFlags(caller, parseFeatureFlags(body));
    }

    @Endpoint({
        method: "GET",
        path: ":identityAddress/FeatureFlags",
        summary: "Get the feature flags of an identity",
        description:
            "For the identity itself, identities with a relationship (any status) to it, and identities that allocated one of its templates; 404 for everybody else. The first letter of every name is lower-cased, as the official Backbone's dictionary key policy does.",
        errors: [400, 401, 404]
    })
    @ApiResponse({ status: 200, description: "Success", type: FeatureFlagsResult })
    async getFeatureFlags(@CurrentCaller() caller: Caller, @Param() params: IdentityAddressParams): Promise<Record<string, boolean>> {
        return FeatureFlagsResult.from(await this.featureFlags.featureFlagsOf(caller, params.identityAddress));
    }
}
