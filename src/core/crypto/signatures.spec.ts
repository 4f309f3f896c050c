import { generateKeyPairSync, sign } from "node:crypto";

import { parsePublicKey, parseSignature, verifyEd25519 } from "./signatures";

// The wire contract's end-to-end example (Ed25519 seed 0x00..0x1f).
const PUBLIC_KEY_FIELD = "eyJwdWIiOiJBNkVIdl9QT0VMNGRjTjBZNTB2QW1XZmsxakNicFExZkhkeUdaQkpWTWJnIiwiYWxnIjozfQ";
const CHALLENGE = '{"id":"CHLAAAAAAAAAAAAAAAAA","expiresAt":"2030-01-01T00:10:00.000Z","type":"Identity"}';
const SIGNATURE_FIELD =
    "eyJzaWciOiI5SWcxUE95MUNDNmZvMjhGcldySG9Td3dUNGVlOFlrcFdpbS1JLXNVM3pLTFU3TXo4S1daUlkzTFQteDFnNjNXUG9OUGE4eUs4MUZlZDNnOVI5a21DZyIsImFsZyI6Mn0";

function b64json(value: unknown, encoding: BufferEncoding = "base64url"): string {
    return Buffer.from(JSON.stringify(value)).toString(encoding);
}

describe("signed challenge verification", () => {
    const key = parsePublicKey(PUBLIC_KEY_FIELD)!;

    it("parses the contract's public key into its 32 raw bytes", () => {
        expect(key.raw.toString("hex")).toBe("03a107bff3ce10be1d70dd18e74bc09967e4d6309ba50d5f1ddc8664125531b8");
    });

    it("accepts the contract's valid signature", () => {
        expect(verifyEd25519(key.raw, CHALLENGE, parseSignature(SIGNATURE_FIELD)!)).toBe(true);
    });

    it("accepts a signature sent as standard base64 with padding", () => {
        const standard = Buffer.from(SIGNATURE_FIELD, "base64url").toString("base64");
        expect(verifyEd25519(key.raw, CHALLENGE, parseSignature(standard)!)).toBe(true);
    });

    it("rejects a tampered challenge", () => {
        expect(verifyEd25519(key.raw, CHALLENGE.replace("2030", "2031"), parseSignature(SIGNATURE_FIELD)!)).toBe(false);
    });

    it("rejects a signature by another key", () => {
        const other = generateKeyPairSync("ed25519");
        const sig = sign(null, Buffer.from(CHALLENGE), other.privateKey);
        expect(verifyEd25519(key.raw, CHALLENGE, parseSignature(b64json({ sig: sig.toString("base64url"), alg: 2 }))!)).toBe(false);
    });

    it.each([
        ["not base64", "%%%"],
        ["base64 of non-JSON", Buffer.from("not json").toString("base64url")],
        ["JSON without sig", b64json({ alg: 2 })],
        ["JSON without alg", b64json({ sig: "AAAA" })],
        ["a sig of the wrong length", b64json({ sig: Buffer.alloc(10).toString("base64url"), alg: 2 })],
        ["a JSON array", b64json([1, 2])]
    ])("refuses a malformed signature field: %s", (_name, field) => {
        expect(parseSignature(field)).toBeUndefined();
    });

    it.each([
        ["not base64", "***"],
        ["base64 of non-JSON", Buffer.from("{").toString("base64url")],
        ["a pub of 31 bytes", b64json({ pub: Buffer.alloc(31).toString("base64url"), alg: 3 })],
        ["no pub", b64json({ alg: 3 })]
    ])("refuses a malformed public key field: %s", (_name, field) => {
        expect(parsePublicKey(field)).toBeUndefined();
    });
});
