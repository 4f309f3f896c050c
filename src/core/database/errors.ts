/** True when a database error is a violation of the named unique constraint (or any unique constraint). */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
    const e = error as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
    const code = e?.driverError?.code ?? e?.code;
    const name = e?.driverError?.constraint ?? e?.constraint;
    return code === "23505" && (constraint === undefined || name === constraint);
}
