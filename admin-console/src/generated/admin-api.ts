/**
 * GENERATED from openapi/admin-api.json by `npm run clients` (tools/openapi/generate-clients.mjs). Do not edit:
 * change the controllers or DTOs, then regenerate.
 */

export interface paths {
    "/api/v1/Announcements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List all announcements
         * @description Newest first, with all texts.
         */
        get: operations["listAnnouncements"];
        put?: never;
        /**
         * Create an announcement
         * @description Texts per language (English required); recipients omitted or empty for everybody; actions with a display name per language.
         */
        post: operations["createAnnouncement"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/Announcements/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an announcement */
        get: operations["getAnnouncement"];
        put?: never;
        post?: never;
        /** Delete an announcement */
        delete: operations["deleteAnnouncement"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/Challenges": {
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
         * @description E.g. for POST /api/v1/Identities.
         */
        post: operations["createChallengeAsSupport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/Clients": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the OAuth clients
         * @description With their default tier and number of identities.
         */
        get: operations["listClients"];
        put?: never;
        /**
         * Create an OAuth client
         * @description Id and secret are generated unless given; the secret is shown only in this response. The default tier may be given by id or name.
         */
        post: operations["createClient"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/Clients/{clientId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an OAuth client */
        get: operations["getClient"];
        /**
         * Set a client's default tier and maximum number of identities
         * @description Both are replaced: an omitted or null maxIdentities removes the limit, a null defaultTier the tier.
         */
        put: operations["updateClient"];
        post?: never;
        /**
         * Delete an OAuth client
         * @description Its credentials stop working at once for logins and identity creation.
         */
        delete: operations["deleteClient"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/Clients/{clientId}/ChangeSecret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Replace a client's secret
         * @description Generated unless given; shown only in this response.
         */
        patch: operations["changeClientSecret"];
        trace?: never;
    };
    "/api/v1/Housekeeping": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the housekeeping schedule, jobs and last runs
         * @description Extension of this Backbone. The runs are those of every instance (scheduled and manual), newest first, at most 30.
         */
        get: operations["getHousekeeping"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/Housekeeping/Run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Run the housekeeping jobs now
         * @description Extension of this Backbone. Skips a job another instance is running at the moment. The run is recorded (GET /api/v1/Housekeeping).
         */
        post: operations["runHousekeeping"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/Identities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create an identity for a client
         * @description As POST /api/v2/Identities, but without the client's secret.
         */
        post: operations["createIdentity"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/Identities/{address}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get an identity
         * @description Client, tier, status, devices (never passwords or keys but the identity's public key) and quotas with usage.
         */
        get: operations["getIdentity"];
        /**
         * Move an identity to another tier
         * @description Not to or from the built-in tier 'Queued for Deletion'.
         */
        put: operations["updateIdentity"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/Identities/{address}/DeletionProcesses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the deletion processes of an identity
         * @description Newest first.
         */
        get: operations["listDeletionProcessesAsSupport"];
        put?: never;
        /**
         * Start the deletion of an identity as support
         * @description Active at once with the default grace period (14 days): the identity is ToBeDeleted and its devices see the process in GET /api/v2/Identities/Self/DeletionProcesses; an IdentityDeletionProcessStarted external event is written for them.
         */
        post: operations["startDeletionProcessAsSupport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/Identities/{address}/DeletionProcesses/{deletionProcessId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a deletion process of an identity with its audit log */
        get: operations["getDeletionProcessAsSupport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/Identities/{address}/DeletionProcesses/{deletionProcessId}/Cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Cancel an active deletion process as support
         * @description The identity is active again with its previous tier; its devices get an IdentityDeletionProcessStatusChanged event.
         */
        put: operations["cancelDeletionProcessAsSupport"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/Identities/{address}/DeletionProcesses/AuditLogs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the deletion audit log of an address
         * @description Every entry about the address, oldest first; the log names identities only by a hash and outlives them.
         */
        get: operations["listDeletionProcessesAuditLogs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/Identities/{address}/Quotas": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Give an identity an individual quota
         * @description For its metric, an identity's individual quotas apply instead of its tier's (except in the tier 'Queued for Deletion').
         */
        post: operations["createIndividualQuota"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/Identities/{address}/Quotas/{individualQuotaId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove an individual quota of an identity */
        delete: operations["deleteIndividualQuota"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/Messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the messages an identity sent or received
         * @description Metadata only, never bodies; oldest first.
         */
        get: operations["listMessagesOfParticipant"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/Metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the quota metrics
         * @description Key and display name of every metric quotas can limit.
         */
        get: operations["listMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/Relationships": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the relationships of an identity
         * @description Metadata only, oldest first.
         */
        get: operations["listRelationshipsOfParticipant"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/Statistics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the numbers of the Backbone
         * @description Extension of this Backbone (the admin console's overview): how many identities, devices, messages, relationships and files exist, the bytes of the stored files, open sync runs, undelivered external events, and the identities and messages created per day over the last 30 days (UTC). Records that were deleted are not counted.
         */
        get: operations["getStatistics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/Tiers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the tiers
         * @description With their number of identities.
         */
        get: operations["listTiers"];
        put?: never;
        /** Create a tier */
        post: operations["createTier"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/Tiers/{tierId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a tier with its quotas */
        get: operations["getTier"];
        put?: never;
        post?: never;
        /**
         * Delete a tier and its quotas
         * @description Refused while a client has it as default tier or an identity has it, and for the built-in tier.
         */
        delete: operations["deleteTier"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/Tiers/{tierId}/Quotas": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add a quota to a tier
         * @description At most one quota per metric and period.
         */
        post: operations["createTierQuota"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/Tiers/{tierId}/Quotas/{tierQuotaDefinitionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a quota from a tier */
        delete: operations["deleteTierQuota"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/Tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the tokens an identity created
         * @description Metadata only; `content` is always null. Oldest first.
         */
        get: operations["listTokensByIdentity"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/Tokens/{tokenId}/ResetAccessFailedCount": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Unlock a token after failed password attempts
         * @description Resets the count of wrong passwords, so that a token locked after too many can be fetched again.
         */
        patch: operations["resetAccessFailedCount"];
        trace?: never;
    };
    "/api/v1/ValidateApiKey": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check an API key
         * @description Answers whether the key in the body is the Admin API's key (no envelope). Needs no API key, but the anti-forgery token.
         */
        post: operations["validateApiKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/xsrf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get an anti-forgery token
         * @description Sets the cookie X-XSRF-COOKIE (unless the request carries a valid one) and answers the token that goes with it, as plain text. Requests with unsafe methods (POST, PUT, PATCH, DELETE) send the cookie and the token in the X-XSRF-TOKEN header. Needs no API key.
         */
        get: operations["getXsrfToken"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/odata/Identities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List identities (OData)
         * @description The identity overview of the official Admin UI. $filter: eq, ne, gt, ge, lt, le, and, or, not, parentheses, contains/startswith/endswith on text; properties address, createdAt, createdWithClient, identityVersion, numberOfDevices, lastLoginAt, datawalletVersion, status, tier/id, tier/name. $orderby on the same properties. $top at most 100 (also the default), $skip, $count=true, $expand=Tier. Other options are refused.
         */
        get: operations["listIdentityOverviews"];
        put?: never;
        post?: never;
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
        AdminAnnouncementActionDto: {
            /**
             * @example {
             *       "en": "Read more"
             *     }
             */
            displayName: {
                [key: string]: string;
            };
            link: string;
        };
        AdminAnnouncementDto: {
            actions: components["schemas"]["AdminAnnouncementActionDto"][];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            expiresAt: string | null;
            /** @example ANCaaaaaaaaaaaaaaaaa */
            id: string;
            iqlQuery: string | null;
            isSilent: boolean;
            /** @description Empty for an announcement to everybody. */
            recipients: string[];
            severity: components["schemas"]["AnnouncementSeverity"];
            texts: components["schemas"]["AdminAnnouncementTextDto"][];
        };
        AdminAnnouncementListResult: {
            result: components["schemas"]["AdminAnnouncementDto"][];
        };
        AdminAnnouncementResult: {
            result: components["schemas"]["AdminAnnouncementDto"];
        };
        AdminAnnouncementTextDto: {
            body: string;
            /** @example en */
            language: string;
            title: string;
        };
        AnnouncementActionInput: {
            /**
             * @description Display name per language (ISO 639-1 code → 1 to 30 characters, no line breaks); must contain `en`.
             * @example {
             *       "de": "Mehr lesen",
             *       "en": "Read more"
             *     }
             */
            displayName: {
                [key: string]: string;
            };
            /** @example https://example.org/news */
            link: string;
        };
        /** @enum {string} */
        AnnouncementSeverity: "Low" | "Medium" | "High";
        AnnouncementTextInput: {
            body: string;
            /** @example en */
            language: string;
            title: string;
        };
        ChangeClientSecretRequest: {
            /** @description Omitted, null or empty: a generated 30-character secret. */
            newSecret?: string | null;
        };
        ClientDto: {
            /** @example CLTaaaaaaaaaaaaaaaaa */
            clientId: string;
            /** Format: date-time */
            createdAt: string;
            /** @example TIRaaaaaaaaaaaaaaaaa */
            defaultTier: string | null;
            displayName: string;
            maxIdentities: number | null;
            numberOfIdentities: number;
        };
        ClientOverviewDto: {
            /** @example CLTaaaaaaaaaaaaaaaaa */
            clientId: string;
            /** Format: date-time */
            createdAt: string;
            /** @description null when the client gives new identities no tier */
            defaultTier: components["schemas"]["TierRefDto"] | null;
            displayName: string;
            maxIdentities: number | null;
            numberOfIdentities: number;
        };
        ClientOverviewListResult: {
            result: components["schemas"]["ClientOverviewDto"][];
        };
        ClientResult: {
            result: components["schemas"]["ClientDto"];
        };
        ClientWithSecretDto: {
            clientId: string;
            /** @description Shown only in this response; stored hashed. */
            clientSecret: string;
            /** Format: date-time */
            createdAt: string;
            defaultTier: string | null;
            displayName: string;
            maxIdentities: number | null;
        };
        ClientWithSecretResult: {
            result: components["schemas"]["ClientWithSecretDto"];
        };
        CreateAnnouncementRequest: {
            actions?: components["schemas"]["AnnouncementActionInput"][];
            /** Format: date-time */
            expiresAt?: string | null;
            iqlQuery?: string | null;
            /** @description Silent announcements cause no push notification (default false). */
            isSilent?: boolean;
            /** @description Recipient addresses (at most 100); omitted or empty for everybody. */
            recipients?: string[] | null;
            severity: components["schemas"]["AnnouncementSeverity"];
            texts: components["schemas"]["AnnouncementTextInput"][];
        };
        CreateClientRequest: {
            /** @description Default: a generated CLT… id. */
            clientId?: string | null;
            /** @description Default: a generated 30-character secret. */
            clientSecret?: string | null;
            /** @description Id or name of the tier new identities of this client get; omitted or null: none. */
            defaultTier?: string | null;
            /** @description Default: the client id. */
            displayName?: string | null;
            /**
             * Format: int32
             * @description Most identities this client may create; null for no limit.
             */
            maxIdentities?: number | null;
        };
        CreatedDeviceDto: {
            /** Format: date-time */
            createdAt: string;
            /** @example DVCaaaaaaaaaaaaaaaaa */
            id: string;
            /** @example USRaaaaaaaaaaaaaaaaa */
            username: string;
        };
        CreatedIdentityDto: {
            address: string;
            /** Format: date-time */
            createdAt: string;
            device: components["schemas"]["CreatedDeviceDto"];
        };
        CreatedIdentityResult: {
            result: components["schemas"]["CreatedIdentityDto"];
        };
        CreateIdentityAsSupportRequest: {
            clientId: string;
            /** @example en */
            deviceCommunicationLanguage?: string;
            devicePassword: string;
            /** @description Base64(url) of the JSON public key object {pub, alg}. */
            identityPublicKey: string;
            /** Format: int32 */
            identityVersion: number;
            signedChallenge: components["schemas"]["SignedChallengeDto"];
        };
        CreateQuotaRequest: {
            max: number;
            /**
             * @description One of NumberOfSentMessages, NumberOfRelationships, NumberOfRelationshipTemplates, NumberOfFiles, NumberOfTokens, UsedFileStorageSpace, NumberOfStartedDeletionProcesses, NumberOfCreatedDatawalletModifications, NumberOfCreatedDevices, NumberOfCreatedChallenges
             * @example NumberOfSentMessages
             */
            metricKey: string;
            period: components["schemas"]["QuotaPeriod"];
        };
        CreateTierRequest: {
            /** @example Basic */
            name: string;
        };
        DailyCountsDto: {
            /**
             * Format: date
             * @description A day in UTC
             * @example 2030-01-31
             */
            date: string;
            /** @description Identities created that day (and still existing) */
            identities: number;
            /** @description Messages sent that day (and still existing) */
            messages: number;
        };
        DeletionAuditLogEntryDto: {
            additionalData: {
                [key: string]: string;
            };
            /** Format: date-time */
            createdAt: string;
            /** @example IDAaaaaaaaaaaaaaaaaa */
            id: string;
            /** @enum {string} */
            messageKey: "StartedByOwner" | "StartedBySupport" | "CancelledByOwner" | "CancelledBySupport" | "DeletionStarted" | "DeletionCompleted";
            newStatus: string | null;
            oldStatus: string | null;
        };
        DeletionAuditLogEntryListResult: {
            result: components["schemas"]["DeletionAuditLogEntryDto"][];
        };
        DeletionProcessDetailsDto: {
            /**
             * Format: date-time
             * @description Deprecated: equals createdAt
             */
            approvedAt: string;
            /** @description Deprecated: equals createdByDevice */
            approvedByDevice: string | null;
            auditLog: components["schemas"]["DeletionAuditLogEntryDto"][];
            /** Format: date-time */
            createdAt: string;
            /** @description null when support started the process */
            createdByDevice: string | null;
            /** Format: date-time */
            gracePeriodEndsAt: string | null;
            /** Format: date-time */
            gracePeriodReminder1SentAt: string | null;
            /** Format: date-time */
            gracePeriodReminder2SentAt: string | null;
            /** Format: date-time */
            gracePeriodReminder3SentAt: string | null;
            /** @example IDPaaaaaaaaaaaaaaaaa */
            id: string;
            /** @enum {string} */
            status: "Active" | "Cancelled" | "Deleting";
        };
        DeletionProcessDetailsResult: {
            result: components["schemas"]["DeletionProcessDetailsDto"];
        };
        DeletionProcessOverviewDto: {
            /**
             * Format: date-time
             * @description Deprecated: equals createdAt
             */
            approvedAt: string;
            /** @description Deprecated: equals createdByDevice */
            approvedByDevice: string | null;
            /** Format: date-time */
            createdAt: string;
            /** @description null when support started the process */
            createdByDevice: string | null;
            /** Format: date-time */
            gracePeriodEndsAt: string | null;
            /** Format: date-time */
            gracePeriodReminder1SentAt: string | null;
            /** Format: date-time */
            gracePeriodReminder2SentAt: string | null;
            /** Format: date-time */
            gracePeriodReminder3SentAt: string | null;
            /** @example IDPaaaaaaaaaaaaaaaaa */
            id: string;
            /** @enum {string} */
            status: "Active" | "Cancelled" | "Deleting";
        };
        DeletionProcessOverviewListResult: {
            result: components["schemas"]["DeletionProcessOverviewDto"][];
        };
        DeviceDto: {
            /** @example en */
            communicationLanguage: string;
            /** Format: date-time */
            createdAt: string;
            createdByDevice: string;
            /** @example DVCaaaaaaaaaaaaaaaaa */
            id: string;
            isBackupDevice: boolean;
            lastLogin: components["schemas"]["LastLoginDto"] | null;
            /** @example USRaaaaaaaaaaaaaaaaa */
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
        HousekeepingReportDto: {
            /** @description Records removed per task. */
            removed: {
                [key: string]: number;
            };
            /** @description Tasks skipped because another run held their lock. */
            skipped: string[];
        };
        HousekeepingReportResult: {
            result: components["schemas"]["HousekeepingReportDto"];
        };
        HousekeepingRunDto: {
            durationMs: number;
            /** @description The task that failed (Failed runs only). */
            failedTask: string | null;
            /** @example HKRaaaaaaaaaaaaaaaaa */
            id: string;
            outcome: components["schemas"]["HousekeepingRunOutcome"];
            /** @description Records removed per task that ran. */
            removed: {
                [key: string]: number;
            };
            /** @description Tasks skipped because another run held their lock. */
            skipped: string[];
            /** Format: date-time */
            startedAt: string;
            /** @description The schedule or an operator */
            trigger: components["schemas"]["HousekeepingTrigger"];
        };
        /** @enum {string} */
        HousekeepingRunOutcome: "Completed" | "Failed";
        HousekeepingStatusDto: {
            /**
             * Format: date-time
             * @description When this instance's schedule starts the next run; null when it is off.
             */
            nextRunAt: string | null;
            /** @description The newest runs of all instances, newest first (at most 30). */
            runs: components["schemas"]["HousekeepingRunDto"][];
            /**
             * @description The schedule (HOUSEKEEPING_CRON, UTC).
             * @example 0 1 * * *
             */
            schedule: string;
            /** @description Whether this instance runs the jobs on its schedule (HOUSEKEEPING_ENABLED). */
            scheduleEnabled: boolean;
            /** @description The registered jobs, in the order a run goes through them. */
            tasks: string[];
        };
        HousekeepingStatusResult: {
            result: components["schemas"]["HousekeepingStatusDto"];
        };
        /**
         * @description The schedule or an operator
         * @enum {string}
         */
        HousekeepingTrigger: "Schedule" | "Manual";
        IdentityDetailsDto: {
            address: string;
            clientId: string;
            /** Format: date-time */
            createdAt: string;
            devices: components["schemas"]["DeviceDto"][];
            identityVersion: number;
            numberOfDevices: number;
            /**
             * Format: base64url
             * @description The identity's public key as it was registered Base64url without padding.
             */
            publicKey: string;
            /** @description Individual quotas first, then the tier's */
            quotas: components["schemas"]["IdentityQuotaDto"][];
            status: components["schemas"]["IdentityStatus"];
            tierId: string | null;
        };
        IdentityDetailsResult: {
            result: components["schemas"]["IdentityDetailsDto"];
        };
        IdentityOverviewDto: {
            address: string;
            /** Format: date-time */
            createdAt: string;
            createdWithClient: string;
            datawalletVersion: number | null;
            identityVersion: number;
            /** Format: date-time */
            lastLoginAt: string | null;
            numberOfDevices: number;
            /** @enum {string} */
            status: "Active" | "ToBeDeleted" | "Deleting";
            /** @description Only with $expand=Tier */
            tier?: components["schemas"]["TierRefDto"] | null;
        };
        IdentityOverviewPageDto: {
            /** @example /odata/$metadata#Identities */
            "@odata.context": string;
            /** @description Only with $count=true */
            "@odata.count"?: number;
            value: components["schemas"]["IdentityOverviewDto"][];
        };
        IdentityQuotaDto: {
            /** @example TQDaaaaaaaaaaaaaaaaa */
            id: string;
            max: number;
            metric: components["schemas"]["MetricDto"];
            period: components["schemas"]["QuotaPeriod"];
            /** @enum {string} */
            source: "Individual" | "Tier";
            /** @description Usage in the current period */
            usage: number;
        };
        /** @enum {string} */
        IdentityStatus: "Active" | "ToBeDeleted" | "Deleting";
        LastLoginDto: {
            /** Format: date-time */
            time: string;
        };
        MessageOverviewDto: {
            /** @example MSGaaaaaaaaaaaaaaaaa */
            messageId: string;
            numberOfAttachments: number;
            recipients: components["schemas"]["MessageRecipientOverviewDto"][];
            /** Format: date-time */
            sendDate: string;
            senderAddress: string;
            senderDevice: string;
        };
        MessageOverviewPage: {
            pagination?: components["schemas"]["PaginationDto"];
            result: components["schemas"]["MessageOverviewDto"][];
        };
        MessageRecipientOverviewDto: {
            address: string;
            /** Format: date-time */
            receivedAt: string | null;
            relationshipId: string;
        };
        MetricDto: {
            /** @example Number of Sent Messages */
            displayName: string;
            key: components["schemas"]["MetricKey"];
        };
        /** @enum {string} */
        MetricKey: "NumberOfSentMessages" | "NumberOfRelationships" | "NumberOfRelationshipTemplates" | "NumberOfFiles" | "NumberOfTokens" | "UsedFileStorageSpace" | "NumberOfStartedDeletionProcesses" | "NumberOfCreatedDatawalletModifications" | "NumberOfCreatedDevices" | "NumberOfCreatedChallenges";
        MetricListResult: {
            result: components["schemas"]["MetricDto"][];
        };
        PaginationDto: {
            pageNumber: number;
            pageSize: number;
            totalPages: number;
            totalRecords: number;
        };
        QuotaDefinitionDto: {
            /** @example TQDaaaaaaaaaaaaaaaaa */
            id: string;
            max: number;
            metric: components["schemas"]["MetricDto"];
            period: components["schemas"]["QuotaPeriod"];
        };
        QuotaDefinitionResult: {
            result: components["schemas"]["QuotaDefinitionDto"];
        };
        QuotaExhaustion: {
            /** Format: date-time */
            isExhaustedUntil: string;
            /** @example NumberOfSentMessages */
            metricKey: string;
        };
        /** @enum {string} */
        QuotaPeriod: "Hour" | "Day" | "Week" | "Month" | "Year" | "Total";
        RelationshipOverviewDto: {
            /** Format: date-time */
            answeredAt: string | null;
            answeredByDevice: string | null;
            createdByDevice: string | null;
            /** Format: date-time */
            creationDate: string;
            peer: string;
            /** @enum {string} */
            requestedBy: "Self" | "Peer";
            /** @enum {string} */
            status: "Pending" | "Active" | "Rejected" | "Revoked" | "Terminated" | "DeletionProposed" | "ReadyForDeletion";
            templateId: string | null;
        };
        RelationshipOverviewPage: {
            pagination?: components["schemas"]["PaginationDto"];
            result: components["schemas"]["RelationshipOverviewDto"][];
        };
        SignedChallengeDto: {
            /** @description The challenge JSON exactly as signed. */
            challenge: string;
            /** @description Base64(url) of the JSON signature object {sig, alg}. */
            signature: string;
        };
        StartedDeletionProcessDto: {
            /** Format: date-time */
            createdAt: string;
            /** @example IDPaaaaaaaaaaaaaaaaa */
            id: string;
            /** @enum {string} */
            status: "Active" | "Cancelled" | "Deleting";
        };
        StartedDeletionProcessResult: {
            result: components["schemas"]["StartedDeletionProcessDto"];
        };
        StatisticsDto: {
            /**
             * Format: int64
             * @description Sum of the stored files' cipher sizes
             */
            blobBytes: number;
            /** @description The last 30 days in UTC, oldest first, today last. */
            createdPerDay: components["schemas"]["DailyCountsDto"][];
            devices: number;
            files: number;
            identities: number;
            messages: number;
            /** @description Sync runs started and not yet finalized */
            openSyncRuns: number;
            /** @description External events not yet handed out by a sync run and not held back */
            pendingExternalEvents: number;
            relationships: number;
        };
        StatisticsResult: {
            result: components["schemas"]["StatisticsDto"];
        };
        SupportChallengeDto: {
            /** Format: date-time */
            expiresAt: string;
            /** @example CHLaaaaaaaaaaaaaaaaa */
            id: string;
        };
        SupportChallengeResult: {
            result: components["schemas"]["SupportChallengeDto"];
        };
        TierDetailsDto: {
            /** @example TIRaaaaaaaaaaaaaaaaa */
            id: string;
            name: string;
            quotas: components["schemas"]["QuotaDefinitionDto"][];
        };
        TierDetailsResult: {
            result: components["schemas"]["TierDetailsDto"];
        };
        TierOverviewDto: {
            canBeManuallyAssigned: boolean;
            canBeUsedAsDefaultForClient: boolean;
            /** @example TIRaaaaaaaaaaaaaaaaa */
            id: string;
            name: string;
            numberOfIdentities: number;
        };
        TierOverviewListResult: {
            result: components["schemas"]["TierOverviewDto"][];
        };
        TierRefDto: {
            /** @example TIRaaaaaaaaaaaaaaaaa */
            id: string;
            name: string;
        };
        TierRefResult: {
            result: components["schemas"]["TierRefDto"];
        };
        TokenOverviewDto: {
            /** @description Always null: the Admin API never shows contents. */
            content: string | null;
            /** Format: date-time */
            createdAt: string;
            createdBy: string | null;
            createdByDevice: string | null;
            /** Format: date-time */
            expiresAt: string;
            forIdentity: string | null;
            /** @example TOKaaaaaaaaaaaaaaaaa */
            id: string;
            isPasswordProtected: boolean;
        };
        TokenOverviewPage: {
            pagination?: components["schemas"]["PaginationDto"];
            result: components["schemas"]["TokenOverviewDto"][];
        };
        UpdateClientRequest: {
            /** @description Id of the tier new identities get; null: none. */
            defaultTier: string | null;
            /**
             * Format: int32
             * @description Omitted or null: no limit.
             */
            maxIdentities?: number | null;
        };
        UpdatedClientDto: {
            clientId: string;
            /** Format: date-time */
            createdAt: string;
            defaultTier: string | null;
            displayName: string;
            maxIdentities: number | null;
        };
        UpdatedClientResult: {
            result: components["schemas"]["UpdatedClientDto"];
        };
        UpdateIdentityRequest: {
            /** @example TIRaaaaaaaaaaaaaaaaa */
            tierId: string;
        };
        ValidateApiKeyRequest: {
            apiKey?: string | null;
        };
        ValidateApiKeyResponse: {
            isValid: boolean;
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
    listAnnouncements: {
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
                    "application/json": components["schemas"]["AdminAnnouncementListResult"];
                };
            };
            /** @description Missing or wrong X-API-KEY header (empty body). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    createAnnouncement: {
        parameters: {
            query?: never;
            header: {
                /** @description The token of GET /api/v1/xsrf */
                "x-xsrf-token": string;
            };
            path?: never;
            cookie: {
                /** @description The cookie of GET /api/v1/xsrf */
                "X-XSRF-COOKIE": string;
            };
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateAnnouncementRequest"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminAnnouncementResult"];
                };
            };
            /** @description Invalid input or a violated rule; `error.code` tells which. A missing or wrong anti-forgery token is answered with problem details (detail `xsrf-token-may-be-invalid`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing or wrong X-API-KEY header (empty body). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getAnnouncement: {
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
                    "application/json": components["schemas"]["AdminAnnouncementResult"];
                };
            };
            /** @description Missing or wrong X-API-KEY header (empty body). */
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
    deleteAnnouncement: {
        parameters: {
            query?: never;
            header: {
                /** @description The token of GET /api/v1/xsrf */
                "x-xsrf-token": string;
            };
            path: {
                id: string;
            };
            cookie: {
                /** @description The cookie of GET /api/v1/xsrf */
                "X-XSRF-COOKIE": string;
            };
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
            /** @description Invalid input or a violated rule; `error.code` tells which. A missing or wrong anti-forgery token is answered with problem details (detail `xsrf-token-may-be-invalid`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing or wrong X-API-KEY header (empty body). */
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
    createChallengeAsSupport: {
        parameters: {
            query?: never;
            header: {
                /** @description The token of GET /api/v1/xsrf */
                "x-xsrf-token": string;
            };
            path?: never;
            cookie: {
                /** @description The cookie of GET /api/v1/xsrf */
                "X-XSRF-COOKIE": string;
            };
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupportChallengeResult"];
                };
            };
            /** @description Invalid input or a violated rule; `error.code` tells which. A missing or wrong anti-forgery token is answered with problem details (detail `xsrf-token-may-be-invalid`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing or wrong X-API-KEY header (empty body). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    listClients: {
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
                    "application/json": components["schemas"]["ClientOverviewListResult"];
                };
            };
            /** @description Missing or wrong X-API-KEY header (empty body). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    createClient: {
        parameters: {
            query?: never;
            header: {
                /** @description The token of GET /api/v1/xsrf */
                "x-xsrf-token": string;
            };
            path?: never;
            cookie: {
                /** @description The cookie of GET /api/v1/xsrf */
                "X-XSRF-COOKIE": string;
            };
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateClientRequest"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClientWithSecretResult"];
                };
            };
            /** @description Invalid input or a violated rule; `error.code` tells which. A missing or wrong anti-forgery token is answered with problem details (detail `xsrf-token-may-be-invalid`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing or wrong X-API-KEY header (empty body). */
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
    getClient: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                clientId: string;
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
                    "application/json": components["schemas"]["ClientResult"];
                };
            };
            /** @description Missing or wrong X-API-KEY header (empty body). */
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
    updateClient: {
        parameters: {
            query?: never;
            header: {
                /** @description The token of GET /api/v1/xsrf */
                "x-xsrf-token": string;
            };
            path: {
                clientId: string;
            };
            cookie: {
                /** @description The cookie of GET /api/v1/xsrf */
                "X-XSRF-COOKIE": string;
            };
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateClientRequest"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UpdatedClientResult"];
                };
            };
            /** @description Invalid input or a violated rule; `error.code` tells which. A missing or wrong anti-forgery token is answered with problem details (detail `xsrf-token-may-be-invalid`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing or wrong X-API-KEY header (empty body). */
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
    deleteClient: {
        parameters: {
            query?: never;
            header: {
                /** @description The token of GET /api/v1/xsrf */
                "x-xsrf-token": string;
            };
            path: {
                clientId: string;
            };
            cookie: {
                /** @description The cookie of GET /api/v1/xsrf */
                "X-XSRF-COOKIE": string;
            };
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
            /** @description A missing or wrong anti-forgery token is answered with problem details (detail `xsrf-token-may-be-invalid`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": Record<string, never>;
                };
            };
            /** @description Missing or wrong X-API-KEY header (empty body). */
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
    changeClientSecret: {
        parameters: {
            query?: never;
            header: {
                /** @description The token of GET /api/v1/xsrf */
                "x-xsrf-token": string;
            };
            path: {
                clientId: string;
            };
            cookie: {
                /** @description The cookie of GET /api/v1/xsrf */
                "X-XSRF-COOKIE": string;
            };
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangeClientSecretRequest"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClientWithSecretResult"];
                };
            };
            /** @description Invalid input or a violated rule; `error.code` tells which. A missing or wrong anti-forgery token is answered with problem details (detail `xsrf-token-may-be-invalid`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing or wrong X-API-KEY header (empty body). */
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
    getHousekeeping: {
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
                    "application/json": components["schemas"]["HousekeepingStatusResult"];
                };
            };
            /** @description Missing or wrong X-API-KEY header (empty body). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    runHousekeeping: {
        parameters: {
            query?: never;
            header: {
                /** @description The token of GET /api/v1/xsrf */
                "x-xsrf-token": string;
            };
            path?: never;
            cookie: {
                /** @description The cookie of GET /api/v1/xsrf */
                "X-XSRF-COOKIE": string;
            };
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HousekeepingReportResult"];
                };
            };
            /** @description A missing or wrong anti-forgery token is answered with problem details (detail `xsrf-token-may-be-invalid`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": Record<string, never>;
                };
            };
            /** @description Missing or wrong X-API-KEY header (empty body). */
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
            header: {
                /** @description The token of GET /api/v1/xsrf */
                "x-xsrf-token": string;
            };
            path?: never;
            cookie: {
                /** @description The cookie of GET /api/v1/xsrf */
                "X-XSRF-COOKIE": string;
            };
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateIdentityAsSupportRequest"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedIdentityResult"];
                };
            };
            /** @description Invalid input or a violated rule; `error.code` tells which. A missing or wrong anti-forgery token is answered with problem details (detail `xsrf-token-may-be-invalid`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing or wrong X-API-KEY header (empty body). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getIdentity: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                address: string;
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
                    "application/json": components["schemas"]["IdentityDetailsResult"];
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
            /** @description Missing or wrong X-API-KEY header (empty body). */
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
    updateIdentity: {
        parameters: {
            query?: never;
            header: {
                /** @description The token of GET /api/v1/xsrf */
                "x-xsrf-token": string;
            };
            path: {
                address: string;
            };
            cookie: {
                /** @description The cookie of GET /api/v1/xsrf */
                "X-XSRF-COOKIE": string;
            };
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateIdentityRequest"];
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
            /** @description Invalid input or a violated rule; `error.code` tells which. A missing or wrong anti-forgery token is answered with problem details (detail `xsrf-token-may-be-invalid`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing or wrong X-API-KEY header (empty body). */
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
    listDeletionProcessesAsSupport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                address: string;
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
                    "application/json": components["schemas"]["DeletionProcessOverviewListResult"];
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
            /** @description Missing or wrong X-API-KEY header (empty body). */
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
    startDeletionProcessAsSupport: {
        parameters: {
            query?: never;
            header: {
                /** @description The token of GET /api/v1/xsrf */
                "x-xsrf-token": string;
            };
            path: {
                address: string;
            };
            cookie: {
                /** @description The cookie of GET /api/v1/xsrf */
                "X-XSRF-COOKIE": string;
            };
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StartedDeletionProcessResult"];
                };
            };
            /** @description Invalid input or a violated rule; `error.code` tells which. A missing or wrong anti-forgery token is answered with problem details (detail `xsrf-token-may-be-invalid`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing or wrong X-API-KEY header (empty body). */
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
    getDeletionProcessAsSupport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                address: string;
                deletionProcessId: string;
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
                    "application/json": components["schemas"]["DeletionProcessDetailsResult"];
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
            /** @description Missing or wrong X-API-KEY header (empty body). */
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
    cancelDeletionProcessAsSupport: {
        parameters: {
            query?: never;
            header: {
                /** @description The token of GET /api/v1/xsrf */
                "x-xsrf-token": string;
            };
            path: {
                address: string;
                deletionProcessId: string;
            };
            cookie: {
                /** @description The cookie of GET /api/v1/xsrf */
                "X-XSRF-COOKIE": string;
            };
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
            /** @description Invalid input or a violated rule; `error.code` tells which. A missing or wrong anti-forgery token is answered with problem details (detail `xsrf-token-may-be-invalid`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing or wrong X-API-KEY header (empty body). */
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
    listDeletionProcessesAuditLogs: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                address: string;
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
                    "application/json": components["schemas"]["DeletionAuditLogEntryListResult"];
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
            /** @description Missing or wrong X-API-KEY header (empty body). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    createIndividualQuota: {
        parameters: {
            query?: never;
            header: {
                /** @description The token of GET /api/v1/xsrf */
                "x-xsrf-token": string;
            };
            path: {
                address: string;
            };
            cookie: {
                /** @description The cookie of GET /api/v1/xsrf */
                "X-XSRF-COOKIE": string;
            };
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateQuotaRequest"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuotaDefinitionResult"];
                };
            };
            /** @description Invalid input or a violated rule; `error.code` tells which. A missing or wrong anti-forgery token is answered with problem details (detail `xsrf-token-may-be-invalid`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing or wrong X-API-KEY header (empty body). */
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
    deleteIndividualQuota: {
        parameters: {
            query?: never;
            header: {
                /** @description The token of GET /api/v1/xsrf */
                "x-xsrf-token": string;
            };
            path: {
                address: string;
                individualQuotaId: string;
            };
            cookie: {
                /** @description The cookie of GET /api/v1/xsrf */
                "X-XSRF-COOKIE": string;
            };
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
            /** @description Invalid input or a violated rule; `error.code` tells which. A missing or wrong anti-forgery token is answered with problem details (detail `xsrf-token-may-be-invalid`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing or wrong X-API-KEY header (empty body). */
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
    listMessagesOfParticipant: {
        parameters: {
            query: {
                /** @description 1-based page number */
                pageNumber?: number;
                /** @description Items per page (default 50, at most 200) */
                pageSize?: number;
                /** @description The identity whose records are listed */
                participant: string;
                /** @description Messages the participant received or sent */
                type: "Incoming" | "Outgoing";
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
                    "application/json": components["schemas"]["MessageOverviewPage"];
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
            /** @description Missing or wrong X-API-KEY header (empty body). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    listMetrics: {
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
                    "application/json": components["schemas"]["MetricListResult"];
                };
            };
            /** @description Missing or wrong X-API-KEY header (empty body). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    listRelationshipsOfParticipant: {
        parameters: {
            query: {
                /** @description 1-based page number */
                pageNumber?: number;
                /** @description Items per page (default 50, at most 200) */
                pageSize?: number;
                /** @description The identity whose records are listed */
                participant: string;
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
                    "application/json": components["schemas"]["RelationshipOverviewPage"];
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
            /** @description Missing or wrong X-API-KEY header (empty body). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getStatistics: {
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
                    "application/json": components["schemas"]["StatisticsResult"];
                };
            };
            /** @description Missing or wrong X-API-KEY header (empty body). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    listTiers: {
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
                    "application/json": components["schemas"]["TierOverviewListResult"];
                };
            };
            /** @description Missing or wrong X-API-KEY header (empty body). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    createTier: {
        parameters: {
            query?: never;
            header: {
                /** @description The token of GET /api/v1/xsrf */
                "x-xsrf-token": string;
            };
            path?: never;
            cookie: {
                /** @description The cookie of GET /api/v1/xsrf */
                "X-XSRF-COOKIE": string;
            };
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateTierRequest"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TierRefResult"];
                };
            };
            /** @description Invalid input or a violated rule; `error.code` tells which. A missing or wrong anti-forgery token is answered with problem details (detail `xsrf-token-may-be-invalid`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing or wrong X-API-KEY header (empty body). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getTier: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                tierId: string;
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
                    "application/json": components["schemas"]["TierDetailsResult"];
                };
            };
            /** @description Missing or wrong X-API-KEY header (empty body). */
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
    deleteTier: {
        parameters: {
            query?: never;
            header: {
                /** @description The token of GET /api/v1/xsrf */
                "x-xsrf-token": string;
            };
            path: {
                tierId: string;
            };
            cookie: {
                /** @description The cookie of GET /api/v1/xsrf */
                "X-XSRF-COOKIE": string;
            };
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
            /** @description Invalid input or a violated rule; `error.code` tells which. A missing or wrong anti-forgery token is answered with problem details (detail `xsrf-token-may-be-invalid`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing or wrong X-API-KEY header (empty body). */
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
    createTierQuota: {
        parameters: {
            query?: never;
            header: {
                /** @description The token of GET /api/v1/xsrf */
                "x-xsrf-token": string;
            };
            path: {
                tierId: string;
            };
            cookie: {
                /** @description The cookie of GET /api/v1/xsrf */
                "X-XSRF-COOKIE": string;
            };
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateQuotaRequest"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuotaDefinitionResult"];
                };
            };
            /** @description Invalid input or a violated rule; `error.code` tells which. A missing or wrong anti-forgery token is answered with problem details (detail `xsrf-token-may-be-invalid`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing or wrong X-API-KEY header (empty body). */
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
    deleteTierQuota: {
        parameters: {
            query?: never;
            header: {
                /** @description The token of GET /api/v1/xsrf */
                "x-xsrf-token": string;
            };
            path: {
                tierId: string;
                tierQuotaDefinitionId: string;
            };
            cookie: {
                /** @description The cookie of GET /api/v1/xsrf */
                "X-XSRF-COOKIE": string;
            };
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
            /** @description Invalid input or a violated rule; `error.code` tells which. A missing or wrong anti-forgery token is answered with problem details (detail `xsrf-token-may-be-invalid`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing or wrong X-API-KEY header (empty body). */
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
    listTokensByIdentity: {
        parameters: {
            query: {
                /** @description The identity that created the tokens */
                createdBy: string;
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
                    "application/json": components["schemas"]["TokenOverviewPage"];
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
            /** @description Missing or wrong X-API-KEY header (empty body). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    resetAccessFailedCount: {
        parameters: {
            query?: never;
            header: {
                /** @description The token of GET /api/v1/xsrf */
                "x-xsrf-token": string;
            };
            path: {
                tokenId: string;
            };
            cookie: {
                /** @description The cookie of GET /api/v1/xsrf */
                "X-XSRF-COOKIE": string;
            };
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
            /** @description Invalid input or a violated rule; `error.code` tells which. A missing or wrong anti-forgery token is answered with problem details (detail `xsrf-token-may-be-invalid`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Missing or wrong X-API-KEY header (empty body). */
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
    validateApiKey: {
        parameters: {
            query?: never;
            header: {
                /** @description The token of GET /api/v1/xsrf */
                "x-xsrf-token": string;
            };
            path?: never;
            cookie: {
                /** @description The cookie of GET /api/v1/xsrf */
                "X-XSRF-COOKIE": string;
            };
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ValidateApiKeyRequest"];
            };
        };
        responses: {
            /** @description Whether the key is valid */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidateApiKeyResponse"];
                };
            };
            /** @description A missing or wrong anti-forgery token is answered with problem details (detail `xsrf-token-may-be-invalid`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": Record<string, never>;
                };
            };
        };
    };
    getXsrfToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The token */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
        };
    };
    listIdentityOverviews: {
        parameters: {
            query?: {
                $count?: boolean;
                $expand?: "Tier";
                $filter?: unknown;
                $orderby?: unknown;
                $skip?: number;
                $top?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of identities (OData JSON, no envelope) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IdentityOverviewPageDto"];
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
            /** @description Missing or wrong X-API-KEY header (empty body). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
