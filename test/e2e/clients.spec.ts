import { createHash, webcrypto } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runInNewContext } from "node:vm";

import multipart from "@fastify/multipart";
import Fastify from "fastify";

import {
    BackboneClient,
    BackboneError,
    ConnectorClient,
    type CreatedIdentity,
    fromBase64,
    type IdentityKey,
    NodeIdentityKey,
    signatureField,
    type UploadFileFields,
    WebCryptoIdentityKey
} from "../../clients/connector/src/index";
import * as esbuild from "../../clients/node_modules/esbuild";
import { deriveAddress } from "../../src/core/crypto/identity-address";
import { parseSignature, verifyEd25519 } from "../../src/core/crypto/signatures";
import { type FlowReport, runConsumerFlow } from "../flows/consumer-flow";
import { STRONG_PASSWORD } from "../support/identities";
import { startTestApp, TEST_CLIENT, type TestApp } from "../support/test-app";

const FLOW_STEPS = [
    "createIdentity",
    "login",
    "readSelf",
    "listDevices",
    "updateOwnDevice",
    "createAndReadToken",
    "createAndReadTemplate",
    "typedErrors"
];

// The spec requires ownerSignature, so the upload's field type does too (a compile error if it ever became optional).
// @ts-expect-error ownerSignature is missing
const _unsigned: UploadFileFields = { cipherHash: "aGFzaA", expiresAt: new Date(), encryptedProperties: "cHJvcHM" };

describe("the generated clients against the Backbone", () => {
    let t: TestApp;

    beforeAll(async () => {
        t = await startTestApp({ listen: true });
    });

    afterAll(async () => {
        await t.close();
    });

    it("creates an identity with the helper, logs in, reads and lists through the Connector client", async () => {
        const client = new ConnectorClient({ baseUrl: t.baseUrl!, clientId: TEST_CLIENT.id, clientSecret: TEST_CLIENT.secret });

        const report = await runConsumerFlow({ client, password: STRONG_PASSWORD });

        expect(report.steps).toEqual(FLOW_STEPS);
        expect(report.address).toBe(deriveAddress(fromBase64(report.publicKey), t.config.DID_DOMAIN));
        expect(report.listedDeviceIds).toHaveLength(2);
        expect(report.badRequestCode).toMatch(/^error\.platform\./);
        expect(report.notFoundCode).toBe("error.platform.recordNotFound");
    });

    /** A later client logs the identity's first device in and registers one more device, proven with the restored key. */
    async function deviceWithRestoredKey(identity: CreatedIdentity<IdentityKey>, key: IdentityKey): Promise<void> {
        const later = new ConnectorClient({ baseUrl: t.baseUrl!, clientId: TEST_CLIENT.id, clientSecret: TEST_CLIENT.secret });
        await later.login(identity.device.username, identity.device.password);
        const device = await later.createDevice(key, { isBackupDevice: true });
        await later.login(device.username, device.password);

        expect(Buffer.from(key.publicKey).equals(Buffer.from(identity.key.publicKey))).toBe(true);
        expect(identity.address).toBe(deriveAddress(key.publicKey, t.config.DID_DOMAIN));
        expect(device).toMatchObject({ isBackupDevice: true, createdByDevice: identity.device.id });
        expect((await later.result(later.api.GET("/api/v2/Devices/Self"))).id).toBe(device.id);
        const signature = parseSignature(await signatureField(key, "signed text"));
        expect(signature).toBeDefined();
        expect(verifyEd25519(Buffer.from(key.publicKey), "signed text", signature!)).toBe(true);
    }

    it("keeps the Connector client's identity key as PEM: restored later, it registers a further device", async () => {
        const client = new ConnectorClient({ baseUrl: t.baseUrl!, clientId: TEST_CLIENT.id, clientSecret: TEST_CLIENT.secret });
        const identity = await client.createIdentity();

        await deviceWithRestoredKey(identity, NodeIdentityKey.from(identity.key.toPem()));
    });

    it("keeps the App client's WebCrypto key as stored: restored later, it registers a further device", async () => {
        const client = new BackboneClient({ baseUrl: t.baseUrl!, clientId: TEST_CLIENT.id, clientSecret: TEST_CLIENT.secret });
        const identity = await client.createIdentity();
        const stored = structuredClone({ publicKey: identity.key.publicKey, privateKey: identity.key.privateKey });

        await deviceWithRestoredKey(identity, await WebCryptoIdentityKey.from(stored));
    });

    it("streams a file from disk to the Backbone's Files endpoint and downloads the same bytes", async () => {
        const client = new ConnectorClient({ baseUrl: t.baseUrl!, clientId: TEST_CLIENT.id, clientSecret: TEST_CLIENT.secret });
        const identity = await client.createIdentity();
        const dir = mkdtempSync(join(tmpdir(), "connector-upload-"));
        try {
            const content = Buffer.alloc(3 * 1024 * 1024 + 17, 9);
            const path = join(dir, "cipher.bin");
            writeFileSync(path, content);
            const uploaded = await client.uploadFile(path, {
                cipherHash: createHash("sha512").update(content).digest("base64url"),
                ownerSignature: await signatureField(identity.key, createHash("sha512").update("the plaintext").digest()),
                expiresAt: new Date(Date.now() + 3600 * 1000),
                encryptedProperties: Buffer.from('{"cph":"props"}').toString("base64url"),
                owner: identity.address
            });
            expect(uploaded.id).toMatch(/^FIL[A-Za-z0-9]{17}$/);
            expect(uploaded.cipherSize).toBe(content.length);
            const downloaded = await client.api.GET("/api/v2/Files/{id}", {
                params: { path: { id: uploaded.id } },
                parseAs: "arrayBuffer"
            });
            expect(downloaded.response.status).toBe(200);
            expect(Buffer.from(downloaded.data as ArrayBuffer).equals(content)).toBe(true);
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    });

    it("renews the access token before it expires and retries once after a 401", async () => {
        let now = Date.now();
        const seen: string[] = [];
        const client = new ConnectorClient({
            baseUrl: t.baseUrl!,
            clientId: TEST_CLIENT.id,
            clientSecret: TEST_CLIENT.secret,
            now: () => now,
            fetch: (request) => {
                seen.push(`${request.method} ${new URL(request.url).pathname}`);
                return fetch(request);
            }
        });
        const identity = await client.createIdentity({ devicePassword: STRONG_PASSWORD });
        await client.login(identity.device.username, STRONG_PASSWORD);
        seen.length = 0;

        now += 24 * 3600 * 1000;
        await client.result(client.api.GET("/api/v2/Identities/Self"));
        expect(seen).toEqual(["POST /connect/token", "GET /api/v2/Identities/Self"]);

        seen.length = 0;
        (client as unknown as { session: { accessToken: string } }).session.accessToken = "revoked";
        await client.result(client.api.GET("/api/v2/Devices/Self"));
        expect(seen).toEqual(["GET /api/v2/Devices/Self", "POST /connect/token", "GET /api/v2/Devices/Self"]);
    });

    it("turns a wrong password into a BackboneError with the OAuth code", async () => {
        const client = new ConnectorClient({ baseUrl: t.baseUrl!, clientId: TEST_CLIENT.id, clientSecret: TEST_CLIENT.secret });

        const error = await client.login("USRaaaaaaaaaaaaaaaaa", "wrong").catch((e: unknown) => e);

        expect(error).toBeInstanceOf(BackboneError);
        expect(error).toMatchObject({ status: 400, code: "invalid_grant" });
    });

    it("runs the same flow through the App client bundled for the browser, with web APIs only", async () => {
        const bundle = await esbuild.build({
            entryPoints: [join(__dirname, "..", "browser", "app-flow.entry.ts")],
            bundle: true,
            platform: "browser",
            format: "iife",
            globalName: "appFlow",
            target: "es2022",
            write: false,
            logLevel: "silent"
        });
        const code = bundle.outputFiles[0]!.text;
        // Only what a browser offers; no require, process, Buffer or node: modules.
        const context = {
            fetch,
            Request,
            Response,
            Headers,
            URL,
            URLSearchParams,
            TextEncoder,
            TextDecoder,
            ReadableStream,
            AbortController,
            FormData,
            Blob,
            crypto: webcrypto,
            btoa,
            atob,
            setTimeout,
            clearTimeout,
            Promise
        };
        const input = { baseUrl: t.baseUrl!, clientId: TEST_CLIENT.id, clientSecret: TEST_CLIENT.secret, password: STRONG_PASSWORD };
        const report = (await runInNewContext(`${code}\nappFlow.run(input)`, { ...context, input })) as FlowReport;

        expect(report.steps).toEqual(FLOW_STEPS);
        expect(report.address).toBe(deriveAddress(fromBase64(report.publicKey), t.config.DID_DOMAIN));
        expect(report.notFoundCode).toBe("error.platform.recordNotFound");
    });
});

describe("the Connector client's file upload", () => {
    it("streams a file from disk as multipart form data with the Files fields, and reopens it for the retry after a 401", async () => {
        const server = Fastify();
        await server.register(multipart, { limits: { fileSize: 16 * 1024 * 1024 } });
        server.addContentTypeParser("application/x-www-form-urlencoded", { parseAs: "string" }, (_request, body, done) => done(null, body));
        const received: Array<{ fields: Record<string, string>; file: Buffer; fileName: string }> = [];
        let answers401 = 1;
        server.post("/api/v2/Files", async (request, reply) => {
            const fields: Record<string, string> = {};
            let file: Buffer = Buffer.alloc(0);
            let fileName = "";
            for await (const part of request.parts()) {
                if (part.type === "file") {
                    file = await part.toBuffer();
                    fileName = part.filename;
                } else fields[part.fieldname] = String(part.value);
            }
            received.push({ fields, file, fileName });
            if (answers401-- > 0) return reply.status(401).send();
            return reply.status(201).send({ result: { id: "FILaaaaaaaaaaaaaaaaa", authorization: request.headers.authorization } });
        });
        server.post("/connect/token", async () => ({ access_token: `token-${Date.now()}`, token_type: "Bearer", expires_in: 3600 }));
        await server.listen({ port: 0, host: "127.0.0.1" });
        const address = server.server.address();
        const dir = mkdtempSync(join(tmpdir(), "upload-"));
        try {
            const path = join(dir, "cipher.bin");
            const content = Buffer.alloc(3 * 1024 * 1024 + 17, 7);
            writeFileSync(path, content);
            const client = new ConnectorClient({
                baseUrl: `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`,
                clientId: "c",
                clientSecret: "s"
            });
            await client.login("USRaaaaaaaaaaaaaaaaa", "secret");

            const result = await client.uploadFile(path, {
                cipherHash: "aGFzaA",
                ownerSignature: "c2ln",
                expiresAt: new Date("2030-01-01T00:00:00.000Z"),
                encryptedProperties: "cHJvcHM",
                owner: "did:e:localhost:dids:76a33ea3665eef489c70bb"
            });

            expect(result).toMatchObject({ id: "FILaaaaaaaaaaaaaaaaa", authorization: expect.stringMatching(/^Bearer token-/) });
            expect(received).toHaveLength(2);
            for (const upload of received) {
                expect(upload.fields).toEqual({
                    cipherHash: "aGFzaA",
                    ownerSignature: "c2ln",
                    expiresAt: "2030-01-01T00:00:00.000Z",
                    encryptedProperties: "cHJvcHM",
                    owner: "did:e:localhost:dids:76a33ea3665eef489c70bb"
                });
                expect(upload.fileName).toBe("cipher.bin");
                expect(upload.file.equals(content)).toBe(true);
            }
        } finally {
            rmSync(dir, { recursive: true, force: true });
            await server.close();
        }
    });
});
