import { ApiError } from "../../core/errors/errors";

export const IdentitiesErrors = {
    onlyOneActiveDeletionProcess: () =>
        new ApiError(
            "error.platform.validation.device.onlyOneActiveDeletionProcessAllowed",
            "Only one active deletion process is allowed."
        ),
    deletionProcessNotActive: () =>
        new ApiError(
            "error.platform.validation.device.deletionProcessIsNotInRequiredStatus",
            "The deletion process must be in status [Active] for the operation to continue, but it was in another status."
        ),
    gracePeriodOver: () =>
        new ApiError(
            "error.platform.validation.device.gracePeriodHasAlreadyExpired",
            "You cannot perform this action, because the grace period of this deletion process has already expired."
        ),
    queuedForDeletionTierCannotBeAssigned: () =>
        new ApiError(
            "error.platform.validation.device.queuedForDeletionTierCannotBeManuallyAssignedOrUnassigned",
            "The Identity's Tier cannot be be changed from or to the 'Queued for Deletion' Tier."
        )
};
