import { parse } from "node:querystring";

/**
 * Query parameter names are case-insensitive on the wire (`PageNumber` = `pageNumber`). Known names are rewritten to
 * their canonical spelling while the query string is parsed; dotted names keep their index and property.
 */
const CANONICAL = new Map(
    [
        "pageNumber",
        "pageSize",
        "ids",
        "localIndex",
        "password",
        "peer",
        "username",
        "language",
        "noBody",
        "templates",
        "tokens",
        "app",
        // Admin API lists
        "participant",
        "type",
        "createdBy"
    ].map((name) => [name.toLowerCase(), name])
);

/** Names that reach a prototype when a parsed object is copied, merged or walked; never part of parsed input. */
const PROTOTYPE_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/** True for a key that is, or has a dotted or bracketed segment that is, `__proto__`, `constructor` or `prototype`. */
export function isPrototypeKey(key: string): boolean {
    if (PROTOTYPE_KEYS.has(key)) return true;
    if (!/__proto__|constructor|prototype/.test(key)) return false;
    return key.split(/[.[\]]/).some((segment) => PROTOTYPE_KEYS.has(segment));
}

function canonical(key: string): string {
    const dot = key.indexOf(".");
    const head = dot === -1 ? key : key.substring(0, dot);
    const name = CANONICAL.get(head.toLowerCase());
    if (!name) return key;
    return dot === -1 ? name : name + key.substring(dot).toLowerCase();
}

/**
 * Parses `a=1&b=2&b=3` into an object without a prototype (`{a: "1", b: ["2", "3"]}`). Prototype keys are dropped, as
 * any other name the route does not know, so nothing that walks or copies the result can reach `Object.prototype`.
 * At most 1000 pairs are read (node:querystring's bound).
 */
export function parseUrlEncoded(text: string, canonicalNames: boolean): Record<string, string | string[]> {
    const parsed = parse(text);
    const out: Record<string, string | string[]> = Object.create(null) as Record<string, string | string[]>;
    for (const key of Object.keys(parsed)) {
        const value = parsed[key];
        if (value === undefined || isPrototypeKey(key)) continue;
        const name = canonicalNames ? canonical(key) : key;
        const existing = Object.hasOwn(out, name) ? out[name] : undefined;
        out[name] = existing === undefined ? value : ([] as string[]).concat(existing, value);
    }
    return out;
}

/** The router's query-string parser: case-insensitive known names, no prototype, no prototype keys. */
export function parseQueryString(query: string): Record<string, string | string[]> {
    return parseUrlEncoded(query, true);
}
