import { ApiError, ErrorCode, ValidationError } from "../../core/errors/errors";

export const TokensErrors = {
    tooManyFailedPasswordAttempts: () =>
        new ApiError("error.platform.token.tooManyFailedPasswordAttempts", "The token is locked after too many failed password attempts."),
    contentAlreadyExists: () =>
        new ApiError(
            "error.platform.token.contentUpdateNotPossibleBecauseContentAlreadyExists",
            "The content of the token cannot be updated because it already has content."
        ),
    anonymousContent: () =>
        new ValidationError("'content': anonymous callers can only create empty tokens.", ErrorCode.invalidPropertyValue),
    expiresAtNotInFuture: () => new ValidationError("'expiresAt': must be in the future."),
    anonymousLifetime: () => new ValidationError("'expiresAt': tokens created anonymously must expire within five minutes.")
};
