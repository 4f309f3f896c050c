import { decodeBase64 } from "../crypto/base64";
import { BYTES_INPUT_PATTERN, bytesInputSchema } from "./openapi";

function* strings(alphabet: string, length: number, prefix = ""): Generator<string> {
    if (length === 0) {
        yield prefix;
        return;
    }
    for (const character of alphabet) yield* strings(alphabet, length - 1, prefix + character);
}

describe("the schema of byte fields in requests", () => {
    it("has a pattern that accepts exactly the text the Backbone decodes", () => {
        const pattern = new RegExp(BYTES_INPUT_PATTERN);
        const differing: string[] = [];
        for (let length = 0; length <= 5; length++) {
            for (const text of strings("Az09+/-_=", length)) {
                if (pattern.test(text) !== (decodeBase64(text) !== undefined)) differing.push(text);
            }
        }
        expect(differing).toEqual([]);
    });

    it("bounds the length loosely enough for every valid value", () => {
        const schema = bytesInputSchema(1, 64);
        for (const bytes of [1, 2, 3, 63, 64]) {
            const data = Buffer.alloc(bytes, 0xfb);
            for (const text of [data.toString("base64url"), data.toString("base64")]) {
                expect(text.length).toBeGreaterThanOrEqual(schema.minLength!);
                expect(text.length).toBeLessThanOrEqual(schema.maxLength!);
                expect(new RegExp(schema.pattern!).test(text)).toBe(true);
            }
        }
    });
});
