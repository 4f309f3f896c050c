import { ApiError } from "../../core/errors/errors";

const PREFIX = "error.platform.validation.message.";

/** Worded as the official Backbone words them. */
export const MessagesErrors = {
    noRelationshipToRecipientExists: (recipient: string) =>
        new ApiError(
            `${PREFIX}noRelationshipToRecipientExists`,
            `Cannot send message to ${recipient} because there is no relationship to it.`
        ),
    relationshipToRecipientNotActive: (recipient: string) =>
        new ApiError(
            `${PREFIX}relationshipToRecipientNotActive`,
            `Cannot send message to ${recipient} because the relationship to it is not active. In order to be able to send messages again, you have to reactivate the relationship.`
        ),
    maxNumberOfUnreceivedMessagesReached: (recipient: string) =>
        new ApiError(
            `${PREFIX}maxNumberOfUnreceivedMessagesReached`,
            `The message could not be sent because ${recipient} already has the maximum number of unread messages from you.`
        )
};
