import { createIdentity, STRONG_PASSWORD } from "../support/identities";
import { startTestApp, TEST_CLIENT, type TestApp } from "../support/test-app";

describe("POST /connect/token", () => {
    let t: TestApp;
    beforeAll(async () => {
        t = await startTestApp();
    });
    afterAll(async () => await t.close());

    function token(fields: Record<string, string>) {
        return t.http
            .post("/connect/token")
            .type("form")
            .send({ client_id: TEST_CLIENT.id, client_secret: TEST_CLIENT.secret, grant_type: "password", ...fields });
    }

    it("issues a bearer token with its lifetime for a device's credentials", async () => {
        const identity = await createIdentity(t);
        const response = await token({ username: identity.username, password: STRONG_PASSWORD }).expect(200);
        expect(response.body).toEqual({ access_token: expect.any(String), token_type: "Bearer", expires_in: 300 });
        expect(response.body.result).toBeUndefined();
        const self = await t.http.get("/api/v2/Devices/Self").set("authorization", `Bearer ${response.body.access_token}`).expect(200);
        expect(self.body.result.id).toBe(identity.deviceId);
        expect(self.body.result.lastLogin.time).toBe(t.clock.now().toISOString());
    });

    it("answers 400 invalid_grant for a wrong password and for an unknown user", async () => {
        const identity = await createIdentity(t);
        const wrong = await token({ username: identity.username, password: "Wrong!Passw0rd" }).expect(400);
        expect(wrong.body.error).toBe("invalid_grant");
        const unknown = await token({ username: "USRdoesnotexist12345", password: STRONG_PASSWORD }).expect(400);
        expect(unknown.body.error).toBe("invalid_grant");
    });

    it("answers 401 invalid_client for a wrong client secret", async () => {
        const identity = await createIdentity(t);
        const response = await token({ client_secret: "nope", username: identity.username, password: STRONG_PASSWORD }).expect(401);
        expect(response.body.error).toBe("invalid_client");
    });

    it("takes the client credentials from an HTTP Basic header as well (as the Swagger UI sends them)", async () => {
        const identity = await createIdentity(t);
        const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}`;
        const form = { grant_type: "password", username: identity.username, password: STRONG_PASSWORD };
        const ok = await t.http
            .post("/connect/token")
            .type("form")
            .set("authorization", basic(TEST_CLIENT.id, TEST_CLIENT.secret))
            .send(form)
            .expect(200);
        expect(ok.body.token_type).toBe("Bearer");
        const wrong = await t.http
            .post("/connect/token")
            .type("form")
            .set("authorization", basic(TEST_CLIENT.id, "nope"))
            .send(form)
            .expect(401);
        expect(wrong.body.error).toBe("invalid_client");
        const none = await t.http.post("/connect/token").type("form").set("authorization", "Basic !!!").send(form).expect(401);
        expect(none.body.error).toBe("invalid_client");
    });

    it("answers 400 for a grant type other than password and for missing credentials", async () => {
        expect((await token({ grant_type: "client_credentials" }).expect(400)).body.error).toBe("unsupported_grant_type");
        expect((await token({ username: "USRx" }).expect(400)).body.error).toBe("invalid_request");
    });

    it("locks a device out after three failed logins, even for the right password, until the lockout ends", async () => {
        const identity = await createIdentity(t);
        for (let i = 0; i < 2; i++)
            expect((await token({ username: identity.username, password: "Wrong!1" }).expect(400)).body.error).toBe("invalid_grant");
        expect((await token({ username: identity.username, password: "Wrong!1" }).expect(400)).body.error).toBe("access_denied");
        expect((await token({ username: identity.username, password: STRONG_PASSWORD }).expect(400)).body.error).toBe("access_denied");
        t.clock.advance(10 * 60 * 1000 + 1);
        try {
            await token({ username: identity.username, password: STRONG_PASSWORD }).expect(200);
        } finally {
            t.clock.set(new Date());
        }
    });

    it("resets the failure count after a successful login", async () => {
        const identity = await createIdentity(t);
        await token({ username: identity.username, password: "Wrong!1" }).expect(400);
        await token({ username: identity.username, password: "Wrong!1" }).expect(400);
        await token({ username: identity.username, password: STRONG_PASSWORD }).expect(200);
        expect((await token({ username: identity.username, password: "Wrong!1" }).expect(400)).body.error).toBe("invalid_grant");
        await token({ username: identity.username, password: STRONG_PASSWORD }).expect(200);
    });
});

describe("protected routes", () => {
    let t: TestApp;
    beforeAll(async () => {
        t = await startTestApp();
    });
    afterAll(async () => await t.close());

    it.each([
        ["no Authorization header", undefined],
        ["a malformed token", "Bearer not-a-jwt"],
        ["a token signed with another key", "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl"],
        ["another scheme", "Basic dGVzdDp0ZXN0"]
    ])("answer 401 with an empty body for %s", async (_name, header) => {
        const request = t.http.get("/api/v2/Devices/Self");
        if (header) request.set("authorization", header);
        const response = await request.expect(401);
        expect(response.text).toBe("");
        expect(response.headers["www-authenticate"]).toBe("Bearer");
    });

    it("answer 401 once the access token has expired", async () => {
        const identity = await createIdentity(t);
        await t.http.get("/api/v2/Devices/Self").set("authorization", identity.auth).expect(200);
        const realNow = Date.now;
        Date.now = () => realNow() + 301_000;
        try {
            await t.http.get("/api/v2/Devices/Self").set("authorization", identity.auth).expect(401);
        } finally {
            Date.now = realNow;
        }
    });
});
