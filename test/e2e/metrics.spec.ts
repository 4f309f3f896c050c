import { createChallenge, createIdentity } from "../support/identities";
import { committedSpec } from "../support/openapi";
import { startTestApp, useTestApp } from "../support/test-app";

describe("GET /metrics", () => {
    const t = useTestApp();

    it("exposes request counts and latency per route pattern and status, the pool and the pending external events", async () => {
        const identity = await createIdentity(t);
        const challenge = await createChallenge(t);
        await t.http.get(`/api/v2/Challenges/${challenge.id}`).set("authorization", identity.auth).expect(200);
        await t.http.get("/api/v2/Challenges/CHLdoesnotexist00000").set("authorization", identity.auth).expect(404);
        await t.http.get("/no/such/route").expect(404);

        const response = await t.admin.get("/metrics").expect(200);
        expect(response.headers["content-type"]).toMatch(/^text\/plain/);
        const text = response.text;
        expect(text).toMatch(/^backbone_http_requests_total\{method="POST",route="\/api\/v2\/Challenges",status_code="201"\} 2$/m);
        expect(text).toMatch(/^backbone_http_requests_total\{method="GET",route="\/api\/v2\/Challenges\/:id",status_code="200"\} 1$/m);
        expect(text).toMatch(/^backbone_http_requests_total\{method="GET",route="\/api\/v2\/Challenges\/:id",status_code="404"\} 1$/m);
        expect(text).toMatch(/^backbone_http_requests_total\{method="GET",route="unmatched",status_code="404"\} 1$/m);
        expect(text).not.toContain(challenge.id);
        expect(text).toMatch(
            /^backbone_http_request_duration_seconds_bucket\{le="0\.1",method="POST",route="\/connect\/token",status_code="200"\} \d+$/m
        );
        expect(text).toMatch(/^backbone_db_pool_connections\{state="total"\} [1-9]\d*$/m);
        expect(text).toMatch(/^backbone_db_pool_connections\{state="waiting"\} 0$/m);
        expect(text).toMatch(/^backbone_external_events_pending 0$/m);
        expect(text).toMatch(/^process_cpu_user_seconds_total /m);
        // The sync_runs table arrives with the synchronization module; until then its gauge is left out, not an error.
        expect(text).toContain("# HELP backbone_sync_runs_open");
    });

    it("keeps the numbers of two instances in one process apart", async () => {
        const other = await startTestApp({ databaseUrl: t.databaseUrl });
        try {
            const text = (await other.admin.get("/metrics").expect(200)).text;
            expect(text).not.toContain('route="/api/v2/Challenges"');
        } finally {
            await other.close();
        }
    });

    it("is not part of the Consumer API document, nor are the admin routes", () => {
        const spec = committedSpec<{ paths: Record<string, unknown> }>("consumer-api");
        const paths = Object.keys(spec.paths);
        expect(paths).toContain("/api/v2/Quotas");
        expect(paths).toContain("/api/v2/Announcements");
        expect(paths.filter((p) => p.startsWith("/admin") || p.startsWith("/metrics") || p.startsWith("/health"))).toEqual([]);
        const admin = committedSpec<{ paths: Record<string, unknown> }>("admin-api");
        expect(Object.keys(admin.paths).every((p) => p.startsWith("/api/v1/") || p.startsWith("/odata/"))).toBe(true);
    });

    it("is served on the admin listener only: the public listener answers 404", async () => {
        await t.http.get("/metrics").expect(404);
        await t.admin.get("/metrics").expect(200);
    });
});
