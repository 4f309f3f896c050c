import { ApiError, ErrorCode } from "../../core/errors/errors";

export const PushNotificationsErrors = {
    invalidPnsPlatform: () =>
        new ApiError("error.platform.validation.invalidPnsPlatform", "The platform must be one of fcm, apns, dummy or sse."),
    unsupportedAppId: (appId: string) =>
        new ApiError("error.platform.unsupportedAppId", `The app id '${appId.substring(0, 200)}' is not supported.`),
    bodyMissing: () => new ApiError(ErrorCode.inputCannotBeParsed, "The request body must be a JSON value other than null.")
};
