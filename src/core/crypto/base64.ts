/** Output encoding of every byte field: base64url without padding. */
export function toBase64Url(bytes: Uint8Array): string {
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64url");
}

const BASE64_ANY = /^[A-Za-z0-9+/_-]*={0,2}$/;

/**
 * Lenient input decoding: base64url or standard base64, padding optional.
 * Returns undefined for text that is not base64 in either alphabet.
 */
export function decodeBase64(text: string): Buffer | undefined {
    if (!BASE64_ANY.test(text)) return undefined;
    const unpadded = text.replace(/=+$/, "");
    if (unpadded.length % 4 === 1) return undefined;
    if (/[+/]/.test(unpadded) && /[-_]/.test(unpadded)) return undefined;
    return Buffer.from(unpadded.replace(/-/g, "+").replace(/_/g, "/"), "base64");
}
