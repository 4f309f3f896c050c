/** The built-in tier of identities whose deletion is pending: every quota is zero but those the deletion itself needs. */
export const QUEUED_FOR_DELETION_TIER_ID = "TIR00000000000000001";
