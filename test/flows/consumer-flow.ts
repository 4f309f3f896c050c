/**
 * The end-to-end flow through a generated client, written once against web APIs only (fetch, TextEncoder, btoa):
 * it runs through clients/connector in jest (node:crypto identity keys) and through clients/app bundled for the
 * browser (WebCrypto identity keys). The identity comes from the clients' identity helper. Each step throws on a
 * wrong answer. New endpoints are exercised by adding a step.
 */
import type { BackboneClient, IdentityKey } from "../../clients/app/src/index";
import { challengeText, textToBase64Url, toBase64Url } from "../../clients/app/src/index";

export { challengeText };

/** What the flow needs of either client (structural, so both packages' classes fit). */
export type FlowClient = Pick<
    BackboneClient<IdentityKey>,
    "api" | "login" | "result" | "all" | "paginate" | "createIdentity" | "createDevice"
>;

export interface FlowOptions {
    client: FlowClient;
    password: string;
}

export interface FlowReport {
    address: string;
    /** The identity's raw public key, base64url. */
    publicKey: string;
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

export async function runConsumerFlow({ client, password }: FlowOptions): Promise<FlowReport> {
    const steps: string[] = [];

    // An identity with a new key, its first device (logged in) and a second one, each proven by a signed challenge.
    const identity = await client.createIdentity({ devicePassword: password, furtherDevices: [{ devicePassword: `${password}-2` }] });
    check(identity.address.startsWith("did:e:"), "an identity address");
    check(identity.device.password === password && identity.furtherDevices.length === 1, "the devices asked for");
    steps.push("createIdentity");

    // Both devices log in with their own credentials.
    const [second] = identity.furtherDevices;
    await client.login(second!.username, second!.password);
    check((await client.result(client.api.GET("/api/v2/Devices/Self"))).id === second!.id, "the second device logged in");
    await client.login(identity.device.username, password);
    steps.push("login");

    const self = await client.result(client.api.GET("/api/v2/Identities/Self"));
    check(self.address === identity.address, "the own identity");
    check(self.status === "Active", "an active identity");
    const device = await client.result(client.api.GET("/api/v2/Devices/Self"));
    check(device.id === identity.device.id, "the own device");
    steps.push("readSelf");

    // Two devices, so that a page size of 1 needs two pages.
    const listed = await client.all((pageNumber) => client.api.GET("/api/v2/Devices", { params: { query: { pageNumber, pageSize: 1 } } }));
    const listedDeviceIds = listed.map((d) => d.id);
    check(
        listedDeviceIds.length === 2 && listedDeviceIds.includes(device.id) && listedDeviceIds.includes(second!.id),
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
    check(readToken.createdBy === identity.address && readToken.isPasswordProtected === false, "the token's creator");
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
    check(readTemplate.maxNumberOfAllocations === 1 && readTemplate.createdBy === identity.address, "the template's settings");
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
        address: identity.address,
        publicKey: toBase64Url(identity.key.publicKey),
        deviceId: device.id,
        username: identity.device.username,
        listedDeviceIds,
        badRequestCode,
        notFoundCode,
        steps
    };
}
