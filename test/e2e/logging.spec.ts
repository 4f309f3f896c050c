import { PassThrough } from "node:stream";

import { adminApi } from "../support/admin-api";
import { challengeText, createChallenge, TestKeyPair } from "../support/identities";
import { startTestApp, type TestApp } from "../support/test-app";

const ADMIN_KEY = "admin-key-that-must-not-be-logged-42";

describe("logs of a whole flow", () => {
    let t: TestApp;
    let captured = "";
    beforeAll(async () => {
        const destination = new PassThrough();
        destination.on("data", (chunk: Buffer) => (captured += chunk.toString("utf8")));
        t = await startTestApp({ env: { LOG_LEVEL: "info", ADMIN_API_KEY: ADMIN_KEY }, logDestination: destination });
    });
    afterAll(async () => await t.close());

    it("contain no password, client secret, access token, public key, signature or API key", async () => {
        const admin = await adminApi(t, ADMIN_KEY);
        const client = (await admin.post("/Clients", {}).expect(201)).body.result;
        const keys = new TestKeyPair();
        const password = "Secret!Passw0rd-in-the-body";
        const newPassword = "N3w!Secret-Passw0rd-in-the-body";
        const challenge = await createChallenge(t);
        const text = challengeText(challenge);
        const signature = keys.signatureField(text);
        const created = await t.http
            .post("/api/v2/Identities")
            .send({
                clientId: client.clientId,
                clientSecret: client.clientSecret,
                identityPublicKey: keys.publicKeyField,
                devicePassword: password,
                identityVersion: 1,
                signedChallenge: { challenge: text, signature }
            })
            .expect(201);
        const username = created.body.result.device.username;
        const login = await t.http
            .post("/connect/token")
            .type("form")
            .send({ client_id: client.clientId, client_secret: client.clientSecret, grant_type: "password", username, password })
            .expect(200);
        const accessToken: string = login.body.access_token;
        await t.http
            .put("/api/v2/Devices/Self/Password")
            .set("authorization", `Bearer ${accessToken}`)
            .send({ oldPassword: password, newPassword })
            .expect(204);
        await t.http.get("/api/v2/Devices/Self").set("authorization", `Bearer ${accessToken}`).expect(200);
        await t.http
            .post("/connect/token")
            .type("form")
            .send({
                client_id: client.clientId,
                client_secret: "a-wrong-secret-value",
                grant_type: "password",
                username,
                password: newPassword
            })
            .expect(401);
        await t.http.get(`/api/v2/Identities/IsDeleted?username=${username}`).expect(200);

        await t.http.get("/health/live").expect(200);
        await t.admin.get("/metrics").expect(200);
        // The flow was logged (method, path, status), so the scan below looks at real output.
        expect(captured).toContain('"path":"/connect/token"');
        expect(captured).toContain('"path":"/api/v2/Devices/Self/Password"');
        for (const secret of [
            password,
            newPassword,
            client.clientSecret,
            "a-wrong-secret-value",
            accessToken,
            accessToken.split(".")[2]!,
            keys.publicKeyField,
            keys.raw.toString("base64url"),
            signature,
            ADMIN_KEY,
            admin.xsrf.token,
            admin.xsrf.cookie.split("=")[1]!
        ]) {
            expect(captured).not.toContain(secret);
        }
        expect(captured).not.toMatch(/authorization/i);
        // Health checks and metrics scrapes stay out of the request log.
        expect(captured).not.toContain('"path":"/health/live"');
        expect(captured).not.toContain('"path":"/metrics"');
        expect(captured).not.toContain("?username=");
    });
});
