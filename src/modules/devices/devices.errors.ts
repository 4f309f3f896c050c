import { ApiError, ErrorCode, ValidationError } from "../../core/errors/errors";

export const DevicesErrors = {
    unauthorizedClient: () =>
        new ApiError(
            ErrorCode.unauthorized,
            "You have to authenticate in order to execute this action. Further make sure that the auth token has not expired."
        ),
    addressAlreadyExists: () =>
        new ApiError(
            "error.platform.validation.device.addressAlreadyExists",
            "The address derived from the given public key already exists. Try again with a different public key."
        ),
    invalidPublicKey: () =>
        new ValidationError("'identityPublicKey': must be base64 of a JSON object whose 'pub' is a 32-byte Ed25519 key."),
    malformedSignature: () => new ValidationError("'signedChallenge.signature': must be base64 of a JSON object with 'sig' and 'alg'."),
    malformedChallenge: () => new ValidationError("'signedChallenge.challenge': must be a JSON object with 'id' and 'expiresAt'."),
    invalidSignature: () => new ApiError("error.platform.validation.device.invalidSignature", "The given signature is not valid."),
    challengeHasExpired: () =>
        new ApiError(
            "error.platform.validation.device.challengeHasExpired",
            "The given challenge has expired. Obtain a new challenge and try again."
        ),
    registrationFailed: (reason: string) => new ApiError("error.platform.validation.device.registrationFailed", reason),
    onlyOneBackupDeviceCanExist: () =>
        new ApiError("error.platform.validation.device.onlyOneBackupDeviceCanExist", "Only one backup device can be created per identity."),
    changePasswordFailed: (reason: string) => new ApiError("error.platform.validation.device.changePasswordFailed", reason),
    deviceCannotBeDeleted: () =>
        new ApiError(
            "error.platform.validation.device.deviceCannotBeDeleted",
            "The device cannot be deleted because it is already onboarded."
        ),
    invalidCommunicationLanguage: () =>
        new ApiError(
            "error.platform.validation.invalidDeviceCommunicationLanguage",
            "The Device Communication Language must be a valid two letter ISO code"
        )
};
