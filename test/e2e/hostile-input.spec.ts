import { request as httpRequest } from "node:http";
import { connect } from "node:net";

import { createIdentity, login, STRONG_PASSWORD, type TestIdentity } from "../support/identities";
import { postModifications } from "../support/sync";
import { TEST_CLIENT, useTestApp } from "../support/test-app";

/** What a tampered `Object.prototype` would show: its own keys and the identity of its members. */
function prototypeFingerprint(): string[] {
    return Object.getOwnPropertyNames(Object.prototype)
        .sort()
        .map((name) => {
            const descriptor = Object.getOwnPropertyDescriptor(Object.prototype, name)!;
            return `${name}:${typeof descriptor.value}:${typeof descriptor.get}:${String(descriptor.enumerable)}`;
        });
}

function nested(depth: number, open = "[", close = "]", inner = ""): string {
    return open.repeat(depth) + inner + close.repeat(depth);
}

/** Sends a raw body and gives the status, without any client-side JSON handling. */
async function rawPost(
    baseUrl: string,
    path: string,
    body: Buffer | string,
    contentType = "application/json",
    headers: Record<string, string> = {}
) {
    const url = new URL(path, baseUrl);
    return await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const request = httpRequest(
            url,
            { method: "POST", headers: { "content-type": contentType, "content-length": Buffer.byteLength(body), ...headers } },
            (response) => {
                let text = "";
                response.setEncoding("utf8");
                response.on("data", (chunk: string) => (text += chunk));
                response.on("end", () => resolve({ status: response.statusCode ?? 0, body: text }));
            }
        );
        request.on("error", reject);
        request.end(body);
    });
}

describe("hostile input", () => {
    const t = useTestApp({ listen: true });
    let identity: TestIdentity;
    beforeAll(async () => {
        identity = await createIdentity(t);
    });

    /** POST of a JSON body as it is written, anonymously or as `who`. */
    function postJson(path: string, body: string, who?: TestIdentity) {
        const request = t.http.post(path).set("content-type", "application/json");
        if (who) request.set("authorization", who.auth);
        return request.send(body);
    }

    /** POST /Datawallet/Modifications of one created object. */
    function createModification(objectIdentifier: string, collection: string) {
        return postModifications(t, identity, {
            localIndex: 0,
            modifications: [{ type: "Create", objectIdentifier, collection, datawalletVersion: 1 }]
        });
    }

    /** The answer to input that cannot be parsed: 400 with its code. */
    async function expectUnparsable(request: PromiseLike<{ status: number; body: { error?: { code?: string } } }>): Promise<void> {
        const response = await request;
        expect(response.status).toBe(400);
        expect(response.body.error?.code).toBe("error.platform.inputCannotBeParsed");
    }

    describe("parsed input never reaches a prototype (F1)", () => {
        it("a query key __proto__ on IsDeleted leaves logins, device creation and Object.prototype intact", async () => {
            const before = prototypeFingerprint();
            for (const query of [
                "__proto__=x",
                "__proto__=x&__proto__=y",
                "__proto__[polluted]=1",
                "constructor=x",
                "constructor.prototype.polluted=1",
                "prototype=1",
                "__proto__=x&username=USRaaaaaaaaaaaaaaaaa"
            ]) {
                const response = await t.http.get(`/api/v2/Identities/IsDeleted?${query}`);
                expect(response.status).toBeLessThan(500);
            }
            expect(prototypeFingerprint()).toEqual(before);
            expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
            await login(t, identity.username, identity.password);
            const other = await createIdentity(t);
            await login(t, other.username, STRONG_PASSWORD);
        });

        it("answers 400 to prototype keys in JSON bodies, at the top and nested, and logins keep working", async () => {
            const before = prototypeFingerprint();
            const bodies = [
                '{"__proto__":{"polluted":1}}',
                '{"signedChallenge":{"__proto__":{"polluted":1}}}',
                '{"constructor":{"prototype":{"polluted":1}}}',
                '{"a":[{"b":{"__proto__":[]}}]}',
                '{"prototype":1}',
                '{"__pro\\u0074o__":{"polluted":1}}'
            ];
            for (const body of bodies) await expectUnparsable(postJson("/api/v2/Identities", body));
            const authed = await postJson(
                "/api/v2/Tokens",
                '{"content":"AAAA","expiresAt":"2099-01-01T00:00:00.000Z","__proto__":{"polluted":1}}',
                identity
            );
            expect(authed.status).toBe(400);
            expect(prototypeFingerprint()).toEqual(before);
            expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
            await login(t, identity.username, identity.password);
        });

        it("ignores prototype keys in the form of /connect/token and logs in", async () => {
            const before = prototypeFingerprint();
            const form =
                `__proto__=x&__proto__[polluted]=1&constructor=y&prototype=z&grant_type=password&client_id=${TEST_CLIENT.id}` +
                `&client_secret=${TEST_CLIENT.secret}&username=${identity.username}&password=${encodeURIComponent(identity.password)}`;
            const response = await t.http.post("/connect/token").set("content-type", "application/x-www-form-urlencoded").send(form);
            expect(response.status).toBe(200);
            expect(typeof response.body.access_token).toBe("string");
            expect(prototypeFingerprint()).toEqual(before);
            await login(t, identity.username, identity.password);
        });
    });

    describe("parsing is bounded (F2)", () => {
        it("answers 400 with a code to a 4 KB body nested 2,000 deep, on anonymous and authenticated routes", async () => {
            for (const body of [nested(2000), nested(2000, '{"a":'.repeat(1), "}"), `{"content":${nested(2000)}}`]) {
                await expectUnparsable(postJson("/api/v2/Identities", body));
                await expectUnparsable(postJson("/api/v2/Messages", body, identity));
            }
            await expectUnparsable(postJson("/api/v2/Identities", '{"a":'.repeat(2000) + "1" + "}".repeat(2000)));
        });

        it("accepts nesting up to the limit where a route takes it", async () => {
            const body = JSON.stringify({ content: "AAAA", expiresAt: "2099-01-01T00:00:00.000Z", extra: JSON.parse(nested(60)) });
            await t.http
                .post("/api/v2/Tokens")
                .set("authorization", identity.auth)
                .set("content-type", "application/json")
                .send(body)
                .expect(201);
        });

        it("rejects 6 MiB bodies nested deep or holding millions of values on the largest anonymous route, /health/live answering throughout", async () => {
            // POST /Tokens takes anonymous bodies up to the contract's 10 MiB content (as base64): the largest an anonymous
            // caller can send. The body goes in two halves; the live probes answer while it is arriving and after it.
            const bodies = [
                nested(3 * 1024 * 1024),
                `{"content":"AAAA","expiresAt":"2099-01-01T00:00:00Z","x":[${"[],".repeat(2 * 1024 * 1024)}[]]}`
            ];
            for (const text of bodies) {
                const body = Buffer.from(text);
                expect(body.length).toBeGreaterThan(6 * 1024 * 1024 - 10);
                const socket = connect(Number(new URL(t.baseUrl!).port), "127.0.0.1");
                let answer = "";
                const answered = new Promise<string>((resolve) => {
                    socket.on("data", (chunk: Buffer) => (answer += chunk.toString("utf8")));
                    socket.on("close", () => resolve(answer));
                });
                socket.write(
                    `POST /api/v2/Tokens HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`
                );
                socket.write(body.subarray(0, body.length / 2));
                for (let i = 0; i < 3; i++) await t.http.get("/health/live").expect(200);
                expect(answer).toBe("");
                socket.end(body.subarray(body.length / 2));
                const response = await answered;
                expect(response).toMatch(/^HTTP\/1\.1 400 /);
                expect(response).toContain("error.platform.inputCannotBeParsed");
                await t.http.get("/health/live").expect(200);
            }
        });

        it("refuses more JSON values than the route takes, counted before parsing", async () => {
            const values = `{"content":"AAAA","expiresAt":"2099-01-01T00:00:00Z","x":[${"1,".repeat(20_000)}1]}`;
            const response = await t.http.post("/api/v2/Tokens").set("content-type", "application/json").send(values);
            expect(response.status).toBe(400);
            expect(response.body.error.code).toBe("error.platform.inputCannotBeParsed");
        });

        it("refuses a body above the route's limit with requestBodyTooLarge, while content routes take the contract's sizes", async () => {
            const tooBig = await t.http
                .post("/api/v2/Challenges")
                .set("content-type", "application/json")
                .send(JSON.stringify({ padding: "x".repeat(200 * 1024) }));
            expect(tooBig.status).toBe(400);
            expect(tooBig.body.error.code).toBe("error.platform.requestBodyTooLarge");
            const content = Buffer.alloc(10 * 1024 * 1024, 7).toString("base64url");
            const token = await t.http
                .post("/api/v2/Tokens")
                .set("authorization", identity.auth)
                .send({ content, expiresAt: "2099-01-01T00:00:00.000Z" });
            expect(token.status).toBe(201);
        });
    });

    describe("strings PostgreSQL cannot store (F3)", () => {
        it("answers 400 with a code for NUL in bodies, queries, forms and path parameters", async () => {
            const cases: Array<[string, () => Promise<{ status: number; body: Record<string, unknown> }>]> = [
                [
                    "token form username",
                    () =>
                        t.http.post("/connect/token").type("form").send({
                            grant_type: "password",
                            client_id: TEST_CLIENT.id,
                            client_secret: TEST_CLIENT.secret,
                            username: "USR\u0000",
                            password: "x"
                        })
                ],
                [
                    "token form client_id",
                    () =>
                        t.http
                            .post("/connect/token")
                            .type("form")
                            .send({ grant_type: "password", client_id: "te\u0000st", client_secret: "x", username: "USRa", password: "x" })
                ],
                [
                    "identity clientId",
                    () =>
                        t.http.post("/api/v2/Identities").send({
                            clientId: "te\u0000st",
                            clientSecret: "x",
                            identityPublicKey: "AAAA",
                            devicePassword: "x",
                            identityVersion: 1,
                            signedChallenge: { challenge: "x", signature: "AAAA" }
                        })
                ],
                [
                    "push handle",
                    () =>
                        t.http.put("/api/v2/Devices/Self/PushNotifications").set("authorization", identity.auth).send({
                            platform: "fcm",
                            handle: "handle-with-\u0000-inside",
                            appId: "eu.enmeshed.app",
                            environment: "Development"
                        })
                ],
                [
                    "push appId",
                    () =>
                        t.http
                            .put("/api/v2/Devices/Self/PushNotifications")
                            .set("authorization", identity.auth)
                            .send({ platform: "fcm", handle: "a-long-enough-handle", appId: "eu.\u0000", environment: "Development" })
                ],
                [
                    "feature flag name",
                    () =>
                        t.http
                            .patch("/api/v2/Identities/Self/FeatureFlags")
                            .set("authorization", identity.auth)
                            .send({ "flag\u0000": true })
                ],
                ["datawallet objectIdentifier", () => createModification("o\u0000", "c")],
                ["datawallet collection", () => createModification("o", "c\u0000")],
                ["query ids", () => t.http.get("/api/v2/Devices?ids=%00").set("authorization", identity.auth)],
                ["query username", () => t.http.get("/api/v2/Identities/IsDeleted?username=USR%00")],
                ["path parameter", () => t.http.get("/api/v2/Tokens/TOK%00aaaaaaaaaaaaaaaa").set("authorization", identity.auth)],
                [
                    "lone surrogate",
                    () =>
                        t.http
                            .post("/api/v2/Identities")
                            .set("content-type", "application/json")
                            .send('{"clientId":"\\ud800","clientSecret":"x"}')
                ]
            ];
            for (const [name, send] of cases) {
                const response = await send();
                expect({ name, status: response.status }).toEqual({ name, status: 400 });
                const body = response.body as { error?: { code?: string } | string };
                const code = typeof body.error === "string" ? body.error : body.error?.code;
                expect({ name, code: typeof code }).toEqual({ name, code: "string" });
            }
        });
    });

    describe("malformed multipart (F4)", () => {
        const upload = (contentType: string, body: string) =>
            rawPost(t.baseUrl!, "/api/v2/Files", body, contentType, { authorization: identity.auth });

        it("answers 400 to a missing, a mismatched and an empty boundary, a truncated form and a wrong content type", async () => {
            const part = '--ABC\r\nContent-Disposition: form-data; name="content"; filename="cipher.bin"\r\n\r\nxyz\r\n--ABC--\r\n';
            const cases: Array<[string, string, string]> = [
                ["missing boundary", "multipart/form-data", part],
                ["empty boundary", "multipart/form-data; boundary=", part],
                ["mismatched boundary", "multipart/form-data; boundary=XYZ", part],
                [
                    "truncated field",
                    "multipart/form-data; boundary=ABC",
                    '--ABC\r\nContent-Disposition: form-data; name="cipherHash"\r\n\r\nxy'
                ],
                [
                    "truncated file",
                    "multipart/form-data; boundary=ABC",
                    '--ABC\r\nContent-Disposition: form-data; name="content"; filename="a"\r\n\r\nxxxx'
                ],
                ["garbage", "multipart/form-data; boundary=ABC", "this is not multipart at all"],
                ["wrong content type", "text/plain", part],
                ["JSON instead", "application/json", "{}"]
            ];
            for (const [name, contentType, body] of cases) {
                const response = await upload(contentType, body);
                expect({ name, status: response.status }).toEqual({ name, status: 400 });
                expect(JSON.parse(response.body).error.code).toMatch(/^error\.platform\./);
            }
        });
    });
});
