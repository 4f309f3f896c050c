import { aStoredChallenge, CHALLENGE_LIFETIME_MS } from "../factories/challenges";
import { anIdentity } from "../factories/identities";
import { expectError } from "../support/errors";
import { useTestApp } from "../support/test-app";

describe("Challenges", () => {
    const t = useTestApp();

    it("creates an anonymous challenge that expires in ten minutes, with a Location", async () => {
        const response = await t.http.post("/api/v2/Challenges").send({}).expect(201);
        expect(response.body.result).toEqual({
            id: expect.stringMatching(/^CHL[A-Za-z0-9]{17}$/),
            expiresAt: new Date(t.clock.now().getTime() + CHALLENGE_LIFETIME_MS).toISOString(),
            createdBy: null,
            createdByDevice: null
        });
    });

    it("records the identity and device of an authenticated creator", async () => {
        const identity = await anIdentity(t);
        const challenge = await aStoredChallenge(t, identity);
        expect(challenge.createdBy).toBe(identity.address);
        expect(challenge.createdByDevice).toBe(identity.deviceId);
    });

    it("lets any identity read any challenge until one hour after it expired", async () => {
        const reader = await anIdentity(t);
        const created = await aStoredChallenge(t);
        const read = await t.http.get(`/api/v2/Challenges/${created.id}`).set("authorization", reader.auth).expect(200);
        expect(read.body.result).toEqual(created);
        t.clock.advance(10 * 60 * 1000 + 59 * 60 * 1000);
        try {
            await t.http.get(`/api/v2/Challenges/${created.id}`).set("authorization", reader.auth).expect(200);
            t.clock.advance(60 * 1000);
            await expectError(
                t.http.get(`/api/v2/Challenges/${created.id}`).set("authorization", reader.auth),
                404,
                "error.platform.recordNotFound"
            );
        } finally {
            t.clock.set(new Date());
        }
    });

    it("answers 400 for a malformed id and 404 for an unknown one", async () => {
        const reader = await anIdentity(t);
        await expectError(
            t.http.get("/api/v2/Challenges/XYZ123").set("authorization", reader.auth),
            400,
            "error.platform.validation.invalidPropertyValue"
        );
        await t.http.get("/api/v2/Challenges/CHLthisisnonexisting").set("authorization", reader.auth).expect(404);
    });

    it("requires authentication to read a challenge", async () => {
        await t.http.get("/api/v2/Challenges/CHLthisisnonexisting").expect(401);
    });
});
