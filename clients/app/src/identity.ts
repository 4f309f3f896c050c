import { textToBase64Url, toBase64Url } from "./base64.js";

/**
 * An identity's Ed25519 key as the Backbone needs it: the raw public key and a signer. `WebCryptoIdentityKey` (this
 * package) and the Connector client's `NodeIdentityKey` implement it; any other key store can too.
 */
export interface IdentityKey {
    /** The 32 raw bytes of the Ed25519 public key. */
    readonly publicKey: Uint8Array;
    /** Plain Ed25519 over `data` (no pre-hash), 64 bytes. */
    sign(data: Uint8Array): Promise<Uint8Array>;
}

/** WebCrypto's `CryptoKey`, named through `crypto.subtle` so that the type exists with the DOM library and with Node's types. */
export type WebCryptoKey = Awaited<ReturnType<typeof crypto.subtle.importKey>>;

/** An Ed25519 key pair of WebCrypto (browsers, React Native with a WebCrypto, Node >= 20). */
export class WebCryptoIdentityKey implements IdentityKey {
    private constructor(
        readonly publicKey: Uint8Array,
        /** Keep it (e.g. in IndexedDB, which stores non-extractable keys as they are) to sign for the identity later. */
        readonly privateKey: WebCryptoKey
    ) {}

    /** A new key pair; the private key is not extractable unless asked for. */
    static async generate(options: { extractable?: boolean } = {}): Promise<WebCryptoIdentityKey> {
        const pair = (await crypto.subtle.generateKey({ name: "Ed25519" }, options.extractable ?? false, ["sign", "verify"])) as {
            publicKey: WebCryptoKey;
            privateKey: WebCryptoKey;
        };
        return await WebCryptoIdentityKey.from(pair);
    }

    /**
     * The key from what was stored: the private key and the public key (its raw bytes, as `publicKey` of this class
     * gives them, or the CryptoKey of a generated pair).
     */
    static async from(stored: { publicKey: Uint8Array | WebCryptoKey; privateKey: WebCryptoKey }): Promise<WebCryptoIdentityKey> {
        const publicKey =
            stored.publicKey instanceof Uint8Array
                ? stored.publicKey
                : new Uint8Array(await crypto.subtle.exportKey("raw", stored.publicKey));
        return new WebCryptoIdentityKey(publicKey, stored.privateKey);
    }

    async sign(data: Uint8Array): Promise<Uint8Array> {
        return new Uint8Array(await crypto.subtle.sign({ name: "Ed25519" }, this.privateKey, new Uint8Array(data)));
    }
}

/** `identityPublicKey` of `POST /api/v2/Identities`: base64url of the JSON `{pub, alg: 3}` (Ed25519). */
export function publicKeyField(publicKey: Uint8Array): string {
    return textToBase64Url(JSON.stringify({ pub: toBase64Url(publicKey), alg: 3, "@type": "CryptoSignaturePublicKey" }));
}

/**
 * A signature in the wire form of the official client: base64url of the JSON `{sig, alg: 2}` over the bytes of
 * `data` (text as UTF-8). Signed challenges use it, and so may a file's `ownerSignature`.
 */
export async function signatureField(key: IdentityKey, data: Uint8Array | string): Promise<string> {
    const bytes = typeof data === "string" ? new TextEncoder().encode(data) : data;
    return textToBase64Url(JSON.stringify({ sig: toBase64Url(await key.sign(bytes)), alg: 2, "@type": "CryptoSignature" }));
}

/** The text that is signed for a challenge, as the official client writes it: keys in alphabetical order, `type: "Identity"`. */
export function challengeText(challenge: {
    id: string;
    expiresAt: string;
    createdBy?: string | null;
    createdByDevice?: string | null;
}): string {
    const creator: Record<string, string> = {};
    if (challenge.createdBy) creator.createdBy = challenge.createdBy;
    if (challenge.createdByDevice) creator.createdByDevice = challenge.createdByDevice;
    return JSON.stringify({ ...creator, expiresAt: challenge.expiresAt, id: challenge.id, type: "Identity" });
}

/**
 * A random device password of 256 bits that also meets the Backbone's strong password policy (a lower- and an
 * upper-case letter, a digit and another character are appended).
 */
export function randomDevicePassword(): string {
    return `${toBase64Url(crypto.getRandomValues(new Uint8Array(32)))}.aA1`;
}
