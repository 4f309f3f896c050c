import { generateKeyPairSync, type KeyObject, sign } from "node:crypto";

import { challengeText } from "../flows/consumer-flow";
import type { TestApp } from "./test-app";
import { TEST_CLIENT } from "./test-app";

/** An Ed25519 key pair in the wire formats of the official client. */
export class TestKeyPair {
    readonly privateKey: KeyObject;
    readonly raw: Buffer;

    constructor() {
        const { publicKey, privateKey } = generateKeyPairSync("ed25519");
        this.privateKey = privateKey;
        this.raw = Buffer.from(publicKey.export({ format: "jwk" }).x!, "base64url");
    }

    /** `identityPublicKey`: base64url of `{"pub","alg":3,"@type"}`. */
    get publicKeyField(): string {
        return Buffer.from(JSON.stringify({ pub: this.raw.toString("base64url"), alg: 3, "@type": "CryptoSignaturePublicKey" })).toString(
            "base64url"
        );
    }

    /** `signature`: base64url of `{"sig","alg":2,"@type"}` over the UTF-8 bytes of `text`. */
    signatureField(text: string): string {
        const sig = sign(null, Buffer.from(text, "utf8"), this.privateKey);
        return Buffer.from(JSON.stringify({ sig: sig.toString("base64url"), alg: 2, "@type": "CryptoSignature" })).toString("base64url");
    }
}

export { challengeText };

export const STRONG_PASSWORD = "Str0ng!Passw0rd-for-tests";

export interface TestIdentity {
    address: string;
    deviceId: string;
    username: string;
    password: string;
    keys: TestKeyPair;
    token: string;
    /** `Authorization` header value. */
    auth: string;
}

export async function createChallenge(
    t: TestApp,
    auth?: string
): Promise<{ id: string; expiresAt: string; createdBy: string | null; createdByDevice: string | null }> {
    const request = t.http.post("/api/v2/Challenges").send({});
    if (auth) request.set("authorization", auth);
    const response = await request.expect(201);
    return response.body.result;
}

/** The password grant of the `test` client for a device's credentials (the request, to be awaited with its expectation). */
export function passwordGrant(t: TestApp, username: string, password: string) {
    return t.http
        .post("/connect/token")
        .type("form")
        .send({ client_id: TEST_CLIENT.id, client_secret: TEST_CLIENT.secret, grant_type: "password", username, password });
}

export async function login(t: TestApp, username: string, password: string): Promise<string> {
    const response = await passwordGrant(t, username, password).expect(200);
    return response.body.access_token;
}

/** Creates an identity the way the official client does, and logs its first device in. */
export async function createIdentity(t: TestApp, password = STRONG_PASSWORD): Promise<TestIdentity> {
    const keys = new TestKeyPair();
    const challenge = await createChallenge(t);
    const text = challengeText(challenge);
    const response = await t.http
        .post("/api/v2/Identities")
        .send({
            clientId: TEST_CLIENT.id,
            clientSecret: TEST_CLIENT.secret,
            identityPublicKey: keys.publicKeyField,
            devicePassword: password,
            identityVersion: 1,
            signedChallenge: { challenge: text, signature: keys.signatureField(text) }
        })
        .expect(201);
    const { address, device } = response.body.result;
    const token = await login(t, device.username, password);
    return { address, deviceId: device.id, username: device.username, password, keys, token, auth: `Bearer ${token}` };
}
