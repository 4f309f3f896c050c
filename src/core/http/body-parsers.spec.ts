import { ApiError } from "../errors/errors";
import { measureJson, parseJsonBody } from "./body-parsers";
import { parseQueryString, parseUrlEncoded } from "./query-keys";

function codeOf(call: () => unknown): string | undefined {
    try {
        call();
    } catch (error) {
        return error instanceof ApiError ? error.code : "not an ApiError";
    }
    return undefined;
}

describe("measureJson", () => {
    it("finds nesting beyond the limit in arrays and objects", () => {
        expect(measureJson("[[[]]]", 3, 100)).toBeUndefined();
        expect(measureJson("[[[[]]]]", 3, 100)).toBe("tooDeep");
        expect(measureJson('{"a":{"b":{"c":{}}}}', 3, 100)).toBe("tooDeep");
        expect(measureJson('{"a":[{"b":1}]}', 3, 100)).toBeUndefined();
    });

    it("ignores brackets and commas inside strings, escaped quotes and backslashes included", () => {
        expect(measureJson(`["${"[".repeat(100)}"]`, 2, 100)).toBeUndefined();
        expect(measureJson(String.raw`["a\"[[[[", "b\\", "[[[[,,,,"]`, 2, 5)).toBeUndefined();
        expect(measureJson(String.raw`["a\\"[[[`, 2, 100)).toBe("tooDeep");
    });

    it("counts values and refuses more than allowed", () => {
        expect(measureJson("[1,2,3]", 10, 3)).toBeUndefined();
        expect(measureJson("[1,2,3,4]", 10, 3)).toBe("tooManyValues");
        expect(measureJson("[[],[],[]]", 10, 3)).toBe("tooManyValues");
    });

    it("leaves unterminated text to the parser", () => {
        expect(measureJson('["abc', 2, 10)).toBeUndefined();
    });
});

describe("parseJsonBody", () => {
    it("parses ordinary bodies", () => {
        expect(parseJsonBody('{"a":[1,"x",null],"b":{"c":true}}')).toEqual({ a: [1, "x", null], b: { c: true } });
    });

    it("refuses prototype keys at any depth, also when escaped", () => {
        for (const body of [
            '{"__proto__":{}}',
            '{"a":[{"constructor":1}]}',
            '{"prototype":1}',
            '{"__pro\\u0074o__":1}',
            '{"a":{"b":{"__proto__":null}}}'
        ]) {
            expect(codeOf(() => parseJsonBody(body))).toBe("error.platform.inputCannotBeParsed");
        }
        expect(parseJsonBody('{"text":"constructor and prototype are words"}')).toEqual({ text: "constructor and prototype are words" });
    });

    it("answers inputCannotBeParsed for empty, malformed, too deep and too large bodies", () => {
        expect(codeOf(() => parseJsonBody(""))).toBe("error.platform.inputCannotBeParsed");
        expect(codeOf(() => parseJsonBody('{"a":'))).toBe("error.platform.inputCannotBeParsed");
        expect(codeOf(() => parseJsonBody("[".repeat(2000) + "]".repeat(2000)))).toBe("error.platform.inputCannotBeParsed");
        expect(codeOf(() => parseJsonBody(`[${"1,".repeat(20)}1]`, 10))).toBe("error.platform.inputCannotBeParsed");
    });
});

describe("url-encoded parsing", () => {
    it("builds objects without a prototype and drops prototype keys, also as segments", () => {
        const parsed = parseQueryString(
            "__proto__=x&__proto__=y&constructor=1&a.prototype.b=2&__proto__[x]=3&templates.0.constructor=4&ok=5"
        );
        expect(Object.getPrototypeOf(parsed)).toBeNull();
        expect(Object.keys(parsed)).toEqual(["ok"]);
        expect(({} as { x?: unknown }).x).toBeUndefined();
    });

    it("collects repeated keys and canonicalises known query names", () => {
        expect({ ...parseQueryString("IDS=a&ids=b&PageNumber=2&Templates.0.ID=x") }).toEqual({
            ids: ["a", "b"],
            pageNumber: "2",
            "templates.0.id": "x"
        });
        expect({ ...parseUrlEncoded("Username=a&username=b", false) }).toEqual({ Username: "a", username: "b" });
    });
});
