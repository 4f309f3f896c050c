declare global {
    interface String {
        /** ES2024: false when the string contains a lone surrogate. */
        isWellFormed(): boolean;
    }
}

/**
 * PostgreSQL's text types cannot hold the NUL character, and a lone UTF-16 surrogate has no UTF-8 form at all (the
 * driver would silently store U+FFFD instead). Such strings are refused at the edge, in every input a route reads.
 */
export function isStorableString(value: string): boolean {
    return !value.includes("\u0000") && value.isWellFormed();
}

/**
 * The path (`a.b.0`) of the first string, or object key, in a parsed input that PostgreSQL cannot store; undefined
 * when there is none. Walks iteratively (the JSON parser has bounded the depth already) and skips binary values.
 */
export function findUnstorableString(value: unknown, root = ""): string | undefined {
    const stack: Array<[unknown, string]> = [[value, root]];
    while (stack.length > 0) {
        const [current, path] = stack.pop()!;
        if (typeof current === "string") {
            if (!isStorableString(current)) return printable(path);
            continue;
        }
        if (current === null || typeof current !== "object" || Buffer.isBuffer(current) || ArrayBuffer.isView(current)) continue;
        for (const key of Object.keys(current)) {
            const here = path === "" ? key : `${path}.${key}`;
            if (!isStorableString(key)) return printable(here);
            stack.push([(current as Record<string, unknown>)[key], here]);
        }
    }
    return undefined;
}

/** A path fit for an error message: the characters in question replaced, and not longer than 200 characters. */
function printable(path: string): string {
    let out = "";
    for (const character of path.substring(0, 200)) out += isStorableString(character) ? character : "?";
    return out;
}
