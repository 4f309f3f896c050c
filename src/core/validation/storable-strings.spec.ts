import { findUnstorableString, isStorableString } from "./storable-strings";

describe("strings PostgreSQL can store", () => {
    it("refuses NUL and lone surrogates, accepts everything else", () => {
        expect(isStorableString("plain \u0001 text 🙂 \uD83D\uDE42")).toBe(true);
        expect(isStorableString("a\u0000b")).toBe(false);
        expect(isStorableString("\uD800")).toBe(false);
        expect(isStorableString("x\uDC00")).toBe(false);
    });

    it("names the first offending value or key in nested input, and skips binary values", () => {
        expect(findUnstorableString({ a: [{ b: "ok" }, { c: "no\u0000" }] })).toBe("a.1.c");
        expect(findUnstorableString({ a: { "key\u0000": true } })).toBe("a.key?");
        expect(findUnstorableString({ a: Buffer.from([0, 0]), b: "fine" })).toBeUndefined();
        expect(findUnstorableString("\uD800", "username")).toBe("username");
    });
});
