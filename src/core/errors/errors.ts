/** Error codes of the wire contract that more than one module uses. */
export const ErrorCode = {
    recordNotFound: "error.platform.recordNotFound",
    unauthorized: "error.platform.unauthorized",
    forbidden: "error.platform.forbidden",
    quotaExhausted: "error.platform.quotaExhausted",
    invalidPropertyValue: "error.platform.validation.invalidPropertyValue",
    invalidId: "error.platform.validation.invalidId",
    invalidPageSize: "error.platform.validation.pagination.invalidPageSize",
    inputCannotBeParsed: "error.platform.inputCannotBeParsed",
    requestBodyTooLarge: "error.platform.requestBodyTooLarge",
    unexpected: "error.platform.unexpected",
    tooManyRequests: "error.platform.tooManyRequests",
    /** Not in the official Backbone (it answers 500 there): a dependency such as PostgreSQL is unreachable; 503. */
    serviceUnavailable: "error.platform.serviceUnavailable"
} as const;

/** Seconds a client is asked to wait (`Retry-After`) when the service is temporarily unavailable. */
export const SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

/** A failure with an error code of the wire contract; the global filter renders it as the error envelope. */
export class ApiError extends Error {
    constructor(
        readonly code: string,
        message: string,
        readonly status = 400,
        readonly data: unknown = null
    ) {
        super(message);
        this.name = "ApiError";
    }
}

/**
 * The records that not-found errors name, spelled as the official Backbone spells them (the names of its entity
 * classes): its clients show the text, and at least one of them matches on it ("Token not found. ...").
 */
export type RecordName =
    | "Announcement"
    | "Challenge"
    | "Datawallet"
    | "Device"
    | "File"
    | "Identity"
    | "IdentityDeletionProcess"
    | "IndividualQuota"
    | "Message"
    | "OAuthClient"
    | "Relationship"
    | "RelationshipTemplate"
    | "SyncRun"
    | "Tier"
    | "TierQuotaDefinition"
    | "Token";

/** 404 `error.platform.recordNotFound`. Build it with `notFound(...)` or `notFoundInDomain(...)`. */
export class NotFoundError extends ApiError {
    constructor(message: string) {
        super(ErrorCode.recordNotFound, message, 404);
    }
}

/**
 * The record is missing, not visible to the caller, expired, or its password is wrong: worded as the official
 * Backbone's application layer words it, naming the record ("Record" when none is named).
 */
export function notFound(record?: RecordName): NotFoundError {
    return new NotFoundError(
        `${record ?? "Record"} not found. Make sure the ID exists and the record is not expired. If a password is required to fetch the record, make sure you passed the correct one.`
    );
}

/** The shorter wording of the official Backbone's domain layer, for the cases it raises there ("<Record> not found"). */
export function notFoundInDomain(record: RecordName): NotFoundError {
    return new NotFoundError(`${record} not found`);
}

/** 403 `error.platform.forbidden`, worded as the official Backbone words it. */
export class ForbiddenError extends ApiError {
    constructor(message = "You are not allowed to perform this action due to insufficient privileges.") {
        super(ErrorCode.forbidden, message, 403);
    }
}

export class ValidationError extends ApiError {
    constructor(message: string, code: string = ErrorCode.invalidPropertyValue) {
        super(code, message, 400);
    }
}

/** A dependency (the database, the blob store) cannot be reached right now: 503 with `Retry-After`. */
export class ServiceUnavailableError extends ApiError {
    constructor(message = "The service is temporarily unavailable. Try again later.") {
        super(ErrorCode.serviceUnavailable, message, 503);
    }
}
