import { Client } from "pg";
import { DataSource } from "typeorm";

import { startTestApp, type TestApp } from "../support/test-app";

async function until(condition: () => Promise<boolean> | boolean): Promise<void> {
    for (let attempt = 0; attempt < 300; attempt++) {
        if (await condition()) return;
        await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error("condition not reached");
}

describe("graceful shutdown", () => {
    let t: TestApp;
    let blocker: Client;
    beforeAll(async () => {
        t = await startTestApp({ listen: true });
        blocker = new Client({ connectionString: t.databaseUrl });
        blocker.on("error", () => undefined);
        await blocker.connect();
    });
    afterAll(async () => {
        await blocker.end().catch(() => undefined);
    });

    it("lets an in-flight request finish, then stops listening and closes the database pool", async () => {
        const dataSource = t.app.get(DataSource);
        // Hold the challenges table so that the request below stays in flight until we let it go.
        await blocker.query("BEGIN");
        await blocker.query("LOCK TABLE challenges IN ACCESS EXCLUSIVE MODE");
        const inFlight = fetch(`${t.baseUrl}/api/v2/Challenges`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: "{}"
        });
        await until(async () => (await blocker.query("SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted")).rows[0].n > 0);

        const closing = t.close();
        await until(() => !t.app.getHttpServer().listening);
        await expect(fetch(`${t.baseUrl}/health/live`)).rejects.toThrow();
        expect(dataSource.isInitialized).toBe(true);

        await blocker.query("COMMIT");
        const response = await inFlight;
        expect(response.status).toBe(201);
        expect(((await response.json()) as { result: { id: string } }).result.id).toMatch(/^CHL/);
        await closing;
        expect(dataSource.isInitialized).toBe(false);
    });
});
