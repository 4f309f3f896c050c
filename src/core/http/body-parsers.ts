import type { FastifyInstance, FastifyRequest } from "fastify";

import { ApiError, ErrorCode } from "../errors/errors";
import { parseUrlEncoded } from "./query-keys";
import { routePolicyOf } from "./route-policy";

/**
 * Deepest nesting of arrays and objects a JSON body may have. The deepest legitimate body (a datawallet modification
 * inside a sync-run result) is 4 levels deep; 64 leaves room for clients' own structures in free-form fields.
 */
export const MAX_JSON_DEPTH = 64;

/**
 * Most values (array items and object members) a JSON body may hold unless its route allows more: far above what a
 * legitimate body of the Consumer API carries (a message to 1000 recipients has ~4000), and small enough that
 * validating them takes milliseconds.
 */
export const DEFAULT_MAX_JSON_VALUES = 10_000;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;

/**
 * Measures a JSON text in one pass before it is parsed (so before anything walks the value): whether it nests arrays
 * and objects deeper than `maxDepth`, or holds more than `maxValues` values (counted as containers plus separating
 * commas). Strings are skipped with `indexOf`, so a body that is mostly one large base64 string costs next to
 * nothing. Malformed text is left to JSON.parse to report.
 */
export function measureJson(text: string, maxDepth: number, maxValues: number): "tooDeep" | "tooManyValues" | undefined {
    let depth = 0;
    let values = 0;
    const length = text.length;
    for (let i = 0; i < length; i++) {
        const c = text.charCodeAt(i);
        if (c === QUOTE) {
            // Find the closing quote: one that is preceded by an even number of backslashes.
            let end = text.indexOf('"', i + 1);
            while (end !== -1) {
                let backslashes = 0;
                for (let j = end - 1; j > i && text.charCodeAt(j) === BACKSLASH; j--) backslashes++;
                if (backslashes % 2 === 0) break;
                end = text.indexOf('"', end + 1);
            }
            if (end === -1) return undefined;
            i = end;
        } else if (c === OPEN_BRACKET || c === OPEN_BRACE) {
            if (++depth > maxDepth) return "tooDeep";
            if (++values > maxValues) return "tooManyValues";
        } else if (c === COMMA) {
            if (++values > maxValues) return "tooManyValues";
        } else if (c === CLOSE_BRACKET || c === CLOSE_BRACE) {
            depth--;
        }
    }
    return undefined;
}

/** Object keys that reach a prototype when a parsed value is copied, merged or walked. */
const PROTOTYPE_KEYS = new Set(["__proto__", "constructor", "prototype"]);
/** Texts that may contain one of those keys (also when spelled with `\u` escapes). */
const MAY_CONTAIN_PROTOTYPE_KEY = /__proto__|constructor|prototype|\\u/;

function refusePrototypeKeys(key: string, value: unknown): unknown {
    if (PROTOTYPE_KEYS.has(key)) throw new ApiError(ErrorCode.inputCannotBeParsed, `The request body contains the forbidden key '${key}'.`);
    return value;
}

/**
 * Parses a JSON request body: refuses nesting deeper than MAX_JSON_DEPTH, more than `maxValues` values, and the keys
 * `__proto__`, `constructor` and `prototype` at any depth, all before anything else sees the value. Every failure is a 400
 * `error.platform.inputCannotBeParsed`. Linear in the size of the text.
 */
export function parseJsonBody(text: string, maxValues = DEFAULT_MAX_JSON_VALUES): unknown {
    if (text.trim() === "") throw new ApiError(ErrorCode.inputCannotBeParsed, "The request body is empty but its content type is JSON.");
    const measured = measureJson(text, MAX_JSON_DEPTH, maxValues);
    if (measured === "tooDeep") {
        throw new ApiError(ErrorCode.inputCannotBeParsed, `The request body is nested deeper than ${MAX_JSON_DEPTH} levels.`);
    }
    if (measured === "tooManyValues") {
        throw new ApiError(ErrorCode.inputCannotBeParsed, `The request body holds more than ${maxValues} values.`);
    }
    try {
        return MAY_CONTAIN_PROTOTYPE_KEY.test(text) ? JSON.parse(text, refusePrototypeKeys) : JSON.parse(text);
    } catch (error) {
        if (error instanceof ApiError) throw error;
        throw new ApiError(ErrorCode.inputCannotBeParsed, "The request body is not valid JSON.");
    }
}

/**
 * Replaces the framework's body parsers: JSON through parseJsonBody, forms (the OAuth token endpoint) into objects
 * without a prototype and without prototype keys. Size limits are the routes' own (route-policy.ts).
 */
export function registerBodyParsers(fastify: FastifyInstance): void {
    fastify.addContentTypeParser("application/json", { parseAs: "string" }, (request: FastifyRequest, body: string | Buffer, done) => {
        try {
            const text = typeof body === "string" ? body : body.toString("utf8");
            done(null, parseJsonBody(text, routePolicyOf(request)?.maxJsonValues ?? DEFAULT_MAX_JSON_VALUES));
        } catch (error) {
            done(error as Error, undefined);
        }
    });
    fastify.addContentTypeParser(
        "application/x-www-form-urlencoded",
        { parseAs: "string" },
        (_request: FastifyRequest, body: string | Buffer, done) => {
            done(null, parseUrlEncoded(typeof body === "string" ? body : body.toString("utf8"), false));
        }
    );
}
