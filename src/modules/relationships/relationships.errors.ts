import { ApiError } from "../../core/errors/errors";

const PREFIX = "error.platform.validation.relationship.";

/** Worded as the official Backbone words them. */
export const RelationshipsErrors = {
    cannotCreateRelationshipWithYourself: () =>
        new ApiError(`${PREFIX}cannotCreateRelationshipWithYourself`, "You cannot send a relationship request to yourself."),
    relationshipToTargetAlreadyExists: () =>
        new ApiError(
            `${PREFIX}relationshipToTargetAlreadyExists`,
            "A relationship to the owner of the template already exists. If the relationship is terminated, you can reactivate it. Note that a relationship has to be decomposed by both parties before a new one can be created."
        ),
    peerIsToBeDeleted: () =>
        new ApiError(
            `${PREFIX}peerIsToBeDeleted`,
            "Cannot establish relationship with the owner of the template because the owner is in status 'ToBeDeleted'."
        ),
    cannotAcceptOrRejectRelationshipAddressedToSomeoneElse: () =>
        new ApiError(
            `${PREFIX}cannotAcceptOrRejectRelationshipAddressedToSomeoneElse`,
            "You cannot accept or reject a relationship request that is addressed to someone else."
        ),
    cannotRevokeRelationshipNotCreatedByYourself: () =>
        new ApiError(
            `${PREFIX}cannotRevokeRelationshipNotCreatedByYourself`,
            "You cannot revoke a relationship request that was not created by yourself."
        ),
    /** `expected`: the statuses that would have allowed the action. */
    relationshipIsNotInCorrectStatus: (expected: readonly string[]) =>
        new ApiError(
            `${PREFIX}relationshipIsNotInCorrectStatus`,
            `The relationship has to be in status '${expected.join(" or ")}' to perform this action.`
        ),
    cannotRequestReactivationWhenThereIsAnOpenReactivationRequest: () =>
        new ApiError(
            `${PREFIX}cannotRequestReactivationWhenThereIsAnOpenReactivationRequest`,
            "You cannot request reactivation when there is an open reactivation request."
        ),
    noAcceptableRelationshipReactivationRequestExists: () =>
        new ApiError(
            `${PREFIX}noAcceptableRelationshipReactivationRequestExists`,
            "There is no pending reactivation request or you are not allowed to accept it. A reactivation request can only be accepted by the identity that did not request it."
        ),
    noRejectableReactivationRequestExists: () =>
        new ApiError(
            `${PREFIX}noRejectableReactivationRequestExists`,
            "There is no pending reactivation request or you are not allowed to revoke it. A reactivation request can only be rejected by the identity that did not request it."
        ),
    noRevocableReactivationRequestExists: () =>
        new ApiError(
            `${PREFIX}noRevocableReactivationRequestExists`,
            "There is no pending reactivation request or you are not allowed to revoke it. A reactivation request can only be revoked by the identity that request it."
        ),
    relationshipAlreadyDecomposed: () => new ApiError(`${PREFIX}relationshipAlreadyDecomposed`, "You already decomposed this Relationship.")
};

export const RelationshipErrorCodes = {
    relationshipToTargetAlreadyExists: `${PREFIX}relationshipToTargetAlreadyExists`,
    peerIsToBeDeleted: `${PREFIX}peerIsToBeDeleted`
} as const;
