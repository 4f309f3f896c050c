import { ApiError } from "../../core/errors/errors";

export const NotificationsErrors = {
    codeDoesNotExist: () =>
        new ApiError("error.platform.validation.notification.codeDoesNotExist", "The notification code does not exist."),
    noRelationship: () =>
        new ApiError(
            "error.platform.validation.notification.noRelationshipToOneOrMoreRecipientsExists",
            "There is no relationship to one or more of the recipients."
        ),
    relationshipNotInCorrectStatus: () =>
        new ApiError(
            "error.platform.validation.notification.relationshipToRecipientIsNotInCorrectStatus",
            "The relationship to one or more of the recipients is not Pending, Active or Terminated."
        )
};
