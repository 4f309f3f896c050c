import jsonwebtoken from "jsonwebtoken";

import { OAuthClientsService } from "../../src/modules/oauth-clients/oauth-clients.service";
import { createIdentity, STRONG_PASSWORD } from "../support/identities";
import { untilWaitingForLocks, withHolder } from "../support/races";
import { TEST_CLIENT, useTestApp } from "../support/test-app";

describe("POST /connect/token", () => {
    const t = useTestApp();

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

    describe("client authentication with HTTP Basic (RFC 6749 §2.3.1)", () => {
        /** `Basic base64(formEncode(id):formEncode(secret))`. */
        const basic = (id: string, secret: string) => {
            const encode = (value: string) => new URLSearchParams({ v: value }).toString().substring(2);
            return `Basic ${Buffer.from(`${encode(id)}:${encode(secret)}`).toString("base64")}`;
        };
        const passwordGrant = (authorization: string, fields: Record<string, string>) =>
            t.http
                .post("/connect/token")
                .type("form")
                .set("authorization", authorization)
                .send({ grant_type: "password", ...fields });

        it("logs in with the client credentials in the Authorization header instead of the form, form-urlencoded", async () => {
            const identity = await createIdentity(t);
            const response = await passwordGrant(basic(TEST_CLIENT.id, TEST_CLIENT.secret), {
                username: identity.username,
                password: STRONG_PASSWORD
            }).expect(200);
            expect(response.body).toEqual({ access_token: expect.any(String), token_type: "Bearer", expires_in: 300 });
            await t.http.get("/api/v2/Devices/Self").set("authorization", `Bearer ${response.body.access_token}`).expect(200);

            const special = await t.app.get(OAuthClientsService).createClient({ id: "web app+1", secret: "s3cr:t+ü %/=" });
            const withSpecial = await passwordGrant(basic(special.clientId, special.clientSecret), {
                username: identity.username,
                password: STRONG_PASSWORD
            }).expect(200);
            expect(withSpecial.body.token_type).toBe("Bearer");
            // The same credentials in the form as well are accepted.
            await passwordGrant(basic(TEST_CLIENT.id, TEST_CLIENT.secret), {
                client_id: TEST_CLIENT.id,
                client_secret: TEST_CLIENT.secret,
                username: identity.username,
                password: STRONG_PASSWORD
            }).expect(200);
        });

        it("answers 401 invalid_client with a Basic challenge for a wrong secret, 400 invalid_request for differing or malformed credentials", async () => {
            const identity = await createIdentity(t);
            const device = { username: identity.username, password: STRONG_PASSWORD };
            const wrong = await passwordGrant(basic(TEST_CLIENT.id, "wrong"), device).expect(401);
            expect(wrong.body.error).toBe("invalid_client");
            expect(wrong.headers["www-authenticate"]).toMatch(/^Basic realm=/);
            const differing = await passwordGrant(basic(TEST_CLIENT.id, TEST_CLIENT.secret), { ...device, client_id: "other" }).expect(400);
            expect(differing.body.error).toBe("invalid_request");
            for (const malformed of ["Basic !!!", `Basic ${Buffer.from("no colon").toString("base64")}`, "Basic"]) {
                expect((await passwordGrant(malformed, device).expect(400)).body.error).toBe("invalid_request");
            }
            // A form-authenticated client's wrong secret gets no challenge.
            const formWrong = await token({ client_secret: "nope", ...device }).expect(401);
            expect(formWrong.headers["www-authenticate"]).toBeUndefined();
        });
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

    it("refuses a login when a deletion process ended its grace period while the login waited, or makes the deletion wait", async () => {
        const identity = await createIdentity(t);
        try {
            await withHolder(t, async (holder) => {
                // The device's row held: the login passes its early checks and then waits before it is recorded.
                await holder.query("SELECT id FROM devices WHERE id = $1 FOR UPDATE", [identity.deviceId]);
                const login = token({ username: identity.username, password: STRONG_PASSWORD }).then((r) => r);
                await untilWaitingForLocks(t, 1);
                let started = false;
                const start = t.http
                    .post("/api/v2/Identities/Self/DeletionProcesses")
                    .set("authorization", identity.auth)
                    .send({ lengthOfGracePeriodInDays: 0 })
                    .then((r) => ((started = true), r));
                await untilWaitingForLocks(t, 2, () => started);
                const startedFirst = started;
                // Time passes while the login waits: a grace period of zero days is over.
                t.clock.advance(1000);
                await holder.rollbackTransaction();
                const [loggedIn, deletion] = await Promise.all([login, start]);
                expect(deletion.status).toBe(201);
                if (startedFirst) expect([loggedIn.status, loggedIn.body.error]).toEqual([400, "invalid_grant"]);
                else expect(loggedIn.status).toBe(200);
            });
        } finally {
            t.clock.set(new Date());
        }
    });
});

describe("protected routes", () => {
    const t = useTestApp();

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

    it.each([
        ["without a body", (auth: string) => t.http.get("/api/v2/Devices/Self").set("authorization", auth), 200],
        [
            "with a body (authenticated before the body is read)",
            (auth: string) =>
                t.http
                    .post("/api/v2/Tokens")
                    .set("authorization", auth)
                    .send({ content: "AAAA", expiresAt: new Date(Date.now() + 3_600_000).toISOString() }),
            201
        ]
    ])("verify the bearer token of a request %s once, through the passport strategy", async (_name, request, status) => {
        const identity = await createIdentity(t);
        const verify = jest.spyOn(jsonwebtoken, "verify");
        try {
            await request(identity.auth).expect(status);
            expect(verify).toHaveBeenCalledTimes(1);
        } finally {
            verify.mockRestore();
        }
    });
});
