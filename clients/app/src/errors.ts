/** What the Backbone answered instead of a success: an `{error}` envelope, an OAuth error or an empty body (401). */
export class BackboneError extends Error {
    override readonly name = "BackboneError";

    constructor(
        /** The HTTP status. */
        readonly status: number,
        /** `error.code` of the envelope (e.g. `error.platform.recordNotFound`), the OAuth `error`, or `http.<status>` for an empty body. */
        readonly code: string,
        message: string,
        /** `error.id` of the envelope, to quote to the operator. */
        readonly errorId?: string,
        /** `error.data` of the envelope (quota details), if any. */
        readonly data?: unknown
    ) {
        super(message);
    }

    /** Builds the error from a non-success response and its parsed body (whatever it was). */
    static from(status: number, body: unknown): BackboneError {
        if (isObject(body)) {
            const error = body.error;
            if (isObject(error) && typeof error.code === "string") {
                return new BackboneError(
                    status,
                    error.code,
                    typeof error.message === "string" ? error.message : error.code,
                    typeof error.id === "string" ? error.id : undefined,
                    error.data ?? undefined
                );
            }
            if (typeof error === "string" && /^[a-z_]+$/.test(error)) {
                const description = typeof body.error_description === "string" ? body.error_description : error;
                return new BackboneError(status, error, description);
            }
        }
        return new BackboneError(status, `http.${status}`, `The Backbone answered HTTP ${status}.`);
    }
}

function isObject(value: unknown): value is Record<string, unknown> {
    return value !== null && typeof value === "object";
}
