import { types } from "pg";

/** The type of `timestamp with time zone` columns. */
const TIMESTAMPTZ = 1184;

const standard = types.getTypeParser(TIMESTAMPTZ, "text") as (text: string) => Date;

/**
 * A `timestamptz` as PostgreSQL writes it in a session whose time zone is UTC (`2026-12-01 07:10:00.123456+00`, the
 * fraction optional), read without the general parser's regular expressions; every other form (other offsets, years
 * before 100 or after 9999, BC, infinity) goes to pg's own parser. Same result as that parser: the fraction in ms,
 * truncated by the Date.
 */
export function parseTimestamptz(text: string): Date {
    const end = text.length - 3;
    if (
        end >= 19 &&
        text.charCodeAt(0) !== 48 /* year 0xxx */ &&
        text.charCodeAt(4) === 45 /* - */ &&
        text.charCodeAt(7) === 45 &&
        text.charCodeAt(10) === 32 /* space */ &&
        text.charCodeAt(13) === 58 /* : */ &&
        text.charCodeAt(16) === 58 &&
        (end === 19 || text.charCodeAt(19) === 46) /* . */ &&
        text.endsWith("+00")
    ) {
        const ms = end === 19 ? 0 : 1000 * Number(`0${text.slice(19, end)}`);
        const time = Date.UTC(
            Number(text.slice(0, 4)),
            Number(text.slice(5, 7)) - 1,
            Number(text.slice(8, 10)),
            Number(text.slice(11, 13)),
            Number(text.slice(14, 16)),
            Number(text.slice(17, 19)),
            ms
        );
        if (!Number.isNaN(time)) return new Date(time);
    }
    return standard(text);
}

/** pg's type parsers with `parseTimestamptz` for `timestamptz` (the pool's `types`). */
export const PG_TYPES = {
    getTypeParser(oid: number, format?: "text" | "binary"): unknown {
        if (oid === TIMESTAMPTZ && format !== "binary") return parseTimestamptz;
        return types.getTypeParser(oid, format ?? "text");
    }
};
