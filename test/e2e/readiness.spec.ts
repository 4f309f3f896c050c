import { readinessBecomes } from "../support/health";
import { useTestAppOnPrivatePostgres } from "../support/private-postgres";

describe("readiness with PostgreSQL stopped and started again", () => {
    const { t, postgres } = useTestAppOnPrivatePostgres("readiness");

    it("is ready and Healthy, fails (503, Unhealthy) while the database is down, and recovers when it returns; liveness stays up", async () => {
        expect((await t.http.get("/health/ready")).status).toBe(200);

        await postgres.stop();
        const down = await readinessBecomes(t, 503, 50);
        expect(down.status).toBe(503);
        expect(down.body.status).toBe("error");
        expect(down.body.error).toMatchObject({ database: { status: "down" } });
        await t.http.get("/health/live").expect(200);
        const unhealthy = await t.http.get("/health").expect(503);
        expect(unhealthy.headers["content-type"]).toMatch(/^text\/plain/);
        expect(unhealthy.text).toBe("Unhealthy");

        await postgres.restart();
        const up = await readinessBecomes(t, 200, 50);
        expect(up.status).toBe(200);
        expect(up.body.status).toBe("ok");
        expect((await t.http.get("/health").expect(200)).text).toBe("Healthy");
    }, 120_000);
});
