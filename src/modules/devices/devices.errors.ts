import { ApiError, ErrorCode } from "../../core/errors/errors";

export const DevicesErrors = {
    unauthorizedClient: () => new ApiError(ErrorCode.unauthorized, "The client credentials are invalid."),
    addressAlreadyExists: () =>
        new ApiError("error.platform.validation.device.addressAlreadyExists", "An identity with this public key already exists."),
    invalidSignature: () => new ApiError("error.platform.validation.device.invalidSignature", "The signature of the challenge is invalid."),
    challengeHasExpired: () => new ApiError("error.platform.validation.device.challengeHasExpired", "The challenge has expired."),
    registrationFailed: (reason: string) => new ApiError("error.platform.validation.device.registrationFailed", reason),
    clientReachedIdentitiesLimit: () =>
        new ApiError(
            "error.platform.validation.device.clientReachedIdentitiesLimit",
            "The client has reached its maximum number of identities."
        ),
    onlyOneBackupDeviceCanExist: () =>
        new ApiError("error.platform.validation.device.onlyOneBackupDeviceCanExist", "An identity can have only one backup device."),
    changePasswordFailed: (reason: string) => new ApiError("error.platform.validation.device.changePasswordFailed", reason),
    deviceCannotBeDeleted: () =>
        new ApiError(
            "error.platform.validation.device.deviceCannotBeDeleted",
            "The device cannot be deleted: it has already been onboarded or belongs to another identity."
        ),
    invalidCommunicationLanguage: () =>
        new ApiError(
            "error.platform.validation.invalidDeviceCommunicationLanguage",
            "The communication language must be an ISO 639-1 code."
        )
};
