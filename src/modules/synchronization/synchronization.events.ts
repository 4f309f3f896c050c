// The public vocabulary of the synchronization module: the external event types of the wire contract, the sync run
// types and the datawallet modification types.

/** The external event types of the wire contract (5.1). */
export const ExternalEventType = {
    MessageReceived: "MessageReceived",
    MessageDelivered: "MessageDelivered",
    RelationshipStatusChanged: "RelationshipStatusChanged",
    RelationshipReactivationRequested: "RelationshipReactivationRequested",
    RelationshipReactivationCompleted: "RelationshipReactivationCompleted",
    IdentityDeletionProcessStarted: "IdentityDeletionProcessStarted",
    IdentityDeletionProcessStatusChanged: "IdentityDeletionProcessStatusChanged",
    PeerToBeDeleted: "PeerToBeDeleted",
    PeerDeletionCancelled: "PeerDeletionCancelled",
    PeerDeleted: "PeerDeleted",
    TokenLocked: "TokenLocked",
    PeerFeatureFlagsChanged: "PeerFeatureFlagsChanged",
    RelationshipTemplateAllocationsExhausted: "RelationshipTemplateAllocationsExhausted",
    FileOwnershipLocked: "FileOwnershipLocked",
    FileOwnershipClaimed: "FileOwnershipClaimed"
} as const;
export type ExternalEventType = (typeof ExternalEventType)[keyof typeof ExternalEventType];

/** What starting a sync run answers: a run was created, or there were no new external events to sync. */
export const StartSyncRunStatus = { Created: "Created", NoNewEvents: "NoNewEvents" } as const;
export type StartSyncRunStatus = (typeof StartSyncRunStatus)[keyof typeof StartSyncRunStatus];

/** What a sync run does: deliver external events, or upgrade the datawallet's version. */
export const SyncRunType = { ExternalEventSync: "ExternalEventSync", DatawalletVersionUpgrade: "DatawalletVersionUpgrade" } as const;
export type SyncRunType = (typeof SyncRunType)[keyof typeof SyncRunType];

/** What a datawallet modification does. */
export const DatawalletModificationType = { Create: "Create", Update: "Update", Delete: "Delete", CacheChanged: "CacheChanged" } as const;
export type DatawalletModificationType = (typeof DatawalletModificationType)[keyof typeof DatawalletModificationType];
