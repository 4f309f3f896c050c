import { ApiProperty } from "@nestjs/swagger";

import { AddressProperty } from "../../core/validation/decorators";
import { type FeatureFlag, MAX_FEATURE_FLAG_NAME_LENGTH } from "./feature-flag.entity";
import { FeatureFlagsErrors } from "./feature-flags.errors";

/** Most flags one PATCH may carry (wire contract 4.1). */
export const MAX_FEATURE_FLAGS_PER_REQUEST = 200;

export class IdentityAddressParams {
    @AddressProperty()
    identityAddress!: string;
}

/** `{"<flag name>": true|false, ...}` (a free-form map, checked by `parseFeatureFlags`). */
export const FEATURE_FLAGS_SCHEMA = {
    type: "object" as const,
    additionalProperties: { type: "boolean" as const },
    example: { supportsNotifications: true, beta: false }
};

/** Checks a PATCH body: a JSON object of names (1..200 characters) to booleans, at most 200 of them. */
export function parseFeatureFlags(body: unknown): Array<[string, boolean]> {
    if (body === null || typeof body !== "object" || Array.isArray(body)) throw FeatureFlagsErrors.notAnObject();
    const entries = Object.entries(body as Record<string, unknown>);
    if (entries.length > MAX_FEATURE_FLAGS_PER_REQUEST) throw FeatureFlagsErrors.tooManyInRequest(MAX_FEATURE_FLAGS_PER_REQUEST);
    for (const [name, enabled] of entries) {
        if (name.length === 0 || name.length > MAX_FEATURE_FLAG_NAME_LENGTH)
            throw FeatureFlagsErrors.invalidName(MAX_FEATURE_FLAG_NAME_LENGTH);
        if (typeof enabled !== "boolean") throw FeatureFlagsErrors.notABoolean();
    }
    return entries as Array<[string, boolean]>;
}

/** The `{result}` envelope of a feature flag map, named for the generators. */
export class FeatureFlagsResult {
    @ApiProperty({ ...FEATURE_FLAGS_SCHEMA, description: "Flag names and their values." })
    result!: Record<string, boolean>;

    /** The map the envelope carries: each flag under its name as the official Backbone shows it. */
    static from(flags: FeatureFlag[]): Record<string, boolean> {
        const result: Record<string, boolean> = {};
        for (const flag of flags) result[flag.displayName] = flag.enabled;
        return result;
    }
}
