/**
 * GENERATED from openapi/consumer-api.json by `npm run clients` (tools/openapi/generate-clients.mjs). Do not edit:
 * change the controllers or DTOs, then regenerate.
 */

export interface paths {
    "/api/poc/PublicRelationshipTemplateReferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the public relationship template references configured for the caller's OAuth client */
        get: operations["listPublicRelationshipTemplateReferences"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/Announcements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the announcements for the caller
         * @description Announcements addressed to everybody or to the caller, in the requested language (falling back to English).
         */
        get: operations["listAnnouncements"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
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
    "/api/v2/Datawallet": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get the caller's datawallet */
        get: operations["getDatawallet"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/Datawallet/Modifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List datawallet modifications after a local index
         * @description Only the latest modification per (objectIdentifier, type, payloadCategory), ordered by index.
         */
        get: operations["listDatawalletModifications"];
        put?: never;
        /**
         * Push datawallet modifications
         * @description localIndex must be the index of the latest modification; refused while any sync run of the identity is unfinalized.
         */
        post: operations["pushDatawalletModifications"];
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
    "/api/v2/Devices/Self/PushNotifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Register the calling device for push notifications
         * @description Creates or replaces the device's registration; the devicePushIdentifier stays stable for it.
         */
        put: operations["updatePushRegistration"];
        post?: never;
        /** Remove the calling device's push registration */
        delete: operations["deletePushRegistration"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/Files": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the caller's files
         * @description Files created by the caller that have not expired, optionally only those with the given ids.
         */
        get: operations["listFiles"];
        put?: never;
        /**
         * Upload a file
         * @description multipart/form-data: the encrypted `content` as a file part plus the metadata. The byte fields may be text parts (base64url or base64, as the official client sends them) or file parts with the raw bytes. The content is streamed to storage.
         */
        post: operations["uploadFile"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/Files/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download a file's content
         * @description Any authenticated identity may download any file that has not expired.
         */
        get: operations["downloadFile"];
        put?: never;
        post?: never;
        /**
         * Delete a file the caller created
         * @description Removes the metadata and the content.
         */
        delete: operations["deleteFile"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/Files/{id}/ClaimOwnership": {
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
         * Become the owner of a file
         * @description With the current ownership token. A wrong token locks the ownership (403) until the owner regenerates the token.
         */
        patch: operations["claimFileOwnership"];
        trace?: never;
    };
    "/api/v2/Files/{id}/Metadata": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a file's metadata */
        get: operations["getFileMetadata"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/Files/{id}/RegenerateOwnershipToken": {
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
         * Replace the ownership token
         * @description Only the owner; unlocks the ownership.
         */
        patch: operations["regenerateOwnershipToken"];
        trace?: never;
    };
    "/api/v2/Files/{id}/ValidateOwnershipToken": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check an ownership token
         * @description A wrong token from somebody other than the owner locks the ownership.
         */
        post: operations["validateOwnershipToken"];
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
    "/api/v2/Identities/{identityAddress}/FeatureFlags": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the feature flags of an identity
         * @description For the identity itself, identities with a relationship (any status) to it, and identities that allocated one of its templates; 404 for everybody else. The first letter of every name is lower-cased, as the official Backbone's dictionary key policy does.
         */
        get: operations["getFeatureFlags"];
        put?: never;
        post?: never;
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
    "/api/v2/Identities/Self/DeletionProcesses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the deletion processes of the caller's identity */
        get: operations["listDeletionProcesses"];
        put?: never;
        /**
         * Start the deletion of the caller's identity
         * @description The identity is deleted when the grace period (default 14 days) is over, unless the process is cancelled before.
         */
        post: operations["startDeletionProcess"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/Identities/Self/DeletionProcesses/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a deletion process of the caller's identity */
        get: operations["getDeletionProcess"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/Identities/Self/DeletionProcesses/{id}/Cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Cancel a deletion process during its grace period */
        put: operations["cancelDeletionProcess"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/Identities/Self/FeatureFlags": {
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
         * Set feature flags of the caller's identity
         * @description Upserts the given flags (others stay). Names 1..200 characters, at most 200 per request and per identity. Peers of Pending/Active relationships and identities that allocated one of the caller's templates get a PeerFeatureFlagsChanged event.
         */
        patch: operations["updateOwnFeatureFlags"];
        trace?: never;
    };
    "/api/v2/Messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the messages the caller sent or received
         * @description Optionally filtered by `ids`. Marks the listed messages as received for the calling recipient.
         */
        get: operations["listMessages"];
        put?: never;
        /**
         * Send a message
         * @description Every recipient needs a relationship with the sender in status Active, Pending or Terminated.
         */
        post: operations["sendMessage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/Messages/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a message
         * @description Marks it as received for the calling recipient.
         */
        get: operations["getMessage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/Notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a notification to peers
         * @description A visible push with the server-configured texts of `code`, in each device's language (fallback English), to all devices of every recipient. The youngest relationship to each recipient must be Pending, Active or Terminated. Nothing is stored.
         */
        post: operations["sendNotification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/Quotas": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the caller's quotas
         * @description The quotas of the caller's tier per metric, with the usage in the current period.
         */
        get: operations["listOwnQuotas"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/Relationships": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List relationships of the caller by id
         * @description `ids` is required and must not be empty.
         */
        get: operations["listRelationships"];
        put?: never;
        /** Request a relationship with the creator of a template */
        post: operations["createRelationship"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/Relationships/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a relationship */
        get: operations["getRelationship"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/Relationships/{id}/Accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Accept a pending relationship addressed to the caller */
        put: operations["acceptRelationship"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/Relationships/{id}/Decompose": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Decompose a relationship
         * @description The first participant moves it to DeletionProposed, the second to ReadyForDeletion.
         */
        put: operations["decomposeRelationship"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/Relationships/{id}/Reactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Request the reactivation of a terminated relationship */
        put: operations["requestRelationshipReactivation"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/Relationships/{id}/Reactivate/Accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Accept the peer's reactivation request */
        put: operations["acceptRelationshipReactivation"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/Relationships/{id}/Reactivate/Reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Reject the peer's reactivation request */
        put: operations["rejectRelationshipReactivation"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/Relationships/{id}/Reactivate/Revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Revoke the caller's own reactivation request */
        put: operations["revokeRelationshipReactivation"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/Relationships/{id}/Reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Reject a pending relationship addressed to the caller */
        put: operations["rejectRelationship"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/Relationships/{id}/Revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Revoke a pending relationship the caller created */
        put: operations["revokeRelationship"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/Relationships/{id}/Terminate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Terminate an active relationship */
        put: operations["terminateRelationship"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/Relationships/CanCreate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether the caller can create a relationship with a peer, and if not, why */
        get: operations["canCreateRelationship"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/RelationshipTemplates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List relationship templates by id
         * @description Items as `templates.<n>.id` and `templates.<n>.password` (standard base64, URL-encoded), or the legacy `ids`. At least one item is required. Does not allocate.
         */
        get: operations["listRelationshipTemplates"];
        put?: never;
        /** Create a relationship template */
        post: operations["createRelationshipTemplate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/RelationshipTemplates/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a relationship template
         * @description Allocates the template for the caller unless the caller created or already allocated it.
         */
        get: operations["getRelationshipTemplate"];
        put?: never;
        post?: never;
        /** Delete an own relationship template */
        delete: operations["deleteRelationshipTemplate"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/sse": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Open a server-sent event stream for the calling device
         * @description First `event: ConnectionOpened`, then `event: ExternalEventCreated` whenever the identity has new external events and `event: DatawalletModificationsCreated` when another device of the identity changed the datawallet (data always `_`); comment lines as heartbeats. Also answered at `/api/v1/sse`, where the official Connector opens it.
         */
        get: operations["openEventStream"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/SyncRuns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start a sync run
         * @description ExternalEventSync hands all deliverable external events to the new run (200 NoNewEvents when there are none); DatawalletVersionUpgrade runs are always created. At most one run per identity is active.
         */
        post: operations["startSyncRun"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/SyncRuns/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a sync run of the caller's identity */
        get: operations["getSyncRun"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/SyncRuns/{id}/ExternalEvents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the external events of a sync run started by the calling device
         * @description Ordered by index.
         */
        get: operations["listExternalEventsOfSyncRun"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/SyncRuns/{id}/FinalizeDatawalletVersionUpgrade": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Finalize a datawallet version upgrade run
         * @description Creates the datawallet on the first upgrade.
         */
        put: operations["finalizeDatawalletVersionUpgrade"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/SyncRuns/{id}/FinalizeExternalEventSync": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Finalize an external event sync run
         * @description Events without a result or with an errorCode count a failed attempt and are delivered again (at most 3 attempts); datawallet modifications are appended.
         */
        put: operations["finalizeExternalEventSync"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/SyncRuns/{id}/RefreshExpirationTime": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Extend a running sync run by 10 seconds from now */
        put: operations["refreshSyncRunExpirationTime"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/Tags": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the attribute tags
         * @description Answers 304 when If-None-Match carries the current ETag.
         */
        get: operations["getTags"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/Tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List tokens by id
         * @description Only tokens the caller created or has read before; expiry is not checked.
         */
        get: operations["listTokens"];
        put?: never;
        /**
         * Create a token
         * @description Anonymous callers may only create empty tokens (no content) that expire within five minutes.
         */
        post: operations["createToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/Tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a token
         * @description Anonymous or authenticated. Expired, personalised for someone else, or a wrong password: 404. An authenticated reader keeps access (allocation).
         */
        get: operations["getToken"];
        put?: never;
        post?: never;
        /** Delete a token the caller created */
        delete: operations["deleteToken"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/Tokens/{id}/UpdateContent": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Fill an empty token
         * @description The caller becomes the token's creator.
         */
        post: operations["updateTokenContent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/Version": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get the Backbone's major version */
        get: operations["getVersion"];
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
         * @description OAuth2 password grant (form-encoded) with a device's username and password. The OAuth client authenticates with `client_id` and `client_secret` in the form or with HTTP Basic (RFC 6749 §2.3.1: both form-urlencoded, joined by `:`, base64); both at once must agree.
         */
        post: operations["requestAccessToken"];
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
        AnnouncementActionDto: {
            displayName: string;
            iqlQuery: string | null;
            link: string;
        };
        AnnouncementDto: {
            actions: components["schemas"]["AnnouncementActionDto"][];
            body: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            expiresAt: string | null;
            /** @example ANCaaaaaaaaaaaaaaaaa */
            id: string;
            iqlQuery: string | null;
            severity: components["schemas"]["AnnouncementSeverity"];
            title: string;
        };
        AnnouncementListResult: {
            result: components["schemas"]["AnnouncementDto"][];
        };
        /** @enum {string} */
        AnnouncementSeverity: "Low" | "Medium" | "High";
        AttachmentDto: {
            /** @example FILaaaaaaaaaaaaaaaaa */
            id: string;
        };
        AuditLogEntryDto: {
            /** Format: date-time */
            createdAt: string;
            createdBy: string;
            createdByDevice: string | null;
            newStatus: components["schemas"]["RelationshipStatus"];
            /** @description null for the creation */
            oldStatus: (string & components["schemas"]["RelationshipStatus"]) | null;
            reason: components["schemas"]["RelationshipAuditLogReason"];
        };
        CanCreateRelationshipResponse: {
            canCreate: boolean;
            code: string | null;
        };
        CanCreateRelationshipResult: {
            result: components["schemas"]["CanCreateRelationshipResponse"];
        };
        ChallengeDto: {
            createdBy: string | null;
            createdByDevice: string | null;
            /** Format: date-time */
            expiresAt: string;
            /** @example CHLaaaaaaaaaaaaaaaaa */
            id: string;
        };
        ChallengeResult: {
            result: components["schemas"]["ChallengeDto"];
        };
        ChangePasswordRequest: {
            newPassword: string;
            oldPassword: string;
        };
        CreatedDatawalletModificationDto: {
            /** Format: date-time */
            createdAt: string;
            /** @example DWMaaaaaaaaaaaaaaaaa */
            id: string;
            /** Format: int64 */
            index: number;
        };
        CreatedDeviceDto: {
            /** Format: date-time */
            createdAt: string;
            /** @example DVCaaaaaaaaaaaaaaaaa */
            id: string;
            /** @example USRaaaaaaaaaaaaaaaaa */
            username: string;
        };
        CreatedRelationshipTemplateDto: {
            /** Format: date-time */
            createdAt: string;
            /** @example RLTaaaaaaaaaaaaaaaaa */
            id: string;
        };
        CreatedRelationshipTemplateResult: {
            result: components["schemas"]["CreatedRelationshipTemplateDto"];
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
        CreateIdentityResult: {
            result: components["schemas"]["CreateIdentityResponse"];
        };
        CreateRelationshipRequest: {
            /**
             * Format: base64url
             * @description Base64url or base64 (padding optional); 0..10485760 bytes once decoded.
             */
            creationContent?: string | null;
            /** @example RLTaaaaaaaaaaaaaaaaa */
            relationshipTemplateId: string;
        };
        CreateRelationshipTemplateRequest: {
            /**
             * Format: base64url
             * @description The encrypted template content. Base64url or base64 (padding optional); 0..10485760 bytes once decoded.
             */
            content: string;
            /**
             * Format: date-time
             * @description Must lie in the future.
             */
            expiresAt?: string | null;
            /**
             * @description Only this identity (and the creator) may see the template.
             * @example did:e:localhost:dids:76a33ea3665eef489c70bb
             */
            forIdentity?: string | null;
            /** Format: int32 */
            maxNumberOfAllocations?: number | null;
            /**
             * Format: base64url
             * @description Base64url or base64 (padding optional); 1..200 bytes once decoded.
             */
            password?: string | null;
        };
        CreateTokenRequest: {
            /**
             * Format: base64url
             * @description Encrypted content; must be absent for anonymous callers. Base64url or base64 (padding optional); 0..10485760 bytes once decoded.
             */
            content?: string | null;
            /**
             * Format: date-time
             * @description Must lie in the future (for anonymous callers: within the next five minutes).
             */
            expiresAt: string;
            /**
             * @description Only this identity (and the creator) can read the token.
             * @example did:e:localhost:dids:76a33ea3665eef489c70bb
             */
            forIdentity?: string | null;
            /**
             * Format: base64url
             * @description Base64url or base64 (padding optional); 1..200 bytes once decoded.
             */
            password?: string | null;
        };
        CreateTokenResponse: {
            /** Format: date-time */
            createdAt: string;
            /** @example TOKaaaaaaaaaaaaaaaaa */
            id: string;
        };
        CreateTokenResult: {
            result: components["schemas"]["CreateTokenResponse"];
        };
        DatawalletDto: {
            version: number;
        };
        DatawalletModificationDto: {
            collection: string;
            /** Format: date-time */
            createdAt: string;
            createdByDevice: string;
            datawalletVersion: number;
            /**
             * Format: base64url
             * @description Base64url without padding.
             */
            encryptedPayload: string | null;
            /** @example DWMaaaaaaaaaaaaaaaaa */
            id: string;
            /** Format: int64 */
            index: number;
            objectIdentifier: string;
            payloadCategory: string | null;
            type: components["schemas"]["DatawalletModificationType"];
        };
        DatawalletModificationPage: {
            pagination?: components["schemas"]["PaginationDto"];
            result: components["schemas"]["DatawalletModificationDto"][];
        };
        /** @enum {string} */
        DatawalletModificationType: "Create" | "Update" | "Delete" | "CacheChanged";
        DatawalletResult: {
            result: components["schemas"]["DatawalletDto"];
        };
        DeletionProcessDto: {
            /**
             * Format: date-time
             * @description Deprecated: equals createdAt
             */
            approvedAt: string;
            /** @description Deprecated: equals createdByDevice */
            approvedByDevice: string | null;
            /** Format: date-time */
            cancelledAt: string | null;
            cancelledByDevice: string | null;
            /** Format: date-time */
            createdAt: string;
            /** @description The device that started the process; null when support started it */
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
            status: components["schemas"]["DeletionProcessStatus"];
        };
        DeletionProcessListResult: {
            result: components["schemas"]["DeletionProcessDto"][];
        };
        DeletionProcessResult: {
            result: components["schemas"]["DeletionProcessDto"];
        };
        /** @enum {string} */
        DeletionProcessStatus: "Active" | "Cancelled" | "Deleting";
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
        DevicePage: {
            pagination?: components["schemas"]["PaginationDto"];
            result: components["schemas"]["DeviceDto"][];
        };
        DeviceResult: {
            result: components["schemas"]["DeviceDto"];
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
        ExternalEventDto: {
            /** Format: date-time */
            createdAt: string;
            /** @example SYIaaaaaaaaaaaaaaaaa */
            id: string;
            /** Format: int64 */
            index: number;
            payload: {
                [key: string]: unknown;
            };
            syncErrorCount: number;
            type: string;
        };
        ExternalEventPage: {
            pagination?: components["schemas"]["PaginationDto"];
            result: components["schemas"]["ExternalEventDto"][];
        };
        ExternalEventResultItem: {
            errorCode?: string | null;
            /** @example SYIaaaaaaaaaaaaaaaaa */
            externalEventId: string;
        };
        FeatureFlagsResult: {
            /**
             * @description Flag names and their values.
             * @example {
             *       "beta": false,
             *       "supportsNotifications": true
             *     }
             */
            result: {
                [key: string]: boolean;
            };
        };
        FileMetadataDto: {
            /**
             * Format: base64url
             * @description Base64url without padding.
             */
            cipherHash: string;
            /** Format: int64 */
            cipherSize: number;
            /** Format: date-time */
            createdAt: string;
            createdBy: string;
            createdByDevice: string;
            /** Format: date-time */
            deletedAt: string | null;
            deletedBy: string | null;
            deletedByDevice: string | null;
            /**
             * Format: base64url
             * @description Base64url without padding.
             */
            encryptedProperties: string;
            /** Format: date-time */
            expiresAt: string;
            /** @example FILaaaaaaaaaaaaaaaaa */
            id: string;
            /** Format: date-time */
            modifiedAt: string;
            modifiedBy: string;
            modifiedByDevice: string;
            owner: string;
            ownershipIsLocked: boolean;
            /**
             * Format: base64url
             * @description Base64url without padding.
             */
            ownerSignature: string;
        };
        FileMetadataPage: {
            pagination?: components["schemas"]["PaginationDto"];
            result: components["schemas"]["FileMetadataDto"][];
        };
        FileMetadataResult: {
            result: components["schemas"]["FileMetadataDto"];
        };
        FinalizeDatawalletVersionUpgradeRequest: {
            datawalletModifications?: components["schemas"]["PushDatawalletModificationItem"][];
            /** Format: int32 */
            newDatawalletVersion: number;
        };
        FinalizeDatawalletVersionUpgradeResponse: {
            datawalletModifications: components["schemas"]["CreatedDatawalletModificationDto"][];
            /** Format: int64 */
            newDatawalletModificationIndex: number | null;
        };
        FinalizeDatawalletVersionUpgradeResult: {
            result: components["schemas"]["FinalizeDatawalletVersionUpgradeResponse"];
        };
        FinalizeExternalEventSyncRequest: {
            datawalletModifications?: components["schemas"]["PushDatawalletModificationItem"][];
            externalEventResults?: components["schemas"]["ExternalEventResultItem"][];
        };
        FinalizeExternalEventSyncResponse: {
            datawalletModifications: components["schemas"]["CreatedDatawalletModificationDto"][];
            /** Format: int64 */
            newDatawalletModificationIndex: number | null;
            newUnsyncedExternalEventsExist: boolean;
        };
        FinalizeExternalEventSyncResult: {
            result: components["schemas"]["FinalizeExternalEventSyncResponse"];
        };
        /** @enum {string} */
        GrantType: "password";
        IdentityDto: {
            address: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            deletionGracePeriodEndsAt: string | null;
            identityVersion: number;
            status: components["schemas"]["IdentityStatus"];
            tierId: string | null;
        };
        IdentityResult: {
            result: components["schemas"]["IdentityDto"];
        };
        /** @enum {string} */
        IdentityStatus: "Active" | "ToBeDeleted" | "Deleting";
        IsDeletedResponse: {
            /** Format: date-time */
            deletionDate: string | null;
            isDeleted: boolean;
        };
        IsDeletedResult: {
            result: components["schemas"]["IsDeletedResponse"];
        };
        LastLoginDto: {
            /** Format: date-time */
            time: string;
        };
        MessageAttachmentDto: {
            /** @example FILaaaaaaaaaaaaaaaaa */
            id: string;
        };
        MessageDto: {
            attachments: components["schemas"]["MessageAttachmentDto"][];
            /**
             * Format: base64url
             * @description Base64url without padding.
             */
            body: string;
            /** Format: date-time */
            createdAt: string;
            createdBy: string;
            createdByDevice: string;
            /** @example MSGaaaaaaaaaaaaaaaaa */
            id: string;
            /** @description The sender sees all recipients, a recipient only its own entry. */
            recipients: components["schemas"]["MessageRecipientDto"][];
        };
        MessagePage: {
            pagination?: components["schemas"]["PaginationDto"];
            result: components["schemas"]["MessageDto"][];
        };
        MessageRecipientDto: {
            address: string;
            /**
             * Format: base64url
             * @description Base64url without padding.
             */
            encryptedKey: string;
            /** Format: date-time */
            receivedAt: string | null;
            receivedByDevice: string | null;
        };
        MessageRecipientRequest: {
            /** @example did:e:localhost:dids:76a33ea3665eef489c70bb */
            address: string;
            /**
             * Format: base64url
             * @description The message key, encrypted for this recipient. Base64url or base64 (padding optional); 30..300 bytes once decoded.
             */
            encryptedKey: string;
        };
        MessageResult: {
            result: components["schemas"]["MessageDto"];
        };
        MetricQuotasDto: {
            metricKey: components["schemas"]["QuotaMetricKey"];
            quotas: components["schemas"]["QuotaDto"][];
        };
        MetricQuotasListResult: {
            result: components["schemas"]["MetricQuotasDto"][];
        };
        NewOwnershipTokenResponse: {
            newOwnershipToken: string;
        };
        NewOwnershipTokenResult: {
            result: components["schemas"]["NewOwnershipTokenResponse"];
        };
        /** @enum {string} */
        OAuthErrorCode: "invalid_request" | "invalid_client" | "invalid_grant" | "unsupported_grant_type" | "access_denied";
        OAuthErrorResponse: {
            error: components["schemas"]["OAuthErrorCode"];
            error_description?: string;
        };
        OwnershipTokenRequest: {
            /** @example aB3$xY7!qR2@mN5#kL8& */
            ownershipToken: string;
        };
        PaginationDto: {
            pageNumber: number;
            pageSize: number;
            totalPages: number;
            totalRecords: number;
        };
        PublicRelationshipTemplateReferenceDto: {
            description: string;
            title: string;
            truncatedReference: string;
        };
        PublicRelationshipTemplateReferenceListResult: {
            result: components["schemas"]["PublicRelationshipTemplateReferenceDto"][];
        };
        PushDatawalletModificationItem: {
            collection: string;
            /** Format: int32 */
            datawalletVersion: number;
            /**
             * Format: base64url
             * @description Base64url or base64 (padding optional); 0..10485760 bytes once decoded.
             */
            encryptedPayload?: string | null;
            objectIdentifier: string;
            payloadCategory?: string | null;
            type: components["schemas"]["DatawalletModificationType"];
        };
        PushDatawalletModificationsRequest: {
            /**
             * Format: int64
             * @description Index of the latest modification the device knows.
             */
            localIndex?: number | null;
            modifications: components["schemas"]["PushDatawalletModificationItem"][];
        };
        PushDatawalletModificationsResponse: {
            modifications: components["schemas"]["CreatedDatawalletModificationDto"][];
            /** Format: int64 */
            newIndex: number;
        };
        PushDatawalletModificationsResult: {
            result: components["schemas"]["PushDatawalletModificationsResponse"];
        };
        /**
         * @description Default Production.
         * @enum {string}
         */
        PushEnvironment: "Development" | "Production";
        QuotaDto: {
            max: number;
            metricKey: components["schemas"]["QuotaMetricKey"];
            period: components["schemas"]["QuotaPeriod"];
            source: components["schemas"]["QuotaSource"];
            usage: number;
        };
        QuotaExhaustion: {
            /** Format: date-time */
            isExhaustedUntil: string;
            /** @example NumberOfSentMessages */
            metricKey: string;
        };
        /** @enum {string} */
        QuotaMetricKey: "NumberOfSentMessages" | "NumberOfRelationships" | "NumberOfRelationshipTemplates" | "NumberOfFiles" | "NumberOfTokens" | "UsedFileStorageSpace" | "NumberOfStartedDeletionProcesses" | "NumberOfCreatedDatawalletModifications" | "NumberOfCreatedDevices" | "NumberOfCreatedChallenges";
        /** @enum {string} */
        QuotaPeriod: "Hour" | "Day" | "Week" | "Month" | "Year" | "Total";
        /** @enum {string} */
        QuotaSource: "Individual" | "Tier";
        RefreshExpirationTimeResponse: {
            /** Format: date-time */
            expiresAt: string;
        };
        RefreshExpirationTimeResult: {
            result: components["schemas"]["RefreshExpirationTimeResponse"];
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
        RegisterDeviceResult: {
            result: components["schemas"]["RegisterDeviceResponse"];
        };
        /** @enum {string} */
        RelationshipAuditLogReason: "Creation" | "AcceptanceOfCreation" | "RejectionOfCreation" | "RevocationOfCreation" | "Termination" | "ReactivationRequested" | "AcceptanceOfReactivation" | "RejectionOfReactivation" | "RevocationOfReactivation" | "Decomposition" | "DecompositionDueToIdentityDeletion";
        RelationshipCreationResponseRequest: {
            /**
             * Format: base64url
             * @description Base64url or base64 (padding optional); 0..10485760 bytes once decoded.
             */
            creationResponseContent?: string | null;
        };
        RelationshipDto: {
            auditLog: components["schemas"]["AuditLogEntryDto"][];
            /** Format: date-time */
            createdAt: string;
            /**
             * Format: base64url
             * @description Base64url without padding.
             */
            creationContent: string | null;
            /**
             * Format: base64url
             * @description Base64url without padding.
             */
            creationResponseContent: string | null;
            from: string;
            /** @example RELaaaaaaaaaaaaaaaaa */
            id: string;
            relationshipTemplateId: string | null;
            status: components["schemas"]["RelationshipStatus"];
            to: string;
        };
        RelationshipMetadataDto: {
            auditLog: components["schemas"]["AuditLogEntryDto"][];
            /** Format: date-time */
            createdAt: string;
            from: string;
            /** @example RELaaaaaaaaaaaaaaaaa */
            id: string;
            relationshipTemplateId: string | null;
            status: components["schemas"]["RelationshipStatus"];
            to: string;
        };
        RelationshipMetadataResult: {
            result: components["schemas"]["RelationshipMetadataDto"];
        };
        RelationshipPage: {
            pagination?: components["schemas"]["PaginationDto"];
            result: components["schemas"]["RelationshipDto"][];
        };
        RelationshipResult: {
            result: components["schemas"]["RelationshipDto"];
        };
        /** @enum {string} */
        RelationshipStatus: "Pending" | "Active" | "Rejected" | "Revoked" | "Terminated" | "DeletionProposed" | "ReadyForDeletion";
        RelationshipTemplateDto: {
            /**
             * Format: base64url
             * @description Base64url without padding.
             */
            content: string;
            /** Format: date-time */
            createdAt: string;
            createdBy: string;
            createdByDevice: string;
            /** Format: date-time */
            expiresAt: string | null;
            forIdentity: string | null;
            /** @example RLTaaaaaaaaaaaaaaaaa */
            id: string;
            maxNumberOfAllocations: number | null;
        };
        RelationshipTemplatePage: {
            pagination?: components["schemas"]["PaginationDto"];
            result: components["schemas"]["RelationshipTemplateDto"][];
        };
        RelationshipTemplateResult: {
            result: components["schemas"]["RelationshipTemplateDto"];
        };
        SendMessageRequest: {
            attachments?: components["schemas"]["AttachmentDto"][];
            /**
             * Format: base64url
             * @description Base64url or base64 (padding optional); 1..10485760 bytes once decoded.
             */
            body: string;
            /** @description At most MAX_NUMBER_OF_MESSAGE_RECIPIENTS (default 20) recipients, unique by address. */
            recipients: components["schemas"]["MessageRecipientRequest"][];
        };
        SendNotificationRequest: {
            /** @example TestCode */
            code: string;
            recipients: string[];
        };
        SentMessageDto: {
            /** Format: date-time */
            createdAt: string;
            /** @example MSGaaaaaaaaaaaaaaaaa */
            id: string;
        };
        SentMessageResult: {
            result: components["schemas"]["SentMessageDto"];
        };
        ServerSentEventDto: {
            /**
             * @description Always `_`: the event only tells the device to sync.
             * @example _
             */
            data: string;
            event: components["schemas"]["ServerSentEventName"];
        };
        /** @enum {string} */
        ServerSentEventName: "ConnectionOpened" | "ExternalEventCreated" | "DatawalletModificationsCreated";
        SignedChallengeDto: {
            /** @description The challenge JSON exactly as signed. */
            challenge: string;
            /** @description Base64(url) of the JSON signature object {sig, alg}. */
            signature: string;
        };
        StartDeletionProcessRequest: {
            /**
             * @description Days until the identity is deleted
             * @default 14
             */
            lengthOfGracePeriodInDays: number;
        };
        StartSyncRunRequest: {
            /**
             * Format: int32
             * @description Lifetime of the run in seconds (default 10).
             */
            duration?: number;
            /** @description Default ExternalEventSync. */
            type?: components["schemas"]["SyncRunType"];
        };
        StartSyncRunResponse: {
            status: components["schemas"]["StartSyncRunStatus"];
            syncRun: components["schemas"]["SyncRunDto"] | null;
        };
        StartSyncRunResult: {
            result: components["schemas"]["StartSyncRunResponse"];
        };
        /** @enum {string} */
        StartSyncRunStatus: "Created" | "NoNewEvents";
        SyncRunDto: {
            /** Format: date-time */
            createdAt: string;
            createdBy: string;
            createdByDevice: string;
            eventCount: number;
            /** Format: date-time */
            expiresAt: string;
            /** @example SYRaaaaaaaaaaaaaaaaa */
            id: string;
            /** Format: int64 */
            index: number;
            type: components["schemas"]["SyncRunType"];
        };
        SyncRunResult: {
            result: components["schemas"]["SyncRunDto"];
        };
        /** @enum {string} */
        SyncRunType: "ExternalEventSync" | "DatawalletVersionUpgrade";
        TagsDto: {
            /**
             * @example [
             *       "de",
             *       "en"
             *     ]
             */
            supportedLanguages: string[];
            /** @description Per attribute value type: tag name → {displayNames: {language: text}, children: {...}} */
            tagsForAttributeValueTypes: {
                [key: string]: unknown;
            };
        };
        TagsResult: {
            result: components["schemas"]["TagsDto"];
        };
        TokenDto: {
            /**
             * Format: base64url
             * @description Null for an empty token. Base64url without padding.
             */
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
        TokenPage: {
            pagination?: components["schemas"]["PaginationDto"];
            result: components["schemas"]["TokenDto"][];
        };
        TokenRequest: {
            /** @description Required unless the client authenticates with HTTP Basic. */
            client_id?: string;
            /** @description Required unless the client authenticates with HTTP Basic. */
            client_secret?: string;
            grant_type: components["schemas"]["GrantType"];
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
        TokenResult: {
            result: components["schemas"]["TokenDto"];
        };
        UpdateDeviceRequest: {
            /** @example de */
            communicationLanguage: string;
        };
        UpdatePushRegistrationRequest: {
            /** @example eu.enmeshed.app */
            appId: string;
            /** @description Default Production. */
            environment?: components["schemas"]["PushEnvironment"];
            /** @description The FCM/APNs device token (ignored for sse and dummy). */
            handle: string;
            /**
             * @description fcm, apns, dummy or sse.
             * @example fcm
             */
            platform: string;
        };
        UpdatePushRegistrationResponse: {
            /** @example DPIaaaaaaaaaaaaaaaaa */
            devicePushIdentifier: string;
        };
        UpdatePushRegistrationResult: {
            result: components["schemas"]["UpdatePushRegistrationResponse"];
        };
        UpdateTokenContentRequest: {
            /**
             * Format: base64url
             * @description Base64url or base64 (padding optional); 1..10485760 bytes once decoded.
             */
            newContent: string;
            /**
             * Format: base64url
             * @description Base64url or base64 (padding optional); 1..200 bytes once decoded.
             */
            password?: string | null;
        };
        UpdateTokenContentResponse: {
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
        UpdateTokenContentResult: {
            result: components["schemas"]["UpdateTokenContentResponse"];
        };
        UploadFileResponse: {
            /**
             * Format: base64url
             * @description Base64url without padding.
             */
            cipherHash: string;
            /** Format: int64 */
            cipherSize: number;
            /** Format: date-time */
            createdAt: string;
            createdBy: string;
            createdByDevice: string;
            /** Format: date-time */
            deletedAt: string | null;
            deletedBy: string | null;
            /** Format: date-time */
            expiresAt: string;
            /** @example FILaaaaaaaaaaaaaaaaa */
            id: string;
            /** Format: date-time */
            modifiedAt: string;
            modifiedBy: string;
            owner: string;
            /** @description Shown only here and on regeneration. */
            ownershipToken: string;
            /**
             * Format: base64url
             * @description Base64url without padding.
             */
            ownerSignature: string;
        };
        UploadFileResult: {
            result: components["schemas"]["UploadFileResponse"];
        };
        ValidateOwnershipTokenResponse: {
            isValid: boolean;
        };
        ValidateOwnershipTokenResult: {
            result: components["schemas"]["ValidateOwnershipTokenResponse"];
        };
        VersionDto: {
            /**
             * @description Major version of the Backbone, as a string
             * @example 7
             */
            majorVersion: string;
        };
        VersionResult: {
            result: components["schemas"]["VersionDto"];
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
    listPublicRelationshipTemplateReferences: {
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
                    "application/json": components["schemas"]["PublicRelationshipTemplateReferenceListResult"];
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
    listAnnouncements: {
        parameters: {
            query: {
                /** @description ISO 639-1 code; texts fall back to English. */
                language: string;
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
                    "application/json": components["schemas"]["AnnouncementListResult"];
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
                    "application/json": components["schemas"]["ChallengeResult"];
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
            /** @description Too many requests from this client address; retry after the `Retry-After` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
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
                    "application/json": components["schemas"]["ChallengeResult"];
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
    getDatawallet: {
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
                    "application/json": components["schemas"]["DatawalletResult"];
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
    listDatawalletModifications: {
        parameters: {
            query?: {
                /** @description Return modifications with a higher index (default: all). */
                localIndex?: number;
                /** @description 1-based page number */
                pageNumber?: number;
                /** @description Items per page (default 50, at most 200) */
                pageSize?: number;
            };
            header?: {
                /** @description The highest datawallet version the client supports (missing = 0). */
                "X-Supported-Datawallet-Version"?: number;
            };
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
                    "application/json": components["schemas"]["DatawalletModificationPage"];
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
    pushDatawalletModifications: {
        parameters: {
            query?: never;
            header?: {
                /** @description The highest datawallet version the client supports (missing = 0). */
                "X-Supported-Datawallet-Version"?: number;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PushDatawalletModificationsRequest"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PushDatawalletModificationsResult"];
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
                    "application/json": components["schemas"]["DevicePage"];
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
                    "application/json": components["schemas"]["RegisterDeviceResult"];
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
                    "application/json": components["schemas"]["DeviceResult"];
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
    updatePushRegistration: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdatePushRegistrationRequest"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UpdatePushRegistrationResult"];
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
    deletePushRegistration: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
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
            /** @description Missing, invalid or expired bearer token (empty body). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    listFiles: {
        parameters: {
            query?: {
                /** @description Repeated `ids=`; without it, all of the caller's files. */
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
                    "application/json": components["schemas"]["FileMetadataPage"];
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
    uploadFile: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /**
                     * Format: binary
                     * @description 1..128 bytes (SHA-512 of the content): a file part with the raw bytes, or a text part with them in base64url or base64.
                     */
                    cipherHash: string;
                    /**
                     * Format: binary
                     * @description The encrypted file content (cipher), 1 byte up to the configured maximum.
                     */
                    content: string;
                    /**
                     * Format: binary
                     * @description 1 byte..1 MiB: a file part with the raw bytes, or a text part with them in base64url or base64.
                     */
                    encryptedProperties: string;
                    /** Format: date-time */
                    expiresAt: string;
                    /** @description Ignored; the owner is the caller. */
                    owner?: string;
                    /**
                     * Format: binary
                     * @description 1..512 bytes: a file part with the raw bytes, or a text part with them in base64url or base64.
                     */
                    ownerSignature: string;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UploadFileResult"];
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
            /** @description A quota or rate limit is exhausted. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The blob store is unavailable (`error.platform.serviceUnavailable`); try again after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    downloadFile: {
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
            /** @description The encrypted content */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
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
            /** @description The blob store is unavailable (`error.platform.serviceUnavailable`); try again after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    deleteFile: {
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
            /** @description The caller may see the record but not do this to it. */
            403: {
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
    claimFileOwnership: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OwnershipTokenRequest"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NewOwnershipTokenResult"];
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
            /** @description The caller may see the record but not do this to it. */
            403: {
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
    getFileMetadata: {
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
                    "application/json": components["schemas"]["FileMetadataResult"];
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
    regenerateOwnershipToken: {
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
                    "application/json": components["schemas"]["NewOwnershipTokenResult"];
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
            /** @description The caller may see the record but not do this to it. */
            403: {
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
    validateOwnershipToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OwnershipTokenRequest"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidateOwnershipTokenResult"];
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
                    "application/json": components["schemas"]["CreateIdentityResult"];
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
            /** @description Too many requests from this client address; retry after the `Retry-After` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getFeatureFlags: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                identityAddress: string;
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
                    "application/json": components["schemas"]["FeatureFlagsResult"];
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
                    "application/json": components["schemas"]["IsDeletedResult"];
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
                    "application/json": components["schemas"]["IdentityResult"];
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
    listDeletionProcesses: {
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
                    "application/json": components["schemas"]["DeletionProcessListResult"];
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
    startDeletionProcess: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StartDeletionProcessRequest"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeletionProcessResult"];
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
    getDeletionProcess: {
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
                    "application/json": components["schemas"]["DeletionProcessResult"];
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
    cancelDeletionProcess: {
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
                    "application/json": components["schemas"]["DeletionProcessResult"];
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
    updateOwnFeatureFlags: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    [key: string]: boolean;
                };
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
    listMessages: {
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
                    "application/json": components["schemas"]["MessagePage"];
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
    sendMessage: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SendMessageRequest"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SentMessageResult"];
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
            /** @description A quota or rate limit is exhausted. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getMessage: {
        parameters: {
            query?: {
                /** @description Accepted and ignored: the body is always returned. */
                noBody?: boolean;
            };
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
                    "application/json": components["schemas"]["MessageResult"];
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
    sendNotification: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SendNotificationRequest"];
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
    listOwnQuotas: {
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
                    "application/json": components["schemas"]["MetricQuotasListResult"];
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
    listRelationships: {
        parameters: {
            query: {
                ids: string[];
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
                    "application/json": components["schemas"]["RelationshipPage"];
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
    createRelationship: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateRelationshipRequest"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RelationshipMetadataResult"];
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
            /** @description A quota or rate limit is exhausted. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getRelationship: {
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
                    "application/json": components["schemas"]["RelationshipResult"];
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
    acceptRelationship: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["RelationshipCreationResponseRequest"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RelationshipMetadataResult"];
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
            /** @description A quota or rate limit is exhausted. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    decomposeRelationship: {
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
                    "application/json": components["schemas"]["RelationshipMetadataResult"];
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
    requestRelationshipReactivation: {
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
                    "application/json": components["schemas"]["RelationshipMetadataResult"];
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
    acceptRelationshipReactivation: {
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
                    "application/json": components["schemas"]["RelationshipMetadataResult"];
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
    rejectRelationshipReactivation: {
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
                    "application/json": components["schemas"]["RelationshipMetadataResult"];
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
    revokeRelationshipReactivation: {
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
                    "application/json": components["schemas"]["RelationshipMetadataResult"];
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
    rejectRelationship: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["RelationshipCreationResponseRequest"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RelationshipMetadataResult"];
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
    revokeRelationship: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["RelationshipCreationResponseRequest"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RelationshipMetadataResult"];
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
    terminateRelationship: {
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
                    "application/json": components["schemas"]["RelationshipMetadataResult"];
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
    canCreateRelationship: {
        parameters: {
            query: {
                peer: string;
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
                    "application/json": components["schemas"]["CanCreateRelationshipResult"];
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
    listRelationshipTemplates: {
        parameters: {
            query?: {
                /** @description Legacy form of `templates` without passwords. */
                ids?: string[];
                /** @description 1-based page number */
                pageNumber?: number;
                /** @description Items per page (default 50, at most 200) */
                pageSize?: number;
                /** @description Id of the first item; further items use 1, 2, ... */
                "templates.0.id"?: string;
                /** @description Password of the first item */
                "templates.0.password"?: string;
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
                    "application/json": components["schemas"]["RelationshipTemplatePage"];
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
    createRelationshipTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateRelationshipTemplateRequest"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedRelationshipTemplateResult"];
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
            /** @description A quota or rate limit is exhausted. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getRelationshipTemplate: {
        parameters: {
            query?: {
                /** @description Standard base64 (URL-encoded). Base64url or base64 (padding optional); 1..200 bytes once decoded. */
                password?: string;
            };
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
                    "application/json": components["schemas"]["RelationshipTemplateResult"];
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
    deleteRelationshipTemplate: {
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
            /** @description The caller may see the record but not do this to it. */
            403: {
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
    openEventStream: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An endless text/event-stream; the schema describes one event. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": components["schemas"]["ServerSentEventDto"];
                };
            };
            /** @description Missing, invalid or expired bearer token (empty body). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The device already has the most event streams it may have open (SSE_MAX_STREAMS_PER_DEVICE). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    startSyncRun: {
        parameters: {
            query?: never;
            header?: {
                /** @description The highest datawallet version the client supports (missing = 0). */
                "X-Supported-Datawallet-Version"?: number;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StartSyncRunRequest"];
            };
        };
        responses: {
            /** @description NoNewEvents: no run was created. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StartSyncRunResult"];
                };
            };
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StartSyncRunResult"];
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
    getSyncRun: {
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
                    "application/json": components["schemas"]["SyncRunResult"];
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
    listExternalEventsOfSyncRun: {
        parameters: {
            query?: {
                /** @description 1-based page number */
                pageNumber?: number;
                /** @description Items per page (default 50, at most 200) */
                pageSize?: number;
            };
            header?: never;
            path: {
                id: string;
            };
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
                    "application/json": components["schemas"]["ExternalEventPage"];
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
    finalizeDatawalletVersionUpgrade: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FinalizeDatawalletVersionUpgradeRequest"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FinalizeDatawalletVersionUpgradeResult"];
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
    finalizeExternalEventSync: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FinalizeExternalEventSyncRequest"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FinalizeExternalEventSyncResult"];
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
    refreshSyncRunExpirationTime: {
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
                    "application/json": components["schemas"]["RefreshExpirationTimeResult"];
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
    getTags: {
        parameters: {
            query?: never;
            header?: {
                "If-None-Match"?: string;
            };
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
                    "application/json": components["schemas"]["TagsResult"];
                };
            };
            /** @description Not modified */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    listTokens: {
        parameters: {
            query: {
                /** @description Repeated `ids=` or `tokens.<i>.id=`; at least one. */
                ids: string[];
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
                    "application/json": components["schemas"]["TokenPage"];
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
    createToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateTokenRequest"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreateTokenResult"];
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
            /**
             * @description Too many requests from this client address; retry after the `Retry-After` seconds.
             *
             *     A quota or rate limit is exhausted.
             */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getToken: {
        parameters: {
            query?: {
                /** @description The token's password (base64). Base64url or base64 (padding optional); 1..200 bytes once decoded. */
                password?: string;
            };
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
                    "application/json": components["schemas"]["TokenResult"];
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
            /** @description Too many requests from this client address; retry after the `Retry-After` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    deleteToken: {
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
            /** @description The caller may see the record but not do this to it. */
            403: {
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
    updateTokenContent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateTokenContentRequest"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UpdateTokenContentResult"];
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
    getVersion: {
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
                    "application/json": components["schemas"]["VersionResult"];
                };
            };
        };
    };
    requestAccessToken: {
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
            /** @description Wrong username or password, locked out, or a malformed request (e.g. client credentials of the form and the Authorization header that differ). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthErrorResponse"];
                };
            };
            /** @description Unknown client or wrong client secret (with `WWW-Authenticate: Basic` when the client used HTTP Basic). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthErrorResponse"];
                };
            };
            /** @description Too many requests from this client address; retry after the `Retry-After` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
