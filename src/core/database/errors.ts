/** True when a database error is a violation of the named unique constraint (or any unique constraint). */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
    const e = error as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
    const code = e?.driverError?.code ?? e?.code;
    const name = e?.driverError?.constraint ?? e?.constraint;
    return code === "23505" && (constraint === undefined || name === constraint);
}

/** Socket-level failures of the connection to PostgreSQL. */
const NETWORK_CODES = new Set([
    "ECONNREFUSED",
    "ECONNRESET",
    "EPIPE",
    "ETIMEDOUT",
    "EHOSTUNREACH",
    "ENETUNREACH",
    "ENOTFOUND",
    "EAI_AGAIN"
]);

/**
 * SQLSTATEs that mean the server cannot serve right now: class 08 (connection exception), 57P01..57P03 (shut down by
 * an administrator, crashed, starting up or shutting down) and 53300 (too many connections).
 */
function isUnavailableSqlState(code: string): boolean {
    return code.startsWith("08") || code === "57P01" || code === "57P02" || code === "57P03" || code === "53300";
}

/** What pg and pg-pool say when a connection breaks or cannot be had; they set no code for these. */
const UNAVAILABLE_MESSAGES = [
    "Connection terminated",
    "timeout exceeded when trying to connect",
    "Client has encountered a connection error and is not queryable",
    "Client was closed and is not queryable",
    "Cannot use a pool after calling end on the pool"
];

/**
 * True when an error means PostgreSQL is unreachable or not accepting work (down, restarting, out of connections),
 * as opposed to a failure of the statement itself. Looks through TypeORM's wrapper (`driverError`) and `cause`.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
    const seen = new Set<unknown>();
    let current: unknown = error;
    while (current !== null && typeof current === "object" && !seen.has(current)) {
        seen.add(current);
        const e = current as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown; errors?: unknown };
        if (typeof e.code === "string" && (NETWORK_CODES.has(e.code) || (/^[0-9A-Z]{5}$/.test(e.code) && isUnavailableSqlState(e.code)))) {
            return true;
        }
        if (typeof e.message === "string" && UNAVAILABLE_MESSAGES.some((text) => (e.message as string).startsWith(text))) return true;
        // AggregateError (e.g. a refused connection to both ::1 and 127.0.0.1): any of its causes.
        if (Array.isArray(e.errors) && e.errors.some((inner) => isDatabaseUnavailable(inner))) return true;
        current = e.driverError ?? e.cause;
    }
    return false;
}
