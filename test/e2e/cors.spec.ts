import { get, type IncomingHttpHeaders } from "node:http";

import { createIdentity } from "../support/identities";
import { startTestApp, type TestApp, useTestApp } from "../support/test-app";

const APP = "https://app.example.org";
const OTHER = "https://elsewhere.example.org";

function preflight(t: TestApp, origin: string, path = "/api/v2/Challenges") {
    return t.http
        .options(path)
        .set("origin", origin)
        .set("access-control-request-method", "POST")
        .set("access-control-request-headers", "authorization,content-type,x-correlation-id");
}

describe("CORS for browser clients", () => {
    describe("with CORS_ORIGINS listing the allowed origins", () => {
        const t = useTestApp({ listen: true, env: { CORS_ORIGINS: `${APP},http://localhost:4200` } });

        it("answers a preflight from an allowed origin with the origin, the methods, the asked headers and a max age", async () => {
            const response = await preflight(t, APP).expect(204);
            expect(response.headers["access-control-allow-origin"]).toBe(APP);
            expect(response.headers["access-control-allow-methods"]).toBe("GET, HEAD, POST, PUT, PATCH, DELETE");
            expect(response.headers["access-control-allow-headers"]).toBe("authorization,content-type,x-correlation-id");
            expect(response.headers["access-control-max-age"]).toBe("600");
            expect(response.headers["access-control-allow-credentials"]).toBeUndefined();
        });

        it("gives a preflight from another origin no CORS headers, so the browser refuses the request", async () => {
            const response = await preflight(t, OTHER).expect(404);
            expect(response.headers["access-control-allow-origin"]).toBeUndefined();
            expect(response.headers["access-control-allow-methods"]).toBeUndefined();
        });

        it("marks actual responses, errors included, for the allowed origin and exposes the official headers", async () => {
            const response = await t.http.get("/api/v2/Version").set("origin", APP).expect(200);
            expect(response.headers["access-control-allow-origin"]).toBe(APP);
            expect(response.headers.vary).toMatch(/Origin/i);
            const exposed = response.headers["access-control-expose-headers"]!.split(",").map((h: string) => h.trim().toLowerCase());
            for (const header of ["x-request-time", "x-response-time", "x-response-duration-ms", "x-trace-id", "x-correlation-id"]) {
                expect(exposed).toContain(header);
            }
            const unauthorized = await t.http.get("/api/v2/Tokens").set("origin", APP).expect(401);
            expect(unauthorized.headers["access-control-allow-origin"]).toBe(APP);
            const other = await t.http.get("/api/v2/Version").set("origin", OTHER).expect(200);
            expect(other.headers["access-control-allow-origin"]).toBeUndefined();
        });

        it("gives the admin listener no CORS headers: its console is same-origin", async () => {
            const response = await t.admin.get("/metrics").set("origin", APP);
            expect(response.status).toBe(200);
            expect(response.headers["access-control-allow-origin"]).toBeUndefined();
            const adminPreflight = await t.admin
                .options("/api/v1/Announcements")
                .set("origin", APP)
                .set("access-control-request-method", "POST");
            expect(adminPreflight.headers["access-control-allow-origin"]).toBeUndefined();
            expect(adminPreflight.headers["access-control-allow-methods"]).toBeUndefined();
        });

        it("marks the server-sent event stream for the allowed origin", async () => {
            const identity = await createIdentity(t);
            const headers = await new Promise<IncomingHttpHeaders>((resolve, reject) => {
                const request = get(`${t.baseUrl}/api/v2/sse`, { headers: { authorization: identity.auth, origin: APP } }, (response) => {
                    resolve(response.headers);
                    response.destroy();
                });
                request.on("error", reject);
            });
            expect(headers["content-type"]).toMatch(/^text\/event-stream/);
            expect(headers["access-control-allow-origin"]).toBe(APP);
            expect(headers["x-correlation-id"]).toBeDefined();
        });
    });

    describe("with CORS_ORIGINS=*", () => {
        it("allows any origin without credentials, or echoes the origin when credentials are allowed", async () => {
            const open = await startTestApp({ env: { CORS_ORIGINS: "*" } });
            try {
                const response = await preflight(open, OTHER).expect(204);
                expect(response.headers["access-control-allow-origin"]).toBe("*");
                expect(response.headers["access-control-allow-credentials"]).toBeUndefined();
            } finally {
                await open.close();
            }
            const withCredentials = await startTestApp({ env: { CORS_ORIGINS: "*", CORS_ALLOW_CREDENTIALS: "true" } });
            try {
                const response = await preflight(withCredentials, OTHER).expect(204);
                expect(response.headers["access-control-allow-origin"]).toBe(OTHER);
                expect(response.headers["access-control-allow-credentials"]).toBe("true");
            } finally {
                await withCredentials.close();
            }
        });
    });

    describe("without CORS_ORIGINS", () => {
        it("sends no CORS headers and answers no preflight", async () => {
            const t = await startTestApp();
            try {
                const response = await t.http.get("/api/v2/Version").set("origin", APP).expect(200);
                expect(response.headers["access-control-allow-origin"]).toBeUndefined();
                const options = await preflight(t, APP);
                expect(options.status).toBe(404);
                expect(options.headers["access-control-allow-origin"]).toBeUndefined();
            } finally {
                await t.close();
            }
        });
    });
});
