import { ApiError, ErrorCode, ValidationError } from "../../core/errors/errors";

export const FilesErrors = {
    cannotClaimOwnershipOfOwnFile: () =>
        new ApiError(
            "error.platform.validation.file.cannotClaimOwnershipOfOwnFile",
            "You cannot claim the ownership of a file you already own."
        ),
    /** The wire contract's code for a content length outside 1 byte..maximum. */
    contentSize: (max: number) => new ApiError("InclusiveBetweenValidator", `'content': the file size must be between 1 and ${max} bytes.`),
    notMultipart: () => new ApiError(ErrorCode.inputCannotBeParsed, "The request must be multipart/form-data."),
    missingContent: () => new ApiError(ErrorCode.inputCannotBeParsed, "'content': the file part is required."),
    secondContent: () => new ApiError(ErrorCode.inputCannotBeParsed, "'content': only one file part is allowed."),
    truncatedField: (name: string) => new ValidationError(`'${name}': the value is too long.`),
    cipherHashMismatch: () => new ValidationError("'cipherHash': does not match the SHA-512 of the content.")
};
