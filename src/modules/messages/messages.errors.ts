import { ApiError, NotFoundError } from "../../core/errors/errors";

const PREFIX = "error.platform.validation.message.";

export const MessagesErrors = {
    messageNotFound: () => new NotFoundError("Message not found. Make sure the ID exists and the record is not expired."),
    noRelationshipToRecipientExists: (recipient: string) =>
        new ApiError(
            `${PREFIX}noRelationshipToRecipientExists`,
            `Cannot send a message to ${recipient} because there is no relationship to it.`
        ),
    relationshipToRecipientNotActive: (recipient: string) =>
        new ApiError(
            `${PREFIX}relationshipToRecipientNotActive`,
            `Cannot send a message to ${recipient} because the relationship to it is not Active, Pending or Terminated.`
        ),
    maxNumberOfUnreceivedMessagesReached: (recipient: string, max: number) =>
        new ApiError(
            `${PREFIX}maxNumberOfUnreceivedMessagesReached`,
            `Cannot send a message to ${recipient} because it has not yet received ${max} of your messages.`
        )
};
