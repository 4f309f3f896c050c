import { createIdentity, passwordGrant, type TestIdentity } from "../support/identities";
import { useTestAppOnPrivatePostgres } from "../support/private-postgres";

describe("requests while PostgreSQL is down", () => {
    const { t, postgres } = useTestAppOnPrivatePostgres("outage");
    let identity: TestIdentity;
    beforeAll(async () => {
        identity = await createIdentity(t);
    });

    it("answer 503 with Retry-After and a code, readiness says so, and all recovers when it returns", async () => {
        await t.http.post("/api/v2/Challenges").send({}).expect(201);
        await postgres.stop();

        const requests = [
            () => t.http.post("/api/v2/Challenges").send({}),
            () => t.http.get("/api/v2/Devices/Self").set("authorization", identity.auth),
            () => t.http.get("/api/v2/Identities/IsDeleted?username=USRaaaaaaaaaaaaaaaaa"),
            () => passwordGrant(t, identity.username, identity.password),
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

        await postgres.restart();
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
