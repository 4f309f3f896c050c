import { ApiProperty } from "@nestjs/swagger";

import { AddressProperty } from "../../core/validation/decorators";

export class IdentityAddressParams {
    @AddressProperty()
    identityAddress!: string;
}

/** `{"<flag name>": true|false, ...}` (a free-form map, checked by the service). */
export const FEATURE_FLAGS_SCHEMA = {
    type: "object" as const,
    additionalProperties: { type: "boolean" as const },
    example: { supportsNotifications: true, beta: false }
};

/** The `{result}` envelope of a feature flag map, named for the generators. */
export class FeatureFlagsResult {
    @ApiProperty({ ...FEATURE_FLAGS_SCHEMA, description: "Flag names and their values." })
    result!: Record<string, boolean>;
}
