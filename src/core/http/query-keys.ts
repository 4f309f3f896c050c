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

function canonical(key: string): string {
    const dot = key.indexOf(".");
    const head = dot === -1 ? key : key.substring(0, dot);
    const name = CANONICAL.get(head.toLowerCase());
    if (!name) return key;
    return dot === -1 ? name : name + key.substring(dot).toLowerCase();
}

export function parseQueryString(query: string): Record<string, string | string[]> {
    const parsed = parse(query);
    const out: Record<string, string | string[]> = {};
    for (const [key, value] of Object.entries(parsed)) {
        if (value === undefined) continue;
        const name = canonical(key);
        const existing = out[name];
        out[name] = existing === undefined ? value : ([] as string[]).concat(existing, value);
    }
    return out;
}
