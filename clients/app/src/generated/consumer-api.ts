/**
 * GENERATED from openapi/consumer-api.json by `npm run clients` (tools/openapi/generate-clients.mjs). Do not edit:
 * change the controllers or DTOs, then regenerate.
 */

export interface paths {
    "/api/v2/Challenges": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a challenge
         * @description Anonymous, or authenticated to record the creating identity and device. Lives 10 minutes.
         */
        post: operations["createChallenge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/Challenges/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a challenge
         * @description Any identity may read any challenge until one hour after it expired.
         */
        get: operations["getChallenge"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/Devices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the devices of the caller's identity */
        get: operations["listDevices"];
        put?: never;
        /**
         * Register another device of the caller's identity
         * @description The challenge must be signed with the identity key.
         */
        post: operations["registerDevice"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/Devices/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a device that has not been onboarded yet */
        delete: operations["deleteDevice"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/Devices/Self": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get the calling device */
        get: operations["getOwnDevice"];
        /**
         * Update the calling device
         * @description Sets the language of push notification texts (ISO 639-1).
         */
        put: operations["updateOwnDevice"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/Devices/Self/Password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Change the calling device's password */
        put: operations["changeOwnPassword"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/Identities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create an identity with its first device
         * @description Proves possession of the identity key by a signed challenge; the address is derived from the key.
         */
        post: operations["createIdentity"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/Identities/IsDeleted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tell whether the identity of a device's username has been deleted */
        get: operations["isIdentityDeleted"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/Identities/Self": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get the caller's identity */
        get: operations["getOwnIdentity"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/connect/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Get an access token
         * @description OAuth2 password grant (form-encoded) with the OAuth client's credentials and a device's username and password.
         */
        post: operations["getToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        ChallengeDto: {
            createdBy: string | null;
            createdByDevice: string | null;
            /** Format: date-time */
            expiresAt: string;
            /** @example CHLaaaaaaaaaaaaaaaaa */
            id: string;
        };
        ChangePasswordRequest: {
            newPassword: string;
            oldPassword: string;
        };
        CreatedDeviceDto: {
            /** Format: date-time */
            createdAt: string;
            /** @example DVCaaaaaaaaaaaaaaaaa */
            id: string;
            /** @example USRaaaaaaaaaaaaaaaaa */
            username: string;
        };
        CreateIdentityRequest: {
            clientId: string;
            clientSecret: string;
            /** @example en */
            deviceCommunicationLanguage?: string;
            devicePassword: string;
            /** @description Base64(url) of the JSON public key object {pub, alg}. */
            identityPublicKey: string;
            /** Format: int32 */
            identityVersion: number;
            signedChallenge: components["schemas"]["SignedChallengeDto"];
        };
        CreateIdentityResponse: {
            address: string;
            /** Format: date-time */
            createdAt: string;
            device: components["schemas"]["CreatedDeviceDto"];
        };
        DeviceDto: {
            /** @example en */
            communicationLanguage: string;
            /** Format: date-time */
            createdAt: string;
            createdByDevice: string;
            id: string;
            isBackupDevice: boolean;
            lastLogin: components["schemas"]["LastLoginDto"] | null;
            username: string;
        };
        ErrorDetails: {
            /** @example error.platform.recordNotFound */
            code: string;
            /** @description null except for quota errors */
            data: components["schemas"]["QuotaExhaustion"][] | null;
            /** @example  */
            docs: string;
            /** @example ERRABCDEFGHJKLMNPQR */
            id: string;
            message: string;
            /** Format: date-time */
            time: string;
        };
        ErrorEnvelope: {
            error: components["schemas"]["ErrorDetails"];
        };
        IdentityDto: {
            address: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            deletionGracePeriodEndsAt: string | null;
            identityVersion: number;
            /** @enum {string} */
            status: "Active" | "ToBeDeleted" | "Deleting";
            tierId: string | null;
        };
        IsDeletedResponse: {
            /** Format: date-time */
            deletionDate: string | null;
            isDeleted: boolean;
        };
        LastLoginDto: {
            /** Format: date-time */
            time: string;
        };
        OAuthErrorResponse: {
            /** @enum {string} */
            error: "invalid_request" | "invalid_client" | "invalid_grant" | "unsupported_grant_type" | "access_denied";
            error_description?: string;
        };
        PaginationDto: {
            pageNumber: number;
            pageSize: number;
            totalPages: number;
            totalRecords: number;
        };
        QuotaExhaustion: {
            /** Format: date-time */
            isExhaustedUntil: string;
            /** @example NumberOfSentMessages */
            metricKey: string;
        };
        RegisterDeviceRequest: {
            /** @example en */
            communicationLanguage?: string;
            devicePassword: string;
            isBackupDevice?: boolean;
            signedChallenge: components["schemas"]["SignedChallengeDto"];
        };
        RegisterDeviceResponse: {
            /** Format: date-time */
            createdAt: string;
            createdByDevice: string;
            id: string;
            isBackupDevice: boolean;
            username: string;
        };
        SignedChallengeDto: {
            /** @description The challenge JSON exactly as signed. */
            challenge: string;
            /** @description Base64(url) of the JSON signature object {sig, alg}. */
            signature: string;
        };
        TokenRequest: {
            client_id: string;
            client_secret: string;
            /** @enum {string} */
            grant_type: "password";
            password: string;
            /** @example USRaaaaaaaaaaaaaaaaa */
            username: string;
        };
        TokenResponse: {
            access_token: string;
            /** @description Lifetime in seconds */
            expires_in: number;
            /** @example Bearer */
            token_type: string;
        };
        UpdateDeviceRequest: {
            /** @example de */
            communicationLanguage: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    createChallenge: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        result: components["schemas"]["ChallengeDto"];
                    };
                };
            };
            /** @description Invalid input or a violated rule; `error.code` tells which. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getChallenge: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        result: components["schemas"]["ChallengeDto"];
                    };
                };
            };
            /** @description Invalid input or a violated rule; `error.code` tells which. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired bearer token (empty body). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not found, or not visible to the caller. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    listDevices: {
        parameters: {
            query?: {
                ids?: string[];
                /** @description 1-based page number */
                pageNumber?: number;
                /** @description Items per page (default 50, at most 200) */
                pageSize?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page; `pagination` is present only when there is more than one page. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        pagination?: components["schemas"]["PaginationDto"];
                        result: components["schemas"]["DeviceDto"][];
                    };
                };
            };
            /** @description Invalid input or a violated rule; `error.code` tells which. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired bearer token (empty body). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    registerDevice: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterDeviceRequest"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        result: components["schemas"]["RegisterDeviceResponse"];
                    };
                };
            };
            /** @description Invalid input or a violated rule; `error.code` tells which. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired bearer token (empty body). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not found, or not visible to the caller. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    deleteDevice: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input or a violated rule; `error.code` tells which. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired bearer token (empty body). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not found, or not visible to the caller. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getOwnDevice: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        result: components["schemas"]["DeviceDto"];
                    };
                };
            };
            /** @description Missing, invalid or expired bearer token (empty body). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    updateOwnDevice: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateDeviceRequest"];
            };
        };
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input or a violated rule; `error.code` tells which. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired bearer token (empty body). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    changeOwnPassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangePasswordRequest"];
            };
        };
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input or a violated rule; `error.code` tells which. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing, invalid or expired bearer token (empty body). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    createIdentity: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateIdentityRequest"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        result: components["schemas"]["CreateIdentityResponse"];
                    };
                };
            };
            /** @description Invalid input or a violated rule; `error.code` tells which. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found, or not visible to the caller. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    isIdentityDeleted: {
        parameters: {
            query: {
                username: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        result: components["schemas"]["IsDeletedResponse"];
                    };
                };
            };
            /** @description Invalid input or a violated rule; `error.code` tells which. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getOwnIdentity: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        result: components["schemas"]["IdentityDto"];
                    };
                };
            };
            /** @description Missing, invalid or expired bearer token (empty body). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["TokenRequest"];
            };
        };
        responses: {
            /** @description The access token (no envelope). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenResponse"];
                };
            };
            /** @description Wrong username or password, locked out, or a malformed request. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthErrorResponse"];
                };
            };
            /** @description Unknown client or wrong client secret. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthErrorResponse"];
                };
            };
        };
    };
}
