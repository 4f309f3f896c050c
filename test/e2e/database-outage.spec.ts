import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { type EmbeddedDatabase, startEmbeddedPostgres } from "../../src/core/database/embedded-postgres";
import { createIdentity, type TestIdentity } from "../support/identities";
import { startTestApp, TEST_CLIENT, type TestApp } from "../support/test-app";

// A PostgreSQL of its own: stopping the shared one would break everybody else's tests.
describe("requests while PostgreSQL is down", () => {
    let dir: string;
    let database: EmbeddedDatabase;
    let t: TestApp;
    let port: number;
    let identity: TestIdentity;
    beforeAll(async () => {
        dir = mkdtempSync(join(tmpdir(), "backbone-outage-"));
        database = await startEmbeddedPostgres(dir);
        port = Number(new URL(database.url).port);
        t = await startTestApp({ databaseUrl: database.url });
        identity = await createIdentity(t);
    }, 120_000);
    afterAll(async () => {
        await t?.close().catch(() => undefined);
        await database?.stop().catch(() => undefined);
        rmSync(dir, { recursive: true, force: true });
    }, 60_000);

    it("answer 503 with Retry-After and a code, readiness says so, and all recovers when it returns", async () => {
        await t.http.post("/api/v2/Challenges").send({}).expect(201);
        await database.stop();

        const requests = [
            () => t.http.post("/api/v2/Challenges").send({}),
            () => t.http.get("/api/v2/Devices/Self").set("authorization", identity.auth),
            () => t.http.get("/api/v2/Identities/IsDeleted?username=USRaaaaaaaaaaaaaaaaa"),
            () =>
                t.http.post("/connect/token").type("form").send({
                    grant_type: "password",
                    client_id: TEST_CLIENT.id,
                    client_secret: TEST_CLIENT.secret,
                    username: identity.username,
                    password: identity.password
                }),
            () => t.http.post("/api/v2/Messages").set("authorization", identity.auth).send({ recipients: [], body: "AAAA" })
        ];
        // The first requests may still meet connections that are being torn down; all of them are 503s.
        for (let round = 0; round < 3; round++) {
            for (const send of requests) {
                const response = await send();
                if (response.status === 400) continue; // validated before the database is asked
                expect(response.status).toBe(503);
                expect(response.headers["retry-after"]).toBe("5");
                expect(response.body.error.code).toBe("error.platform.serviceUnavailable");
            }
        }
        const ready = await t.http.get("/health/ready");
        expect(ready.status).toBe(503);
        expect(ready.body.error).toMatchObject({ database: { status: "down" } });
        await t.http.get("/health/live").expect(200);

        database = await startEmbeddedPostgres(dir, port);
        let challenge = await t.http.post("/api/v2/Challenges").send({});
        for (let attempt = 0; attempt < 50 && challenge.status !== 201; attempt++) {
            expect(challenge.status).toBe(503);
            await new Promise((resolve) => setTimeout(resolve, 200));
            challenge = await t.http.post("/api/v2/Challenges").send({});
        }
        expect(challenge.status).toBe(201);
        await t.http.get("/api/v2/Devices/Self").set("authorization", identity.auth).expect(200);
    }, 120_000);
});
