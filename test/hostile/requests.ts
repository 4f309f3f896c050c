import fc from "fast-check";

import type { Operation, Schema } from "./operations";

/** One hostile request, ready to be sent. */
export interface HostileRequest {
    operation: string;
    /** Which generator made it (for the summary and for reading a counterexample). */
    kind: string;
    method: string;
    /** Path and query string, percent-encoded (ASCII only). */
    target: string;
    headers: Record<string, string>;
    body?: Buffer;
    /** A complete request sent as it is over a socket (malformed HTTP), instead of method/target/headers/body. */
    raw?: Buffer;
    streams: boolean;
    /** The listener the request goes to. */
    listener: "public" | "admin";
}

/** Credentials the generators may use: valid bearer tokens, the admin API key and an anti-forgery cookie and token. */
export interface Credentials {
    bearerTokens: string[];
    apiKey: string;
    xsrf: { cookie: string; token: string };
}

const PROTOTYPE_KEYS = ["__proto__", "constructor", "prototype"];

/** Strings that have broken parsers, validators or PostgreSQL somewhere. */
const NASTY_STRINGS = [
    "",
    " ",
    "\u0000",
    "a\u0000b",
    "USR\u0000",
    "\uD800",
    "\uDFFF",
    "x\uDBFFy",
    "\uDC00\uD800",
    "\u0001\u0002\u001f\u007f",
    "\r\n",
    "\t",
    "%00",
    "%",
    "'; DROP TABLE identities; --",
    "../../etc/passwd",
    "\u202e\u200b\ufeff",
    "🙂",
    "null",
    "undefined",
    "true",
    "0",
    "-1",
    "1e999",
    "NaN",
    "!!!",
    "====",
    "AAA",
    "AAAA=",
    "A=AA",
    "_-_-",
    "TOKaaaaaaaaaaaaaaaaa",
    "RLTaaaaaaaaaaaaaaaaaa",
    "DVC",
    "did:e:localhost:dids:0000000000000000000000",
    "did:e:localhost:dids:",
    "2099-01-01T00:00:00.000Z",
    "0000-00-00T00:00:00Z",
    "9999999-01-01",
    ...PROTOTYPE_KEYS,
    "__pro__proto__to__"
];

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => `v${String.fromCharCode(code)}`);
const controlCharacters = fc
    .array(fc.integer({ min: 0, max: 31 }), { minLength: 1, maxLength: 4 })
    .map((codes) => `c${String.fromCharCode(...codes)}c`);
const idLike = fc
    .tuple(
        fc.constantFrom("TOK", "RLT", "REL", "MSG", "FIL", "DVC", "SYI", "SRI", "CHL", "IDP", "DWM", "TIR", "CLT", "ANC", "USR", "tok", ""),
        fc.string({ unit: "grapheme-ascii", maxLength: 24 })
    )
    .map(([prefix, rest]) => prefix + rest);
const base64ish = fc.string({ unit: fc.constantFrom(..."ABCxyz019+/-_=!. %"), maxLength: 48 });
const oversize = fc.constantFrom(1_000, 70_000, 150_000).map((length) => "A".repeat(length));

/** Any string a hostile client might put in a field, a key, a query value or a path segment. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
    { arbitrary: fc.constantFrom(...NASTY_STRINGS), weight: 6 },
    { arbitrary: fc.string({ unit: "binary", maxLength: 30 }), weight: 3 },
    { arbitrary: loneSurrogate, weight: 2 },
    { arbitrary: controlCharacters, weight: 2 },
    { arbitrary: idLike, weight: 3 },
    { arbitrary: base64ish, weight: 3 },
    { arbitrary: oversize, weight: 1 }
);

/** JSON number literals outside what the fields take: huge, tiny, negative zero, beyond 2^53, exponents. */
const NUMBER_LITERALS = [
    "0",
    "-0",
    "-1",
    "1.5",
    "1e400",
    "-1e400",
    "1e-400",
    "9007199254740993",
    "123456789012345678901234567890",
    "2147483648",
    "65536",
    "-2147483649"
];

/** A JSON text for a string, escaping lone surrogates and control characters as JSON does. */
const jsonString = (value: string): string => JSON.stringify(value);

/** Object keys: the schema's own (so that real fields are hit), prototype keys (also escaped), and hostile ones. */
function keyArbitrary(known: string[]): fc.Arbitrary<string> {
    return fc.oneof(
        { arbitrary: fc.constantFrom(...(known.length > 0 ? known : ["id"])), weight: 4 },
        { arbitrary: fc.constantFrom(...PROTOTYPE_KEYS), weight: 2 },
        { arbitrary: hostileString, weight: 2 }
    );
}

/** A JSON text of any shape, up to a small depth, keyed with `known` names among others. */
function anyJson(known: string[]): fc.Arbitrary<string> {
    const key = keyArbitrary(known);
    return fc.letrec<{ value: string; leaf: string; array: string; object: string }>((tie) => ({
        value: fc.oneof({ depthSize: "small", maxDepth: 4 }, tie("leaf"), tie("array"), tie("object")),
        leaf: fc.oneof(hostileString.map(jsonString), fc.constantFrom(...NUMBER_LITERALS, "true", "false", "null")),
        array: fc.array(tie("value"), { maxLength: 4 }).map((items) => `[${items.join(",")}]`),
        object: fc
            .array(fc.tuple(fc.oneof(key.map(jsonString), fc.constant('"__pro\\u0074o__"')), tie("value")), { maxLength: 5 })
            .map((entries) => `{${entries.map(([k, v]) => `${k}:${v}`).join(",")}}`)
    })).value;
}

/** A plausible value for a schema (so that validation gets past the first field and reaches the others). */
function plausible(schema: Schema, depth = 0): string {
    if (schema.enum && schema.enum.length > 0) return JSON.stringify(schema.enum[0]);
    switch (schema.type) {
        case "string":
            if (schema.format === "byte") return '"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"';
            if (schema.format === "date-time") return '"2099-01-01T00:00:00.000Z"';
            return '"value"';
        case "integer":
        case "number":
            return String(schema.minimum !== undefined && schema.minimum > 1 ? schema.minimum : 1);
        case "boolean":
            return "true";
        case "array":
            return depth > 3 ? "[]" : `[${plausible(schema.items ?? { type: "string" }, depth + 1)}]`;
        default: {
            if (depth > 3 || !schema.properties) return "{}";
            const entries = Object.entries(schema.properties).map(
                ([name, property]) => `${jsonString(name)}:${plausible(property, depth + 1)}`
            );
            return `{${entries.join(",")}}`;
        }
    }
}

/** An object shaped like the schema, each field plausible or hostile (a hostile value nested where objects go). */
function schemaShaped(schema: Schema): fc.Arbitrary<string> {
    const properties = Object.entries(schema.properties ?? {});
    const known = properties.map(([name]) => name);
    return fc
        .tuple(
            fc.array(
                fc.oneof(
                    { arbitrary: fc.constant<"plausible" | "hostile" | "absent">("plausible"), weight: 3 },
                    fc.constant("hostile" as const),
                    fc.constant("absent" as const)
                ),
                {
                    minLength: properties.length,
                    maxLength: properties.length
                }
            ),
            fc.array(anyJson(known), { minLength: properties.length, maxLength: properties.length }),
            fc.array(fc.tuple(keyArbitrary(known), anyJson(known)), { maxLength: 2 })
        )
        .map(([choices, hostileValues, extras]) => {
            const entries: string[] = [];
            properties.forEach(([name, property], index) => {
                if (choices[index] === "absent") return;
                entries.push(`${jsonString(name)}:${choices[index] === "hostile" ? hostileValues[index] : plausible(property)}`);
            });
            for (const [key, value] of extras) entries.push(`${jsonString(key)}:${value}`);
            return `{${entries.join(",")}}`;
        });
}

/** Bodies built to hurt a JSON parser: deep nesting, very many values, broken text, the wrong top-level type. */
const deepNesting = fc
    .tuple(fc.integer({ min: 60, max: 5000 }), fc.constantFrom("[", '{"a":'), fc.boolean())
    .map(([depth, open, balanced]) => {
        const close = open === "[" ? "]" : "}";
        return open.repeat(depth) + (open === "[" ? "" : "1") + (balanced ? close.repeat(depth) : "");
    });
const manyValues = fc.integer({ min: 5_000, max: 60_000 }).map((count) => `{"x":[${"0,".repeat(count)}0]}`);
const brokenJson = fc.constantFrom(
    '{"a":',
    "{",
    "}",
    "[1,2",
    '{"a" 1}',
    "nul",
    "'single'",
    '{"a":1}garbage',
    "\u0000",
    '"\\ud800"',
    '{"a":"\\u00"}',
    "[,]",
    "{,}",
    "\ufeff{}"
);
const wrongTopLevel = fc.constantFrom("[]", "[{}]", '"text"', "123", "null", "true", "1e400");

function jsonBody(schema: Schema): fc.Arbitrary<{ kind: string; text: string }> {
    const known = Object.keys(schema.properties ?? {});
    return fc.oneof(
        { arbitrary: schemaShaped(schema).map((text) => ({ kind: "json:shaped", text })), weight: 8 },
        { arbitrary: anyJson(known).map((text) => ({ kind: "json:any", text })), weight: 3 },
        { arbitrary: deepNesting.map((text) => ({ kind: "json:deep", text })), weight: 2 },
        { arbitrary: manyValues.map((text) => ({ kind: "json:manyValues", text })), weight: 1 },
        { arbitrary: brokenJson.map((text) => ({ kind: "json:broken", text })), weight: 2 },
        { arbitrary: wrongTopLevel.map((text) => ({ kind: "json:wrongType", text })), weight: 2 }
    );
}

/** Percent-encodes the UTF-8 bytes of a string (a lone surrogate becomes U+FFFD, as in any client). */
function percentEncode(value: string): string {
    let out = "";
    for (const byte of Buffer.from(value, "utf8")) {
        const character = String.fromCharCode(byte);
        out += /[A-Za-z0-9\-._~]/.test(character) ? character : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
    }
    return out;
}

/** Encoded segments no client library would produce: broken escapes, encoded NUL, slashes, invalid UTF-8. */
const RAW_SEGMENTS = ["%ZZ", "%", "%0", "%00", "%2F", "%2e%2e", "..", ".", "%ED%A0%80", "%FF%FE", "%C0%AF", "a%00b", "%F0%9F%99%82"];

const encodedValue = fc.oneof(
    { arbitrary: hostileString.map(percentEncode), weight: 4 },
    { arbitrary: fc.constantFrom(...RAW_SEGMENTS), weight: 1 }
);

function formBody(): fc.Arbitrary<{ kind: string; text: string }> {
    const names = [
        "grant_type",
        "client_id",
        "client_secret",
        "username",
        "password",
        ...PROTOTYPE_KEYS,
        "__proto__[x]",
        "constructor.prototype.x"
    ];
    const pair = fc.tuple(fc.oneof(fc.constantFrom(...names).map(percentEncode), encodedValue), encodedValue).map(([k, v]) => `${k}=${v}`);
    return fc.oneof(
        fc.array(pair, { maxLength: 8 }).map((pairs) => ({ kind: "form", text: pairs.join("&") })),
        fc.constantFrom("&&&", "=", "a", "%", "a=%ZZ", "grant_type=password&grant_type=x").map((text) => ({ kind: "form:odd", text }))
    );
}

const BOUNDARY = "----hostile";

function multipartBody(schema: Schema): fc.Arbitrary<{ kind: string; text: Buffer; contentType: string }> {
    const fields = Object.keys(schema.properties ?? {}).filter((name) => name !== "content");
    const wellFormed = fc
        .tuple(
            fc.array(fc.tuple(fc.oneof(fc.constantFrom(...fields, ...PROTOTYPE_KEYS), hostileString), hostileString), { maxLength: 7 }),
            fc.uint8Array({ maxLength: 2048 }),
            fc.boolean()
        )
        .map(([pairs, content, withFile]) => {
            const parts: Buffer[] = [];
            for (const [name, value] of pairs) {
                parts.push(
                    Buffer.from(
                        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name.replace(/["\r\n]/g, "_")}"\r\n\r\n${value}\r\n`,
                        "utf8"
                    )
                );
            }
            if (withFile) {
                parts.push(
                    Buffer.from(
                        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="content"; filename="cipher.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`
                    )
                );
                parts.push(Buffer.from(content), Buffer.from("\r\n"));
            }
            parts.push(Buffer.from(`--${BOUNDARY}--\r\n`));
            return { kind: "multipart", text: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${BOUNDARY}` };
        });
    const filePart = `--${BOUNDARY}\r\nContent-Disposition: form-data; name="content"; filename="a"\r\n\r\nxyz`;
    const malformed = fc
        .constantFrom<[string, string]>(
            ["multipart/form-data", `${filePart}\r\n--${BOUNDARY}--\r\n`],
            ["multipart/form-data; boundary=", `${filePart}\r\n--${BOUNDARY}--\r\n`],
            ["multipart/form-data; boundary=other", `${filePart}\r\n--${BOUNDARY}--\r\n`],
            [`multipart/form-data; boundary=${"x".repeat(300)}`, filePart],
            [`multipart/form-data; boundary=${BOUNDARY}`, filePart],
            [`multipart/form-data; boundary=${BOUNDARY}`, `--${BOUNDARY}\r\nContent-Disposition: form-data; name="cipherHash"\r\n\r\nab`],
            [`multipart/form-data; boundary=${BOUNDARY}`, "not multipart at all"],
            [`multipart/form-data; boundary=${BOUNDARY}`, `--${BOUNDARY}\r\nno headers\r\n\r\n--${BOUNDARY}--\r\n`],
            [
                `multipart/form-data; boundary=${BOUNDARY}`,
                `--${BOUNDARY}\r\nContent-Disposition: form-data; name="__proto__"\r\n\r\nx\r\n--${BOUNDARY}--\r\n`
            ],
            [`multipart/form-data; boundary=${BOUNDARY}`, ""]
        )
        .map(([contentType, text]) => ({ kind: "multipart:malformed", text: Buffer.from(text, "utf8"), contentType }));
    return fc.oneof(wellFormed, malformed);
}

const WRONG_CONTENT_TYPES = [
    "text/plain",
    "application/xml",
    "application/json; charset=utf-16",
    "application/json; charset=latin1",
    "multipart/form-data",
    "application/x-www-form-urlencoded",
    "application/octet-stream",
    "application/vnd.api+json",
    "APPLICATION/JSON",
    "application/json, text/plain",
    "image/png",
    ";;;",
    "*/*"
];

/** Header values a client can send (HTTP allows tab, visible ASCII and obs-text). */
function headerValue(value: string): string {
    let out = "";
    for (const character of value.substring(0, 1000)) {
        const code = character.charCodeAt(0);
        out += code === 9 || (code >= 0x20 && code <= 0x7e) || (code >= 0x80 && code <= 0xff && character.length === 1) ? character : "?";
    }
    return out;
}

function authorization(operation: Operation, credentials: Credentials): fc.Arbitrary<Record<string, string>> {
    const bearer = fc.constantFrom(...credentials.bearerTokens).map((token) => ({ authorization: `Bearer ${token}` }));
    const wrong = fc.constantFrom<Record<string, string>>(
        {},
        { authorization: "Bearer" },
        { authorization: "Bearer not-a-token" },
        { authorization: "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0." },
        { authorization: `Bearer ${"a".repeat(8000)}` },
        { authorization: "Basic dGVzdDp0ZXN0" },
        { authorization: "bearer  x y" },
        { "x-api-key": "wrong-key" }
    );
    const apiKey = fc.constantFrom<Record<string, string>>(
        { "x-api-key": credentials.apiKey, cookie: credentials.xsrf.cookie, "x-xsrf-token": credentials.xsrf.token },
        { "x-api-key": credentials.apiKey },
        { "x-api-key": credentials.apiKey, cookie: credentials.xsrf.cookie, "x-xsrf-token": "wrong-token" }
    );
    if (operation.authentication === "apiKey") return fc.oneof({ arbitrary: apiKey, weight: 3 }, { arbitrary: wrong, weight: 1 });
    return fc.oneof({ arbitrary: bearer, weight: operation.authentication === "none" ? 1 : 3 }, { arbitrary: wrong, weight: 1 });
}

const extraHeaders: fc.Arbitrary<Record<string, string>> = fc
    .array(
        fc.tuple(
            fc.constantFrom(
                "x-supported-datawallet-version",
                "x-correlation-id",
                "if-none-match",
                "accept-language",
                "content-encoding",
                "accept",
                "x-forwarded-for",
                "origin"
            ),
            fc.oneof(hostileString, fc.constantFrom("gzip", "-1", "65536", "99999999999999999999", "1.5", "*", "x".repeat(5000)))
        ),
        { maxLength: 3 }
    )
    .map((pairs) => Object.fromEntries(pairs.map(([name, value]) => [name, headerValue(value)])));

function pathOf(operation: Operation): fc.Arbitrary<string> {
    return fc
        .array(encodedValue, { minLength: operation.pathParameters.length, maxLength: operation.pathParameters.length })
        .map((values) => {
            let index = 0;
            return operation.path.replace(/\{[^}]+\}/g, () => values[index++] || "x");
        });
}

function queryOf(operation: Operation): fc.Arbitrary<string> {
    const names = [
        ...operation.queryParameters.map((p) => p.name),
        ...PROTOTYPE_KEYS,
        "__proto__[polluted]",
        "constructor.prototype.polluted",
        "templates.0.__proto__",
        "templates.0.constructor",
        "ids[]",
        "pagesize",
        "PAGENUMBER"
    ];
    const pair = fc
        .tuple(
            fc.oneof({ arbitrary: fc.constantFrom(...names).map(percentEncode), weight: 4 }, { arbitrary: encodedValue, weight: 1 }),
            encodedValue
        )
        .map(([k, v]) => `${k}=${v}`);
    return fc.oneof(
        { arbitrary: fc.constant(""), weight: 1 },
        { arbitrary: fc.array(pair, { minLength: 1, maxLength: 6 }).map((pairs) => `?${pairs.join("&")}`), weight: 4 },
        { arbitrary: fc.constantFrom("?", "?&&", "?=", "?%", "?a=%ZZ&b", `?${"ids=x&".repeat(1200)}`), weight: 1 }
    );
}

/** Requests whose HTTP framing itself is hostile, sent over a socket as they are. */
function rawRequests(operation: Operation): fc.Arbitrary<{ kind: string; raw: Buffer }> {
    const path = operation.path.replace(/\{[^}]+\}/g, "x");
    const head = `${operation.method} ${path} HTTP/1.1\r\nHost: localhost\r\n`;
    return fc
        .constantFrom(
            `${head}Content-Length: 5\r\nContent-Length: 6\r\n\r\n{"a":1}`,
            `${head}Transfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n0\r\n\r\n`,
            `${head}Transfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\nzz\r\n{}\r\n0\r\n\r\n`,
            `${head}X-Nul: a\u0000b\r\n\r\n`,
            `${head}X-Bare: a\nX-Other: b\r\n\r\n`,
            `${head}X-Folded: a\r\n b\r\n\r\n`,
            `${head}X-Big: ${"x".repeat(20_000)}\r\n\r\n`,
            `${head}Content-Length: -1\r\n\r\n`,
            `${head}Content-Length: 1e3\r\n\r\n`,
            `${head}Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}GET / HTTP/1.1\r\n\r\n`,
            `GARBAGE ${path}\r\n\r\n`,
            `${operation.method} http://evil.example${path} HTTP/1.1\r\nHost: localhost\r\n\r\n`,
            `${operation.method} ${path} HTTP/1.0\r\n\r\n`,
            `${operation.method} ${path} HTTP/9.9\r\nHost: localhost\r\n\r\n`,
            `${operation.method} ${path}\u0000 HTTP/1.1\r\nHost: localhost\r\n\r\n`
        )
        .map((text) => ({ kind: "raw", raw: Buffer.from(text, "latin1") }));
}

/** Every kind of hostile request for one operation. */
export function hostileRequests(operation: Operation, credentials: Credentials): fc.Arbitrary<HostileRequest> {
    const bodyArbitrary: fc.Arbitrary<{ kind: string; body?: Buffer; contentType?: string }> = (() => {
        const body = operation.body;
        if (!body) {
            return fc.oneof(
                { arbitrary: fc.constant({ kind: "noBody" }), weight: 4 },
                {
                    arbitrary: anyJson([]).map((text) => ({
                        kind: "unexpectedBody",
                        body: Buffer.from(text),
                        contentType: "application/json"
                    })),
                    weight: 1
                }
            );
        }
        if (body.contentType === "multipart/form-data")
            return multipartBody(body.schema).map(({ kind, text, contentType }) => ({ kind, body: text, contentType }));
        if (body.contentType === "application/x-www-form-urlencoded") {
            return formBody().map(({ kind, text }) => ({ kind, body: Buffer.from(text, "utf8"), contentType: body.contentType }));
        }
        return jsonBody(body.schema).map(({ kind, text }) => ({ kind, body: Buffer.from(text, "utf8"), contentType: "application/json" }));
    })();
    const contentType = fc.oneof(
        { arbitrary: fc.constant<string | undefined>(undefined), weight: 4 },
        { arbitrary: fc.constantFrom<string | undefined>(...WRONG_CONTENT_TYPES), weight: 1 }
    );
    const regular = fc
        .record({
            path: pathOf(operation),
            query: queryOf(operation),
            auth: authorization(operation, credentials),
            extra: extraHeaders,
            body: bodyArbitrary,
            wrongType: contentType
        })
        .map(({ path, query, auth, extra, body, wrongType }): HostileRequest => {
            const headers: Record<string, string> = { ...extra, ...auth };
            const type = wrongType ?? body.contentType;
            if (type !== undefined && body.body !== undefined) headers["content-type"] = type;
            return {
                operation: operation.name,
                kind: wrongType !== undefined && body.body !== undefined ? `${body.kind}+wrongContentType` : body.kind,
                method: operation.method,
                target: path + query,
                headers,
                body: body.body,
                streams: operation.streams,
                listener: operation.listener
            };
        });
    const raw = rawRequests(operation).map(({ kind, raw }): HostileRequest => ({
        operation: operation.name,
        kind,
        method: operation.method,
        target: operation.path,
        headers: {},
        raw,
        streams: operation.streams,
        listener: operation.listener
    }));
    return fc.oneof({ arbitrary: regular, weight: 19 }, { arbitrary: raw, weight: 1 });
}
