import { createHash } from "node:crypto";

/** The form of an identity address; the last two hex digits are a checksum that `isValidAddress` checks too. */
export const ADDRESS_PATTERN = /^did:e:((?:[a-z0-9-]+\.)*[a-z]{2,}):dids:([0-9a-f]{20})([0-9a-f]{2})$/;

function sha256(data: Uint8Array | string): Buffer {
    return createHash("sha256").update(data).digest();
}

/** The identity address of a raw 32-byte Ed25519 public key under a DID domain (wire contract 2.7). */
export function deriveAddress(rawPublicKey: Uint8Array, didDomain: string): string {
    const id = sha256(createHash("sha512").update(rawPublicKey).digest()).subarray(0, 10).toString("hex");
    const mainPhrase = `did:e:${didDomain}:dids:${id}`;
    const checksum = sha256(mainPhrase).toString("hex").substring(0, 2);
    return (mainPhrase + checksum).toLowerCase();
}

/** Syntax and checksum check of an identity address. */
export function isValidAddress(value: unknown): value is string {
    if (typeof value !== "string" || value.length > 80) return false;
    const match = ADDRESS_PATTERN.exec(value);
    if (!match) return false;
    const mainPhrase = value.substring(0, value.length - 2);
    return sha256(mainPhrase).toString("hex").substring(0, 2) === match[3];
}

/** The address that replaces a deleted identity's address (wire contract 2.8). */
export function anonymizedAddress(didDomain: string): string {
    return deriveAddress(Buffer.from("deleted identity", "utf16le"), didDomain);
}

/** This Backbone's address for deleted identities (of its DID domain), provided once by the core module. */
export class DeletedIdentityAddress {
    constructor(readonly value: string) {}
}
