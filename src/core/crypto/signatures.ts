import { createPublicKey, type KeyObject, verify } from "node:crypto";

import { decodeBase64 } from "./base64";

const ED25519_SPKI_PREFIX = Buffer.from("302a300506032b6570032100", "hex");

/** The decoded form of an `identityPublicKey` field: base64 of a JSON `{pub, alg}` object. */
export interface PublicKeyEnvelope {
    /** The decoded JSON bytes, stored as the identity's public key. */
    json: Buffer;
    /** The 32 raw Ed25519 key bytes. */
    raw: Buffer;
}

function parseJsonObject(bytes: Buffer): Record<string, unknown> | undefined {
    try {
        const value: unknown = JSON.parse(bytes.toString("utf8"));
        return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
    } catch {
        return undefined;
    }
}

/** Parses a public key field; undefined when it is not base64 of a JSON object with a 32-byte `pub`. */
export function parsePublicKey(field: string): PublicKeyEnvelope | undefined {
    const json = decodeBase64(field);
    if (!json) return undefined;
    const object = parseJsonObject(json);
    if (!object || typeof object.pub !== "string") return undefined;
    const raw = decodeBase64(object.pub);
    if (!raw || raw.length !== 32) return undefined;
    return { json, raw };
}

/** Parses a stored public key (the JSON bytes). */
export function rawKeyFromStoredJson(json: Buffer): Buffer | undefined {
    const object = parseJsonObject(json);
    if (!object || typeof object.pub !== "string") return undefined;
    const raw = decodeBase64(object.pub);
    return raw && raw.length === 32 ? raw : undefined;
}

/** Parses a signature field: base64 of a JSON `{sig, alg}` object; undefined when malformed. */
export function parseSignature(field: string): Buffer | undefined {
    const json = decodeBase64(field);
    if (!json) return undefined;
    const object = parseJsonObject(json);
    if (!object || typeof object.sig !== "string" || typeof object.alg !== "number") return undefined;
    const sig = decodeBase64(object.sig);
    return sig && sig.length === 64 ? sig : undefined;
}

function ed25519Key(raw: Buffer): KeyObject {
    return createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, raw]), format: "der", type: "spki" });
}

/** Plain Ed25519 verification of a signature over the UTF-8 bytes of a message. */
export function verifyEd25519(rawPublicKey: Buffer, message: string, signature: Buffer): boolean {
    try {
        return verify(null, Buffer.from(message, "utf8"), ed25519Key(rawPublicKey), signature);
    } catch {
        return false;
    }
}
