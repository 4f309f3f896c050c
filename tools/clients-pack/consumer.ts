/**
 * A program as an integrator writes it, against the TypeScript clients installed from their packages (not from this
 * repository's sources): `npm run clients:pack-check` copies it into a scratch project, type-checks it against the
 * installed declarations, and runs it against a live Backbone:
 *
 *   node consumer.js <baseUrl> <clientId> <clientSecret>
 *
 * It imports the Connector client only: the App client comes with it. Fails (exit 1) on any wrong answer.
 */
import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { BackboneClient, ConnectorClient, NodeIdentityKey, signatureField, textToBase64Url } from "@enmeshed-backbone/connector-client";

function check(condition: unknown, message: string): asserts condition {
    if (!condition) throw new Error(`consumer: ${message}`);
}

async function main(): Promise<void> {
    const [baseUrl, clientId, clientSecret] = process.argv.slice(2);
    check(baseUrl && clientId && clientSecret, "usage: consumer.js <baseUrl> <clientId> <clientSecret>");

    // The identity helper with a node:crypto key: the identity, its first device (logged in) and a second device.
    const backbone = new ConnectorClient({ baseUrl, clientId, clientSecret });
    const identity = await backbone.createIdentity({ furtherDevices: [{}] });
    const self = await backbone.result(backbone.api.GET("/api/v2/Identities/Self"));
    check(self.address === identity.address, "the helper's identity is the logged-in one");
    const [second] = identity.furtherDevices;
    check(second, "a second device");
    await backbone.login(second.username, second.password);
    check((await backbone.result(backbone.api.GET("/api/v2/Devices/Self"))).id === second.id, "the second device logs in");
    check(NodeIdentityKey.from(identity.key.toPem()).publicKey.join() === identity.key.publicKey.join(), "the key round-trips as PEM");

    // A file streamed from disk, downloaded byte for byte.
    const dir = mkdtempSync(join(tmpdir(), "consumer-"));
    try {
        const cipher = randomBytes(1024 * 1024 + 3);
        const path = join(dir, "cipher.bin");
        writeFileSync(path, cipher);
        const file = await backbone.uploadFile(path, {
            cipherHash: createHash("sha512").update(cipher).digest("base64url"),
            ownerSignature: await signatureField(identity.key, createHash("sha512").update("plaintext").digest()),
            expiresAt: new Date(Date.now() + 24 * 3600 * 1000),
            encryptedProperties: textToBase64Url('{"cph":"properties"}')
        });
        const download = await backbone.api.GET("/api/v2/Files/{id}", { params: { path: { id: file.id } }, parseAs: "arrayBuffer" });
        check(download.response.status === 200 && download.data, `the download answered ${download.response.status}`);
        check(Buffer.from(download.data).equals(cipher), "the downloaded bytes are the uploaded ones");
        check(file.cipherSize === cipher.length, "the file's size");
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }

    // The App client's helper, with a WebCrypto key.
    const app = new BackboneClient({ baseUrl, clientId, clientSecret });
    const appIdentity = await app.createIdentity();
    check((await app.result(app.api.GET("/api/v2/Identities/Self"))).address === appIdentity.address, "the App client's identity");

    process.stdout.write(`consumer: identities ${identity.address} and ${appIdentity.address}, file uploaded and downloaded\n`);
}

main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
});
