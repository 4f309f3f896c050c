import { ApiError, NotFoundError } from "../../core/errors/errors";

const PREFIX = "error.platform.validation.relationship.";

export const TEMPLATE_NOT_FOUND_MESSAGE =
    "RelationshipTemplate not found. Make sure the ID exists and the record is not expired. If a password is required to fetch the record, make sure you passed the correct one.";

export const RelationshipsErrors = {
    templateNotFound: () => new NotFoundError(TEMPLATE_NOT_FOUND_MESSAGE),
    relationshipNotFound: () => new NotFoundError("Relationship not found. Make sure the ID exists and the record is not expired."),
    identityNotFound: () => new NotFoundError("Identity not found. Make sure the ID exists and the record is not expired."),
    maxNumberOfAllocationsExhausted: () =>
        new ApiError(
            "error.platform.validation.relationshipTemplate.maxNumberOfAllocationsExhausted",
            "The maximum number of allocations of this relationship template has been exhausted."
        ),
    cannotCreateRelationshipWithYourself: () =>
        new ApiError(`${PREFIX}cannotCreateRelationshipWithYourself`, "You cannot create a relationship with yourself."),
    relationshipToTargetAlreadyExists: () =>
        new ApiError(`${PREFIX}relationshipToTargetAlreadyExists`, "A relationship to the target identity already exists."),
    peerIsToBeDeleted: () => new ApiError(`${PREFIX}peerIsToBeDeleted`, "The peer of the relationship is to be deleted."),
    cannotAcceptOrRejectRelationshipAddressedToSomeoneElse: () =>
        new ApiError(
            `${PREFIX}cannotAcceptOrRejectRelationshipAddressedToSomeoneElse`,
            "You cannot accept or reject a relationship that is addressed to someone else."
        ),
    cannotRevokeRelationshipNotCreatedByYourself: () =>
        new ApiError(
            `${PREFIX}cannotRevokeRelationshipNotCreatedByYourself`,
            "You cannot revoke a relationship that was not created by yourself."
        ),
    relationshipIsNotInCorrectStatus: (status: string) =>
        new ApiError(
            `${PREFIX}relationshipIsNotInCorrectStatus`,
            `The relationship is in status '${status}', which does not allow this action.`
        ),
    cannotRequestReactivationWhenThereIsAnOpenReactivationRequest: () =>
        new ApiError(
            `${PREFIX}cannotRequestReactivationWhenThereIsAnOpenReactivationRequest`,
            "There is already an open reactivation request for this relationship."
        ),
    noAcceptableRelationshipReactivationRequestExists: () =>
        new ApiError(`${PREFIX}noAcceptableRelationshipReactivationRequestExists`, "There is no reactivation request you could accept."),
    noRejectableReactivationRequestExists: () =>
        new ApiError(`${PREFIX}noRejectableReactivationRequestExists`, "There is no reactivation request you could reject."),
    noRevocableReactivationRequestExists: () =>
        new ApiError(`${PREFIX}noRevocableReactivationRequestExists`, "There is no reactivation request you could revoke."),
    relationshipAlreadyDecomposed: () =>
        new ApiError(`${PREFIX}relationshipAlreadyDecomposed`, "You have already decomposed this relationship.")
};

export const RelationshipErrorCodes = {
    relationshipToTargetAlreadyExists: `${PREFIX}relationshipToTargetAlreadyExists`,
    peerIsToBeDeleted: `${PREFIX}peerIsToBeDeleted`
} as const;
