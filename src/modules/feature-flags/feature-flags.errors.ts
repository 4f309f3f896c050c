import { ApiError, ErrorCode } from "../../core/errors/errors";

export const FeatureFlagsErrors = {
    notAnObject: () =>
        new ApiError(ErrorCode.inputCannotBeParsed, "The request body must be a JSON object mapping feature flag names to booleans."),
    notABoolean: () => new ApiError(ErrorCode.inputCannotBeParsed, "Every feature flag value must be a boolean."),
    invalidName: (max: number) =>
        new ApiError(ErrorCode.invalidPropertyValue, `'featureFlags': a name must be 1 to ${max} characters long.`),
    tooManyInRequest: (max: number) =>
        new ApiError(ErrorCode.invalidPropertyValue, `'featureFlags': at most ${max} feature flags per request.`),
    maxNumberExceeded: (max: number) =>
        new ApiError(
            "error.platform.validation.featureFlag.maxNumberOfFeatureFlagsExceeded",
            `An identity can have at most ${max} feature flags.`
        )
};
