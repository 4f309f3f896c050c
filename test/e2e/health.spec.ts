import { useTestApp } from "../support/test-app";

describe("health", () => {
    const t = useTestApp();

    it("answers GET /health as the official Backbone does: 200 text/plain Healthy, without authentication", async () => {
        const response = await t.http.get("/health").expect(200);
        expect(response.headers["content-type"]).toMatch(/^text\/plain/);
        expect(response.text).toBe("Healthy");
    });

    it("reports liveness without authentication", async () => {
        const response = await t.http.get("/health/live").expect(200);
        expect(response.body.status).toBe("ok");
    });

    it("reports readiness with the database and the blob store up", async () => {
        const response = await t.http.get("/health/ready").expect(200);
        expect(response.body.status).toBe("ok");
        expect(response.body.info).toMatchObject({ database: { status: "up" }, blobStorage: { status: "up" } });
    });
});
