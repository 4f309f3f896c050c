/**
 * The end-to-end flow through a generated client, written once against web APIs only (fetch, TextEncoder, btoa):
 * it runs through clients/connector in jest and through clients/app bundled for the browser. Each step throws on
 * a wrong answer. New endpoints are exercised by adding a step.
 */
import type { BackboneClient } from "../../clients/app/src/index";
import { textToBase64Url, toBase64Url } from "../../clients/app/src/index";

/** What the flow needs of either client (structural, so both packages' classes fit). */
export type FlowClient = Pick<BackboneClient, "api" | "login" | "result" | "all" | "paginate">;

/** An Ed25519 key: node:crypto in Node, WebCrypto in the browser. */
export interface FlowSigner {
    publicKey: Uint8Array;
    sign(data: Uint8Array<ArrayBuffer>): Promise<Uint8Array>;
}

export interface FlowOptions {
    client: FlowClient;
    signer: FlowSigner;
    clientId: string;
    clientSecret: string;
    password: string;
}

export interface FlowReport {
    address: string;
    deviceId: string;
    username: string;
    listedDeviceIds: string[];
    badRequestCode: string;
    notFoundCode: string;
    steps: string[];
}

function check(condition: unknown, message: string): asserts condition {
    if (!condition) throw new Error(`flow check failed: ${message}`);
}

/** The challenge as the official client signs it: keys in alphabetical order, `type: "Identity"`. */
export function challengeText(challenge: {
    id: string;
    expiresAt: string;
    createdBy?: string | null;
    createdByDevice?: string | null;
}): string {
    const fields: Record<string, string> = {};
    if (challenge.createdBy) fields.createdBy = challenge.createdBy;
    if (challenge.createdByDevice) fields.createdByDevice = challenge.createdByDevice;
    return JSON.stringify({ ...fields, expiresAt: challenge.expiresAt, id: challenge.id, type: "Identity" });
}

async function signedChallenge(client: FlowClient, signer: FlowSigner): Promise<{ challenge: string; signature: string }> {
    const challenge = await client.result(client.api.POST("/api/v2/Challenges"));
    const text = challengeText(challenge);
    const sig = await signer.sign(new TextEncoder().encode(text));
    return { challenge: text, signature: textToBase64Url(JSON.stringify({ sig: toBase64Url(sig), alg: 2, "@type": "CryptoSignature" })) };
}

/** Expects the call to fail with a BackboneError of this status; gives its code. */
async function errorCode(call: Promise<unknown>, status: number): Promise<string> {
    try {
        await call;
    } catch (error) {
        const e = error as { name?: string; status?: number; code?: string };
        check(e.name === "BackboneError", `a BackboneError, got ${String(error)}`);
        check(e.status === status, `status ${status}, got ${e.status}`);
        return e.code!;
    }
    throw new Error(`flow check failed: expected HTTP ${status}`);
}

export async function runConsumerFlow({ client, signer, clientId, clientSecret, password }: FlowOptions): Promise<FlowReport> {
    const steps: string[] = [];

    // An identity with its first device, proven by a signed challenge.
    const identityPublicKey = textToBase64Url(
        JSON.stringify({ pub: toBase64Url(signer.publicKey), alg: 3, "@type": "CryptoSignaturePublicKey" })
    );
    const created = await client.result(
        client.api.POST("/api/v2/Identities", {
            body: {
                clientId,
                clientSecret,
                identityPublicKey,
                devicePassword: password,
                identityVersion: 1,
                signedChallenge: await signedChallenge(client, signer)
            }
        })
    );
    check(created.address.startsWith("did:e:"), "an identity address");
    steps.push("createIdentity");

    await client.login(created.device.username, password);
    steps.push("login");

    const identity = await client.result(client.api.GET("/api/v2/Identities/Self"));
    check(identity.address === created.address, "the own identity");
    check(identity.status === "Active", "an active identity");
    const device = await client.result(client.api.GET("/api/v2/Devices/Self"));
    check(device.id === created.device.id, "the own device");
    steps.push("readSelf");

    // A second device, so that a page size of 1 needs two pages.
    const second = await client.result(
        client.api.POST("/api/v2/Devices", {
            body: { devicePassword: `${password}-2`, signedChallenge: await signedChallenge(client, signer) }
        })
    );
    const listed = await client.all((pageNumber) => client.api.GET("/api/v2/Devices", { params: { query: { pageNumber, pageSize: 1 } } }));
    const listedDeviceIds = listed.map((d) => d.id);
    check(
        listedDeviceIds.length === 2 && listedDeviceIds.includes(device.id) && listedDeviceIds.includes(second.id),
        "both devices over two pages"
    );
    steps.push("listDevices");

    // A 204 operation unwraps to void.
    const updated: void = await client.result(client.api.PUT("/api/v2/Devices/Self", { body: { communicationLanguage: "de" } }));
    check(updated === undefined, "void for 204");
    steps.push("updateOwnDevice");

    // A token and a relationship template with encrypted content (base64url strings on the wire), read back.
    const inAnHour = new Date(Date.now() + 3600 * 1000).toISOString();
    const tokenContent = textToBase64Url("token ciphertext");
    const token = await client.result(client.api.POST("/api/v2/Tokens", { body: { content: tokenContent, expiresAt: inAnHour } }));
    const readToken = await client.result(client.api.GET("/api/v2/Tokens/{id}", { params: { path: { id: token.id } } }));
    check(readToken.id === token.id && readToken.content === tokenContent, "the token read back with its content");
    check(readToken.createdBy === created.address && readToken.isPasswordProtected === false, "the token's creator");
    steps.push("createAndReadToken");

    const templateContent = textToBase64Url("template ciphertext");
    const template = await client.result(
        client.api.POST("/api/v2/RelationshipTemplates", {
            body: { content: templateContent, expiresAt: inAnHour, maxNumberOfAllocations: 1 }
        })
    );
    const readTemplate = await client.result(
        client.api.GET("/api/v2/RelationshipTemplates/{id}", { params: { path: { id: template.id } } })
    );
    check(readTemplate.id === template.id && readTemplate.content === templateContent, "the template read back with its content");
    check(readTemplate.maxNumberOfAllocations === 1 && readTemplate.createdBy === created.address, "the template's settings");
    steps.push("createAndReadTemplate");

    // Typed errors: status and code from the {error} envelope.
    const badRequestCode = await errorCode(
        client.result(client.api.GET("/api/v2/Challenges/{id}", { params: { path: { id: "not-an-id" } } })),
        400
    );
    const notFoundCode = await errorCode(
        client.result(client.api.GET("/api/v2/Challenges/{id}", { params: { path: { id: "CHLaaaaaaaaaaaaaaaaa" } } })),
        404
    );
    check(notFoundCode === "error.platform.recordNotFound", `recordNotFound, got ${notFoundCode}`);
    steps.push("typedErrors");

    return {
        address: created.address,
        deviceId: device.id,
        username: created.device.username,
        listedDeviceIds,
        badRequestCode,
        notFoundCode,
        steps
    };
}
