import { ApiError, ErrorCode, ValidationError } from "../../core/errors/errors";

export const TokensErrors = {
    tooManyFailedPasswordAttempts: () =>
        new ApiError("error.platform.token.tooManyFailedPasswordAttempts", "Too many wrong password attempts, the token is locked."),
    contentAlreadyExists: () =>
        new ApiError(
            "error.platform.token.contentUpdateNotPossibleBecauseContentAlreadyExists",
            "The token already has content. You can only update the content of a token if it has no content yet."
        ),
    anonymousContent: () =>
        new ValidationError("'content': anonymous callers can only create empty tokens.", ErrorCode.invalidPropertyValue),
    anonymousLifetime: () => new ValidationError("'expiresAt': tokens created anonymously must expire within five minutes.")
};
