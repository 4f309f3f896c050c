import { AdminListener } from "../../src/core/http/listeners";
import { anAnnouncementRequest } from "../factories/announcements";
import { ADMIN_KEY, adminApi, officialAdminApiClient } from "../support/admin-api";
import { createIdentity } from "../support/identities";
import { startTestApp, useTestApp } from "../support/test-app";

describe("the admin listener", () => {
    const t = useTestApp({ env: { ADMIN_API_KEY: ADMIN_KEY } });

    it("serves the Admin API, its document and /metrics, which the public listener does not know (404)", async () => {
        for (const path of [
            "/api/v1/Announcements",
            "/api/v1/Clients",
            "/api/v1/xsrf",
            "/odata/Identities",
            "/metrics",
            "/admin/docs/openapi.json"
        ]) {
            const response = await t.http.get(path).set("x-api-key", ADMIN_KEY);
            expect([path, response.status]).toEqual([path, 404]);
            expect(response.text).toBe("");
        }
        await t.http.post("/api/v1/Announcements").set("x-api-key", ADMIN_KEY).send({}).expect(404);
        await t.http.post("/api/v1/ValidateApiKey").send({}).expect(404);
        await t.http.head("/metrics").expect(404);
        await t.admin.get("/api/v1/Announcements").set("x-api-key", ADMIN_KEY).expect(200);
        await t.admin.get("/metrics").expect(200);
        await t.admin.head("/metrics").expect(200);
        const document = await t.admin.get("/admin/docs/openapi.json").expect(200);
        expect(Object.keys(document.body.paths).every((p) => p.startsWith("/api/v1/") || p.startsWith("/odata/"))).toBe(true);
        expect(document.body.servers).toEqual([{ url: "/", description: "The admin listener that serves this document" }]);
    });

    it("does not serve the public routes: Consumer API, /connect/token, /health, /docs answer 404 on the admin listener", async () => {
        for (const path of ["/api/v2/Version", "/health/live", "/health/ready", "/docs/openapi.json", "/.well-known/assetlinks.json"]) {
            const response = await t.admin.get(path);
            expect([path, response.status]).toEqual([path, 404]);
        }
        await t.admin.post("/api/v2/Challenges").send({}).expect(404);
        await t.admin.post("/connect/token").type("form").send({ grant_type: "password" }).expect(404);
        await t.admin.head("/health/live").expect(404);
        await t.http.get("/api/v2/Version").expect(200);
        await t.http.get("/health/live").expect(200);
    });

    it("rejects a missing or wrong API key with 401 and an empty body, also with a Consumer API bearer token", async () => {
        const identity = await createIdentity(t);
        for (const request of [
            t.admin.get("/api/v1/Clients"),
            t.admin.get("/api/v1/Clients").set("x-api-key", "wrong"),
            t.admin.get("/api/v1/Clients").set("x-api-key", `${ADMIN_KEY}x`),
            t.admin.get("/api/v1/Clients").set("authorization", identity.auth),
            t.admin.get("/odata/Identities")
        ]) {
            const response = await request;
            expect(response.status).toBe(401);
            expect(response.text).toBe("");
        }
        const session = await adminApi(t);
        const withoutKey = await t.admin
            .post("/api/v1/Tiers")
            .set("cookie", session.xsrf.cookie)
            .set("x-xsrf-token", session.xsrf.token)
            .send({ name: "No key" });
        expect(withoutKey.status).toBe(401);
        await t.admin.get("/api/v1/Clients").set("X-API-KEY", ADMIN_KEY).expect(200);
    });

    it("rejects unsafe requests without the anti-forgery cookie and token as the official one does (400 problem details)", async () => {
        const session = await adminApi(t);
        const other = await adminApi(t);
        const attempts = [
            t.admin.post("/api/v1/Tiers").set("x-api-key", ADMIN_KEY).send({ name: "x1" }),
            t.admin.post("/api/v1/Tiers").set("x-api-key", ADMIN_KEY).set("cookie", session.xsrf.cookie).send({ name: "x2" }),
            t.admin.post("/api/v1/Tiers").set("x-api-key", ADMIN_KEY).set("x-xsrf-token", session.xsrf.token).send({ name: "x3" }),
            t.admin
                .post("/api/v1/Tiers")
                .set("x-api-key", ADMIN_KEY)
                .set("cookie", session.xsrf.cookie)
                .set("x-xsrf-token", `${session.xsrf.token}x`)
                .send({ name: "x4" }),
            // A token belongs to its cookie.
            t.admin
                .post("/api/v1/Tiers")
                .set("x-api-key", ADMIN_KEY)
                .set("cookie", other.xsrf.cookie)
                .set("x-xsrf-token", other.xsrf.token === session.xsrf.token ? "" : session.xsrf.token)
                .send({ name: "x5" }),
            t.admin.delete("/api/v1/Announcements/ANCaaaaaaaaaaaaaaaaa").set("x-api-key", ADMIN_KEY),
            t.admin.put("/api/v1/Clients/test").set("x-api-key", ADMIN_KEY).send({ defaultTier: null }),
            t.admin.patch("/api/v1/Clients/test/ChangeSecret").set("x-api-key", ADMIN_KEY).send({}),
            t.admin.post("/api/v1/ValidateApiKey").send({ apiKey: ADMIN_KEY })
        ];
        for (const attempt of attempts) {
            const response = await attempt;
            expect(response.status).toBe(400);
            expect(response.headers["content-type"]).toMatch(/^application\/problem\+json/);
            expect(response.body).toEqual({
                type: "https://tools.ietf.org/html/rfc9110#section-15.5.1",
                title: "Bad Request",
                status: 400,
                detail: "xsrf-token-may-be-invalid",
                traceId: expect.any(String)
            });
        }
        const tiers = (await session.get("/Tiers").expect(200)).body.result.map((tier: { name: string }) => tier.name);
        expect(tiers.filter((name: string) => /^x\d$/.test(name))).toEqual([]);
        await session.post("/Tiers", { name: "With token" }).expect(201);
    });

    it("hands out the anti-forgery token without the API key, as plain text with its cookie, and keeps a valid cookie", async () => {
        const first = await t.admin.get("/api/v1/xsrf").expect(200);
        expect(first.headers["content-type"]).toMatch(/^text\/plain/);
        expect(first.headers["cache-control"]).toBe("no-cache, no-store");
        const setCookie = first.headers["set-cookie"] as unknown as string[];
        expect(setCookie).toHaveLength(1);
        expect(setCookie[0]).toMatch(/^X-XSRF-COOKIE=[A-Za-z0-9_-]{43}; path=\/; samesite=strict$/);
        const cookie = setCookie[0]!.split(";")[0]!;
        const again = await t.admin.get("/api/v1/xsrf").set("cookie", cookie).expect(200);
        expect(again.headers["set-cookie"]).toBeUndefined();
        expect(again.text).toBe(first.text);
        const valid = await t.admin
            .post("/api/v1/ValidateApiKey")
            .set("cookie", cookie)
            .set("x-xsrf-token", first.text)
            .send({ apiKey: ADMIN_KEY });
        expect(valid.status).toBe(200);
        expect(valid.body).toEqual({ isValid: true });
        const invalid = await t.admin
            .post("/api/v1/ValidateApiKey")
            .set("cookie", cookie)
            .set("x-xsrf-token", first.text)
            .send({ apiKey: "nope" });
        expect(invalid.body).toEqual({ isValid: false });
        const empty = await t.admin.post("/api/v1/ValidateApiKey").set("cookie", cookie).set("x-xsrf-token", first.text).send({});
        expect(empty.body).toEqual({ isValid: false });
    });
});

describe("the admin listener, listening, with the official client library's test helper", () => {
    const t = useTestApp({ listen: true, env: { ADMIN_API_KEY: ADMIN_KEY } });

    it("creates an announcement exactly as @nmshd/runtime's AdminApiClient sends it: GET /api/v1/xsrf, then POST /api/v1/Announcements → 201 {result: {id}}", async () => {
        const adminClient = await officialAdminApiClient(t.adminBaseUrl!);
        const identity = await createIdentity(t);
        const response = await adminClient.post<{ result: { id: string } }>(`/api/v1/Announcements`, anAnnouncementRequest());
        expect(response.status).toBe(201);
        expect(response.data.result.id).toMatch(/^ANC[A-Za-z0-9]{17}$/);

        const seen = await t.http.get("/api/v2/Announcements?language=de").set("authorization", identity.auth).expect(200);
        const announcement = seen.body.result.find((a: { id: string }) => a.id === response.data.result.id);
        expect(announcement).toMatchObject({ severity: "High", title: "Deutscher Titel", body: "Deutscher Body" });
        expect(announcement.actions).toEqual([
            { displayName: "Deutscher Action Anzeigename", link: "https://example.com/some-action", iqlQuery: null }
        ]);

        // The same client goes on working for the deletion processes the helper starts and cancels.
        const started = await adminClient.post<{ result: { id: string; status: string } }>(
            `/api/v1/Identities/${identity.address}/DeletionProcesses`
        );
        expect(started.status).toBe(201);
        const cancelled = await adminClient.put(
            `/api/v1/Identities/${identity.address}/DeletionProcesses/${started.data.result.id}/Cancel`
        );
        expect(cancelled.status).toBe(204);
    });

    it("listens on its own port and refuses the public routes there", async () => {
        expect(t.adminBaseUrl).not.toBe(t.baseUrl);
        const publicRoute = await fetch(`${t.adminBaseUrl}/api/v2/Version`);
        expect(publicRoute.status).toBe(404);
        const metrics = await fetch(`${t.adminBaseUrl}/metrics`);
        expect(metrics.status).toBe(200);
        const adminRoute = await fetch(`${t.baseUrl}/api/v1/xsrf`);
        expect(adminRoute.status).toBe(404);
    });
});

describe("the admin listener at shutdown", () => {
    it("stops accepting connections when the application closes", async () => {
        const t = await startTestApp({ listen: true, env: { ADMIN_API_KEY: ADMIN_KEY } });
        const listener = t.app.get(AdminListener);
        expect(listener.server.listening).toBe(true);
        await fetch(`${t.adminBaseUrl}/metrics`).then((r) => r.text());
        await t.close();
        expect(listener.server.listening).toBe(false);
        await expect(fetch(`${t.adminBaseUrl}/metrics`)).rejects.toThrow();
    });
});

describe("the admin listener without ADMIN_API_KEY", () => {
    const t = useTestApp();

    it("has no Admin API and no admin console (404, whatever the key) but still serves /metrics", async () => {
        await t.admin.get("/").expect(404);
        await t.admin.get("/identities").expect(404);
        await t.admin.get("/api/v1/Clients").expect(404);
        await t.admin.get("/api/v1/Clients").set("x-api-key", ADMIN_KEY).expect(404);
        await t.admin.get("/api/v1/xsrf").expect(404);
        await t.admin.get("/odata/Identities").set("x-api-key", ADMIN_KEY).expect(404);
        await t.admin.get("/admin/docs/openapi.json").expect(404);
        await t.admin.get("/metrics").expect(200);
    });
});
