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
