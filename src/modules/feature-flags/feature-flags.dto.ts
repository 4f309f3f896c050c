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
