import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";

import { createIdentity } from "../support/identities";
import { startTestApp, type TestApp, useTestApp } from "../support/test-app";

const WINDOW_MS = 60_000;

async function freePort(): Promise<number> {
    return await new Promise((resolve) => {
        const server = createServer().listen(0, "127.0.0.1", () => {
            const address = server.address();
            server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
        });
    });
}

/** Moves the app clocks to the start of a fresh window, so that a test's requests all fall into one window. */
function startOfNextWindow(...apps: TestApp[]): void {
    const next = new Date((Math.floor(Date.now() / WINDOW_MS) + 1) * WINDOW_MS);
    for (const app of apps) app.clock.set(next);
}

function expectTooManyRequests(response: { status: number; headers: Record<string, string>; body: { error: { code: string } } }): void {
    expect(response.status).toBe(429);
    expect(response.body.error.code).toBe("error.platform.tooManyRequests");
    expect(Number(response.headers["retry-after"])).toBeGreaterThan(0);
}

describe("rate limits on anonymous endpoints (in-memory storage)", () => {
    let t: TestApp;
    beforeAll(async () => {
        t = await startTestApp({
            env: {
                RATE_LIMIT_ENABLED: "true",
                RATE_LIMIT_CHALLENGES: "3",
                RATE_LIMIT_CONNECT_TOKEN: "2",
                RATE_LIMIT_WINDOW_SECONDS: "60",
                TRUST_PROXY: "true"
            }
        });
    });
    afterAll(async () => await t.close());

    it("answers 429 with Retry-After past the budget, and serves again in the next window", async () => {
        startOfNextWindow(t);
        for (let i = 0; i < 3; i++) await t.http.post("/api/v2/Challenges").expect(201);
        const refused = await t.http.post("/api/v2/Challenges");
        expectTooManyRequests(refused);
        expect(refused.headers["retry-after"]).toBe("60");
        t.clock.advance(WINDOW_MS - 1);
        expectTooManyRequests(await t.http.post("/api/v2/Challenges"));
        t.clock.advance(1);
        await t.http.post("/api/v2/Challenges").expect(201);
    });

    it("limits /connect/token on its own budget", async () => {
        startOfNextWindow(t);
        const form = { grant_type: "password", client_id: "test", client_secret: "test", username: "USRnobody", password: "x" };
        await t.http.post("/connect/token").type("form").send(form).expect(400);
        await t.http.post("/connect/token").type("form").send(form).expect(400);
        expectTooManyRequests(await t.http.post("/connect/token").type("form").send(form));
        await t.http.post("/api/v2/Challenges").expect(201);
    });

    it("counts per client address", async () => {
        startOfNextWindow(t);
        for (let i = 0; i < 3; i++) await t.http.post("/api/v2/Challenges").set("x-forwarded-for", "203.0.113.7").expect(201);
        expectTooManyRequests(await t.http.post("/api/v2/Challenges").set("x-forwarded-for", "203.0.113.7"));
        await t.http.post("/api/v2/Challenges").set("x-forwarded-for", "203.0.113.8").expect(201);
    });
});

describe("rate limits without a trusted proxy", () => {
    const t = useTestApp({ env: { RATE_LIMIT_ENABLED: "true", RATE_LIMIT_CHALLENGES: "2", RATE_LIMIT_WINDOW_SECONDS: "60" } });

    it("ignores X-Forwarded-For, so that a client cannot escape its budget by inventing addresses", async () => {
        startOfNextWindow(t);
        await t.http.post("/api/v2/Challenges").set("x-forwarded-for", "203.0.113.1").expect(201);
        await t.http.post("/api/v2/Challenges").set("x-forwarded-for", "203.0.113.2").expect(201);
        expectTooManyRequests(await t.http.post("/api/v2/Challenges").set("x-forwarded-for", "203.0.113.3"));
    });
});

describe("rate limits on anonymous tokens", () => {
    const t = useTestApp({ env: { RATE_LIMIT_ENABLED: "true", RATE_LIMIT_TOKENS: "2", RATE_LIMIT_WINDOW_SECONDS: "60" } });

    const anonymousToken = () => ({ expiresAt: new Date(t.clock.now().getTime() + 240_000).toISOString() });

    it("limits anonymous creation and reading per route, leaves callers with a valid token out, and resets", async () => {
        const identity = await createIdentity(t);
        startOfNextWindow(t);
        const created = await t.http.post("/api/v2/Tokens").send(anonymousToken()).expect(201);
        await t.http.post("/api/v2/Tokens").send(anonymousToken()).expect(201);
        expectTooManyRequests(await t.http.post("/api/v2/Tokens").send(anonymousToken()));
        expectTooManyRequests(await t.http.post("/api/v2/Tokens").set("authorization", "Bearer not-a-valid-token").send(anonymousToken()));
        const content = Buffer.from("cipher").toString("base64url");
        await t.http
            .post("/api/v2/Tokens")
            .set("authorization", identity.auth)
            .send({ ...anonymousToken(), content })
            .expect(201);

        const id = created.body.result.id;
        await t.http.get(`/api/v2/Tokens/${id}`).expect(200);
        await t.http.get(`/api/v2/Tokens/${id}`).expect(200);
        expectTooManyRequests(await t.http.get(`/api/v2/Tokens/${id}`));
        await t.http.get(`/api/v2/Tokens/${id}`).set("authorization", identity.auth).expect(200);

        t.clock.advance(WINDOW_MS);
        await t.http.post("/api/v2/Tokens").send(anonymousToken()).expect(201);
        await t.http.get(`/api/v2/Tokens/${id}`).expect(200);
    });
});

describe("rate limits shared by two instances through PostgreSQL", () => {
    let a: TestApp;
    let b: TestApp;
    const env = { RATE_LIMIT_ENABLED: "true", RATE_LIMIT_STORAGE: "postgres", RATE_LIMIT_IDENTITIES: "3", RATE_LIMIT_WINDOW_SECONDS: "60" };
    beforeAll(async () => {
        a = await startTestApp({ env });
        b = await startTestApp({ env, databaseUrl: a.databaseUrl });
    });
    afterAll(async () => {
        await b.close();
        await a.close();
    });

    it("shares one budget, answers 429 past it, and resets in the next window", async () => {
        startOfNextWindow(a, b);
        await a.http.post("/api/v2/Identities").send({}).expect(400);
        await b.http.post("/api/v2/Identities").send({}).expect(400);
        await a.http.post("/api/v2/Identities").send({}).expect(400);
        expectTooManyRequests(await b.http.post("/api/v2/Identities").send({}));
        expectTooManyRequests(await a.http.post("/api/v2/Identities").send({}));
        a.clock.advance(WINDOW_MS);
        b.clock.advance(WINDOW_MS);
        await b.http.post("/api/v2/Identities").send({}).expect(400);
    });
});

const redisServer = ["/usr/bin/redis-server", "/usr/local/bin/redis-server"].find((path) => existsSync(path));
// Without a Redis server these tests cannot run; CI installs one, so there a missing server is a failure, not a skip.
if (!redisServer && process.env.CI) throw new Error("redis-server is not installed: CI must install it for the shared rate-limit tests");
(redisServer ? describe : describe.skip)("rate limits shared through Redis", () => {
    let redis: ChildProcess;
    let a: TestApp;
    let b: TestApp;
    beforeAll(async () => {
        const port = await freePort();
        redis = spawn(redisServer!, ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
            stdio: "ignore"
        });
        const env = {
            RATE_LIMIT_ENABLED: "true",
            RATE_LIMIT_STORAGE: "redis",
            REDIS_URL: `redis://127.0.0.1:${port}`,
            RATE_LIMIT_CHALLENGES: "2"
        };
        a = await startTestApp({ env });
        b = await startTestApp({ env, databaseUrl: a.databaseUrl });
    });
    afterAll(async () => {
        await b?.close();
        await a?.close();
        redis?.kill();
    });

    it("shares one budget and resets in the next window", async () => {
        startOfNextWindow(a, b);
        // The first request may arrive while the connection to Redis is still being set up; retry until counted.
        await a.http.post("/api/v2/Challenges").expect(201);
        await b.http.post("/api/v2/Challenges").expect(201);
        let refused = await a.http.post("/api/v2/Challenges");
        for (let i = 0; i < 20 && refused.status !== 429; i++) refused = await a.http.post("/api/v2/Challenges");
        expectTooManyRequests(refused);
        expectTooManyRequests(await b.http.post("/api/v2/Challenges"));
        a.clock.advance(WINDOW_MS);
        b.clock.advance(WINDOW_MS);
        await b.http.post("/api/v2/Challenges").expect(201);
    });
});
