import { createPrivateKey, createPublicKey, generateKeyPairSync, KeyObject, sign } from "node:crypto";

import type { IdentityKey } from "@enmeshed-backbone/app-client";

/** An Ed25519 key pair of node:crypto, to be kept as PEM (PKCS #8) by the integration. */
export class NodeIdentityKey implements IdentityKey {
    readonly publicKey: Uint8Array;

    private constructor(readonly privateKey: KeyObject) {
        const jwk = createPublicKey(privateKey).export({ format: "jwk" });
        this.publicKey = new Uint8Array(Buffer.from(jwk.x!, "base64url"));
    }

    static generate(): NodeIdentityKey {
        return new NodeIdentityKey(generateKeyPairSync("ed25519").privateKey);
    }

    /** The key of a stored private key (PEM or DER PKCS #8, or a KeyObject). */
    static from(privateKey: string | Buffer | KeyObject): NodeIdentityKey {
        const key = privateKey instanceof KeyObject ? privateKey : createPrivateKey(privateKey);
        if (key.asymmetricKeyType !== "ed25519") throw new TypeError(`an Ed25519 private key is needed, got ${key.asymmetricKeyType}`);
        return new NodeIdentityKey(key);
    }

    /** The private key as PEM (PKCS #8), to store and pass to `NodeIdentityKey.from` later. */
    toPem(): string {
        return this.privateKey.export({ format: "pem", type: "pkcs8" }).toString();
    }

    async sign(data: Uint8Array): Promise<Uint8Array> {
        return new Uint8Array(sign(null, data, this.privateKey));
    }
}
