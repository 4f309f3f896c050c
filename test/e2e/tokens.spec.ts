import { DataSource } from "typeorm";

import { Housekeeper } from "../../src/core/housekeeping/housekeeper";
import { EXPIRED_TOKEN_RETENTION_MS } from "../../src/modules/tokens/token.entity";
import { identities } from "../factories/identities";
import { aStoredToken, aTokenRequest } from "../factories/tokens";
import { expectError } from "../support/errors";
import type { TestIdentity } from "../support/identities";
import { useTestApp } from "../support/test-app";

const MINUTE = 60 * 1000;
const DAY = 24 * 60 * MINUTE;

describe("Tokens", () => {
    const t = useTestApp();
    let alice: TestIdentity;
    let bob: TestIdentity;
    let carol: TestIdentity;

    beforeAll(async () => {
        [alice, bob, carol] = await identities(t, 3);
    });
    afterEach(() => t.clock.set(new Date()));

    const inDays = (days: number) => new Date(t.clock.now().getTime() + days * DAY).toISOString();
    const content = Buffer.from("encrypted token content");

    function get(id: string, identity?: TestIdentity, password?: Buffer) {
        const query = password ? `?password=${encodeURIComponent(password.toString("base64"))}` : "";
        const request = t.http.get(`/api/v2/Tokens/${id}${query}`);
        if (identity) request.set("authorization", identity.auth);
        return request;
    }

    describe("POST /Tokens", () => {
        it("creates a token for an authenticated caller and answers 201 with id, createdAt and a Location", async () => {
            const response = await t.http.post("/api/v2/Tokens").set("authorization", alice.auth).send(aTokenRequest(t)).expect(201);
            expect(response.body.result).toEqual({
                id: expect.stringMatching(/^TOK[A-Za-z0-9]{17}$/),
                createdAt: t.clock.now().toISOString()
            });
            expect(response.headers.location).toBe(`/api/v2/Tokens/${response.body.result.id}`);
        });

        it("returns every field of the token to its creator, bytes as base64url and null fields included", async () => {
            const expiresAt = inDays(2);
            const binary = Buffer.from([0xfb, 0xff, 0xfe, 0x01]);
            const id = await aStoredToken(t, alice, { content: binary.toString("base64"), expiresAt, forIdentity: bob.address });
            const response = await get(id, alice).expect(200);
            expect(response.body.result).toEqual({
                id,
                createdBy: alice.address,
                createdByDevice: alice.deviceId,
                forIdentity: bob.address,
                createdAt: t.clock.now().toISOString(),
                expiresAt,
                content: "-__-AQ",
                isPasswordProtected: false
            });
        });

        it("creates an empty token (no content) for an authenticated caller", async () => {
            const id = await aStoredToken(t, alice, { content: undefined });
            const response = await get(id, alice).expect(200);
            expect(response.body.result.content).toBeNull();
        });

        it("lets an anonymous caller create an empty token that expires within five minutes", async () => {
            const response = await t.http
                .post("/api/v2/Tokens")
                .send({ expiresAt: new Date(t.clock.now().getTime() + 4 * MINUTE).toISOString() })
                .expect(201);
            const token = await get(response.body.result.id).expect(200);
            expect(token.body.result).toMatchObject({ createdBy: null, createdByDevice: null, content: null });
        });

        it("ignores an invalid bearer token on the anonymous-capable route", async () => {
            await t.http
                .post("/api/v2/Tokens")
                .set("authorization", "Bearer nonsense")
                .send({ expiresAt: new Date(t.clock.now().getTime() + MINUTE).toISOString() })
                .expect(201);
        });

        it.each([
            [
                "content from an anonymous caller",
                undefined,
                () => ({ content: "AQID", expiresAt: new Date(t.clock.now().getTime() + MINUTE).toISOString() }),
                "error.platform.validation.invalidPropertyValue"
            ],
            [
                "an anonymous token living five minutes or more",
                undefined,
                () => ({ expiresAt: new Date(t.clock.now().getTime() + 5 * MINUTE).toISOString() }),
                "error.platform.validation.invalidPropertyValue"
            ],
            [
                "an expiry in the past",
                "alice",
                () => ({ content: "AQID", expiresAt: new Date(t.clock.now().getTime() - 1000).toISOString() }),
                "error.platform.validation.invalidPropertyValue"
            ],
            [
                "an expiry in the past (anonymous)",
                undefined,
                () => ({ expiresAt: new Date(t.clock.now().getTime() - 1000).toISOString() }),
                "error.platform.validation.invalidPropertyValue"
            ],
            ["a missing expiresAt", "alice", () => ({ content: "AQID" }), "error.platform.inputCannotBeParsed"],
            [
                "an expiresAt that is not a date",
                "alice",
                () => ({ content: "AQID", expiresAt: "tomorrow" }),
                "error.platform.validation.invalidPropertyValue"
            ],
            [
                "content that is not base64",
                "alice",
                () => ({ content: "not base64!", expiresAt: inDays(1) }),
                "error.platform.validation.invalidPropertyValue"
            ],
            ["content that is a number", "alice", () => ({ content: 5, expiresAt: inDays(1) }), "error.platform.inputCannotBeParsed"],
            [
                "an empty password",
                "alice",
                () => ({ content: "AQID", expiresAt: inDays(1), password: "" }),
                "error.platform.validation.invalidPropertyValue"
            ],
            [
                "a password over 200 bytes",
                "alice",
                () => ({ content: "AQID", expiresAt: inDays(1), password: Buffer.alloc(201, 1).toString("base64") }),
                "error.platform.validation.invalidPropertyValue"
            ],
            [
                "a forIdentity that is not an address",
                "alice",
                () => ({ content: "AQID", expiresAt: inDays(1), forIdentity: "did:e:nonsense" }),
                "error.platform.validation.invalidPropertyValue"
            ]
        ])("refuses %s with 400", async (_name, who, body, code) => {
            const request = t.http.post("/api/v2/Tokens").send(body());
            if (who) request.set("authorization", alice.auth);
            const response = await request.expect(400);
            expect(response.body.error.code).toBe(code);
        });

        it("refuses content over 10 MiB and accepts exactly 10 MiB", async () => {
            await expectError(
                t.http
                    .post("/api/v2/Tokens")
                    .set("authorization", alice.auth)
                    .send({ content: Buffer.alloc(10 * 1024 * 1024 + 1).toString("base64url"), expiresAt: inDays(1) }),
                400,
                "error.platform.validation.invalidPropertyValue"
            );
            await t.http
                .post("/api/v2/Tokens")
                .set("authorization", alice.auth)
                .send({ content: Buffer.alloc(10 * 1024 * 1024).toString("base64url"), expiresAt: inDays(1) })
                .expect(201);
        });
    });

    describe("GET /Tokens/{id}", () => {
        it("answers 404 for an unknown id and 400 for a malformed one", async () => {
            const unknown = await get("TOKdoesnotexist12345", alice).expect(404);
            expect(unknown.body.error.code).toBe("error.platform.recordNotFound");
            await get("TOKdoesnotexist12345").expect(404);
            const malformed = await get("MSGdoesnotexist12345", alice).expect(400);
            expect(malformed.body.error.code).toBe("error.platform.validation.invalidPropertyValue");
        });

        it("lets anybody read an unprotected token, anonymously without allocation, authenticated with one", async () => {
            const id = await aStoredToken(t, alice);
            const anonymous = await get(id).expect(200);
            expect(anonymous.body.result.content).toBe(content.toString("base64url"));
            await get(id, bob).expect(200);
            const listed = await t.http.get(`/api/v2/Tokens?ids=${id}`).set("authorization", bob.auth).expect(200);
            expect(listed.body.result.map((r: { id: string }) => r.id)).toEqual([id]);
        });

        it("hides an expired token from others but not from its creator or an identity that read it before", async () => {
            const id = await aStoredToken(t, alice, { expiresAt: inDays(1) });
            await get(id, bob).expect(200);
            t.clock.advance(DAY + 1000);
            await get(id, alice).expect(200);
            await get(id, bob).expect(200);
            const expired = await get(id, carol).expect(404);
            expect(expired.body.error.code).toBe("error.platform.recordNotFound");
            await get(id).expect(404);
        });

        it("serves a token until its expiry instant", async () => {
            const id = await aStoredToken(t, alice, { expiresAt: inDays(1) });
            t.clock.advance(DAY);
            await get(id, carol).expect(200);
        });

        it("hides a personalised token from everybody but the addressee and the creator (anonymous callers included)", async () => {
            const id = await aStoredToken(t, alice, { forIdentity: bob.address });
            await get(id, carol).expect(404);
            await get(id).expect(404);
            await get(id, bob).expect(200);
            await get(id, alice).expect(200);
        });

        it("requires the right password from everybody but the creator; wrong and missing passwords look like a missing token", async () => {
            const password = Buffer.from("9OzIKZ0OpVhNUf641LbtH+76yh24vAddn4JQ+I0DnkQ=", "base64");
            const id = await aStoredToken(t, alice, { password: password.toString("base64") });
            const missing = await get(id, bob).expect(404);
            expect(missing.body.error.code).toBe("error.platform.recordNotFound");
            await get(id, bob, Buffer.from("wrong")).expect(404);
            await get(id, undefined, Buffer.from("wrong")).expect(404);
            const ok = await get(id, bob, password).expect(200);
            expect(ok.body.result.isPasswordProtected).toBe(true);
            await get(id, undefined, password).expect(200);
            await get(id, alice).expect(200);
            await get(id, bob).expect(200);
        });

        it("accepts the password as base64url too, and refuses a password that is not base64 with 400", async () => {
            const password = Buffer.from([0xfb, 0xff, 0x10]);
            const id = await aStoredToken(t, alice, { password: password.toString("base64") });
            await t.http.get(`/api/v2/Tokens/${id}?password=${password.toString("base64url")}`).expect(200);
            await expectError(
                t.http.get(`/api/v2/Tokens/${id}?password=${encodeURIComponent("***")}`),
                400,
                "error.platform.validation.invalidPropertyValue"
            );
        });

        it("locks the token after 100 wrong passwords and tells the creator once through a TokenLocked event", async () => {
            const password = Buffer.from("the right password");
            const id = await aStoredToken(t, alice, { password: password.toString("base64") });
            for (let i = 1; i < 100; i++) await get(id, i % 2 === 0 ? bob : undefined, Buffer.from(`wrong ${i}`)).expect(404);
            const locking = await get(id, bob, Buffer.from("wrong 100")).expect(400);
            expect(locking.body.error.code).toBe("error.platform.token.tooManyFailedPasswordAttempts");
            const afterwards = await get(id, carol, password).expect(400);
            expect(afterwards.body.error.code).toBe("error.platform.token.tooManyFailedPasswordAttempts");
            await get(id, alice).expect(200);

            const dataSource = t.app.get(DataSource);
            const events = await dataSource.query(
                "SELECT owner, type, payload FROM external_events WHERE type = 'TokenLocked' AND payload->>'tokenId' = $1",
                [id]
            );
            expect(events).toEqual([{ owner: alice.address, type: "TokenLocked", payload: { tokenId: id } }]);
            const [{ failed_password_attempts }] = await dataSource.query("SELECT failed_password_attempts FROM tokens WHERE id = $1", [
                id
            ]);
            expect(failed_password_attempts).toBe(100);
        });

        it("lets an anonymous caller read an anonymous token even after expiry (the contract's creator rule)", async () => {
            const response = await t.http
                .post("/api/v2/Tokens")
                .send({ expiresAt: new Date(t.clock.now().getTime() + MINUTE).toISOString() })
                .expect(201);
            t.clock.advance(2 * MINUTE);
            await get(response.body.result.id).expect(200);
            await get(response.body.result.id, bob).expect(404);
        });
    });

    describe("GET /Tokens", () => {
        it("lists the tokens among the ids that the caller created or read, by ids or tokens.N.id", async () => {
            const own = await aStoredToken(t, alice);
            const read = await aStoredToken(t, bob);
            const foreign = await aStoredToken(t, carol);
            await get(read, alice).expect(200);
            const byIds = await t.http
                .get(`/api/v2/Tokens?ids=${own}&ids=${read}&ids=${foreign}`)
                .set("authorization", alice.auth)
                .expect(200);
            expect(byIds.body.result.map((r: { id: string }) => r.id).sort()).toEqual([own, read].sort());
            expect(byIds.body.pagination).toBeUndefined();
            const byObjects = await t.http
                .get(`/api/v2/Tokens?tokens.0.id=${own}&Tokens.1.Id=${foreign}&tokens.1.password=AQ%3D%3D`)
                .set("authorization", alice.auth)
                .expect(200);
            expect(byObjects.body.result.map((r: { id: string }) => r.id)).toEqual([own]);
            expect(byObjects.body.result[0]).toMatchObject({ createdBy: alice.address, content: content.toString("base64url") });
        });

        it("pages the list with pagination metadata when there is more than one page", async () => {
            const ids = [await aStoredToken(t, alice), await aStoredToken(t, alice), await aStoredToken(t, alice)];
            const query = ids.map((id) => `ids=${id}`).join("&");
            const page2 = await t.http.get(`/api/v2/Tokens?${query}&pageSize=2&pageNumber=2`).set("authorization", alice.auth).expect(200);
            expect(page2.body.result).toHaveLength(1);
            expect(page2.body.pagination).toEqual({ pageNumber: 2, pageSize: 2, totalPages: 2, totalRecords: 3 });
        });

        it("lists an expired token to its creator", async () => {
            const id = await aStoredToken(t, alice, { expiresAt: inDays(1) });
            t.clock.advance(2 * DAY);
            const response = await t.http.get(`/api/v2/Tokens?ids=${id}`).set("authorization", alice.auth).expect(200);
            expect(response.body.result).toHaveLength(1);
        });

        it.each([
            ["no ids", "", "error.platform.validation.invalidPropertyValue"],
            ["an id of another kind", "?ids=MSGaaaaaaaaaaaaaaaaa", "error.platform.validation.invalidPropertyValue"],
            ["a page size over 200", "?ids=TOKaaaaaaaaaaaaaaaaa&pageSize=201", "error.platform.validation.pagination.invalidPageSize"],
            ["page number 0", "?ids=TOKaaaaaaaaaaaaaaaaa&pageNumber=0", "error.platform.validation.invalidPropertyValue"]
        ])("answers 400 for %s", async (_name, query, code) => {
            await expectError(t.http.get(`/api/v2/Tokens${query}`).set("authorization", alice.auth), 400, code);
        });

        it("requires authentication", async () => {
            await t.http.get("/api/v2/Tokens?ids=TOKaaaaaaaaaaaaaaaaa").expect(401);
        });
    });

    describe("DELETE /Tokens/{id}", () => {
        it("deletes the caller's token with 204, after which it is gone", async () => {
            const id = await aStoredToken(t, alice);
            await get(id, bob).expect(200);
            const response = await t.http.delete(`/api/v2/Tokens/${id}`).set("authorization", alice.auth).expect(204);
            expect(response.text).toBe("");
            await get(id, alice).expect(404);
            await get(id, bob).expect(404);
        });

        it("answers 403 to another identity, 404 for an unknown token and 401 without a bearer", async () => {
            const id = await aStoredToken(t, alice);
            await expectError(t.http.delete(`/api/v2/Tokens/${id}`).set("authorization", bob.auth), 403, "error.platform.forbidden");
            await expectError(
                t.http.delete("/api/v2/Tokens/TOKdoesnotexist12345").set("authorization", alice.auth),
                404,
                "error.platform.recordNotFound"
            );
            await t.http.delete(`/api/v2/Tokens/${id}`).expect(401);
            await get(id, alice).expect(200);
        });
    });

    describe("housekeeping", () => {
        it("removes tokens 30 days after they expired, not earlier", async () => {
            const id = await aStoredToken(t, alice, { expiresAt: inDays(1) });
            const housekeeper = t.app.get(Housekeeper);
            t.clock.advance(DAY + EXPIRED_TOKEN_RETENTION_MS - 1000);
            await housekeeper.runOnce(["tokens.expired"]);
            await get(id, alice).expect(200);
            t.clock.advance(1000);
            expect((await housekeeper.runOnce(["tokens.expired"])).removed["tokens.expired"]).toBeGreaterThanOrEqual(1);
            await get(id, alice).expect(404);
        });
    });

    describe("POST /Tokens/{id}/UpdateContent", () => {
        async function anonymousEmptyToken(body: Record<string, unknown> = {}): Promise<string> {
            const response = await t.http
                .post("/api/v2/Tokens")
                .send({ expiresAt: new Date(t.clock.now().getTime() + 4 * MINUTE).toISOString(), ...body })
                .expect(201);
            return response.body.result.id;
        }

        function update(id: string, identity: TestIdentity, body: Record<string, unknown>) {
            return t.http.post(`/api/v2/Tokens/${id}/UpdateContent`).set("authorization", identity.auth).send(body);
        }

        it("fills an empty token, makes the caller its creator and answers 200 without content", async () => {
            const id = await anonymousEmptyToken();
            const response = await update(id, bob, { id, newContent: content.toString("base64url") }).expect(200);
            expect(response.body.result).toEqual({
                id,
                createdBy: bob.address,
                createdByDevice: bob.deviceId,
                forIdentity: null,
                createdAt: t.clock.now().toISOString(),
                expiresAt: expect.any(String),
                isPasswordProtected: false
            });
            const read = await get(id).expect(200);
            expect(read.body.result).toMatchObject({ content: content.toString("base64url"), createdBy: bob.address });
        });

        it("refuses a second fill with 400 contentUpdateNotPossibleBecauseContentAlreadyExists", async () => {
            const id = await anonymousEmptyToken();
            await update(id, bob, { newContent: "AQID" }).expect(200);
            const response = await update(id, carol, { newContent: "AQID" }).expect(400);
            expect(response.body.error.code).toBe("error.platform.token.contentUpdateNotPossibleBecauseContentAlreadyExists");
        });

        it("answers 404 for an unknown, expired or foreign personalised token and for a wrong password", async () => {
            await update("TOKdoesnotexist12345", bob, { newContent: "AQID" }).expect(404);
            const expiring = await anonymousEmptyToken();
            t.clock.advance(5 * MINUTE);
            await update(expiring, bob, { newContent: "AQID" }).expect(404);
            t.clock.set(new Date());
            const personal = await anonymousEmptyToken({ forIdentity: carol.address });
            await update(personal, bob, { newContent: "AQID" }).expect(404);
            await update(personal, carol, { newContent: "AQID" }).expect(200);
            const protectedToken = await anonymousEmptyToken({ password: "cGFzcw==" });
            const wrong = await update(protectedToken, bob, { newContent: "AQID", password: "d3Jvbmc=" }).expect(404);
            expect(wrong.body.error.code).toBe("error.platform.recordNotFound");
            await update(protectedToken, bob, { newContent: "AQID" }).expect(404);
            await update(protectedToken, bob, { newContent: "AQID", password: "cGFzcw==" }).expect(200);
        });

        it.each([
            ["a missing newContent", {}, "error.platform.inputCannotBeParsed"],
            ["an empty newContent", { newContent: "" }, "error.platform.validation.invalidPropertyValue"],
            ["a newContent that is not base64", { newContent: "%%%" }, "error.platform.validation.invalidPropertyValue"]
        ])("answers 400 for %s", async (_name, body, code) => {
            const id = await anonymousEmptyToken();
            const response = await update(id, bob, body).expect(400);
            expect(response.body.error.code).toBe(code);
        });

        it("requires authentication", async () => {
            const id = await anonymousEmptyToken();
            await t.http.post(`/api/v2/Tokens/${id}/UpdateContent`).send({ newContent: "AQID" }).expect(401);
        });
    });
});
