import { ApiError, ErrorCode } from "../../core/errors/errors";

export const PushNotificationsErrors = {
    invalidPnsPlatform: () =>
        new ApiError("error.platform.validation.invalidPnsPlatform", "The Push Notification Service Platform is invalid."),
    unsupportedAppId: () => new ApiError("error.platform.unsupportedAppId", "The given app id is not supported."),
    bodyMissing: () => new ApiError(ErrorCode.inputCannotBeParsed, "The request body must be a JSON value other than null.")
};
