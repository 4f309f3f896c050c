import { DataSource } from "typeorm";

import { aStartedDeletionProcess } from "../factories/identities";
import { expectError } from "../support/errors";
import { createIdentity, passwordGrant, STRONG_PASSWORD } from "../support/identities";
import { useTestApp } from "../support/test-app";

describe("identity deletion processes", () => {
    const t = useTestApp();

    it("starts a process with the default grace period of 14 days and marks the identity ToBeDeleted", async () => {
        const identity = await createIdentity(t);
        const response = await t.http
            .post("/api/v2/Identities/Self/DeletionProcesses")
            .set("authorization", identity.auth)
            .send({})
            .expect(201);
        const now = t.clock.now();
        expect(response.body.result).toMatchObject({
            id: expect.stringMatching(/^IDP[A-Za-z0-9]{17}$/),
            status: "Active",
            createdAt: now.toISOString(),
            createdByDevice: identity.deviceId,
            approvedAt: now.toISOString(),
            approvedByDevice: identity.deviceId,
            gracePeriodEndsAt: new Date(now.getTime() + 14 * 86_400_000).toISOString(),
            cancelledAt: null
        });
        const self = await t.http.get("/api/v2/Identities/Self").set("authorization", identity.auth).expect(200);
        expect(self.body.result).toMatchObject({ status: "ToBeDeleted", tierId: "TIR00000000000000001" });
        const listed = await t.http.get("/api/v2/Identities/Self/DeletionProcesses").set("authorization", identity.auth).expect(200);
        expect(listed.body.result.map((p: { id: string }) => p.id)).toEqual([response.body.result.id]);
    });

    it("allows only one active process", async () => {
        const identity = await createIdentity(t);
        await aStartedDeletionProcess(t, identity);
        await expectError(
            t.http.post("/api/v2/Identities/Self/DeletionProcesses").set("authorization", identity.auth).send({}),
            400,
            "error.platform.validation.device.onlyOneActiveDeletionProcessAllowed"
        );
    });

    it("lets exactly one of several concurrent starts win", async () => {
        const identity = await createIdentity(t);
        const responses = await Promise.all(
            Array.from({ length: 5 }, () =>
                t.http.post("/api/v2/Identities/Self/DeletionProcesses").set("authorization", identity.auth).send({})
            )
        );
        expect(responses.map((r) => r.status).sort()).toEqual([201, 400, 400, 400, 400]);
    });

    it("cancels during the grace period, restoring status and tier; a second cancel is refused", async () => {
        const identity = await createIdentity(t);
        const started = await aStartedDeletionProcess(t, identity);
        const cancelled = await t.http
            .put(`/api/v2/Identities/Self/DeletionProcesses/${started.id}/Cancel`)
            .set("authorization", identity.auth)
            .send({})
            .expect(200);
        expect(cancelled.body.result).toMatchObject({ status: "Cancelled", gracePeriodEndsAt: null, cancelledByDevice: identity.deviceId });
        const self = await t.http.get("/api/v2/Identities/Self").set("authorization", identity.auth).expect(200);
        expect(self.body.result).toMatchObject({ status: "Active", tierId: null, deletionGracePeriodEndsAt: null });
        await expectError(
            t.http.put(`/api/v2/Identities/Self/DeletionProcesses/${started.id}/Cancel`).set("authorization", identity.auth),
            400,
            "error.platform.validation.device.deletionProcessIsNotInRequiredStatus"
        );
        await aStartedDeletionProcess(t, identity);
    });

    it("with a grace period of 0 days: the identity counts as deleted, login is refused, cancelling is too late", async () => {
        const identity = await createIdentity(t);
        const started = await aStartedDeletionProcess(t, identity, 0);
        t.clock.advance(1);
        try {
            const deleted = await t.http.get(`/api/v2/Identities/IsDeleted?username=${identity.username}`).expect(200);
            expect(deleted.body.result).toEqual({ isDeleted: true, deletionDate: started.gracePeriodEndsAt });
            const login = await passwordGrant(t, identity.username, STRONG_PASSWORD).expect(400);
            expect(login.body.error).toBe("invalid_grant");
            await expectError(
                t.http.put(`/api/v2/Identities/Self/DeletionProcesses/${started.id}/Cancel`).set("authorization", identity.auth),
                400,
                "error.platform.validation.device.gracePeriodHasAlreadyExpired"
            );
        } finally {
            t.clock.set(new Date());
        }
    });

    it("hides other identities' processes and answers 400 for malformed ids and input", async () => {
        const owner = await createIdentity(t);
        const stranger = await createIdentity(t);
        const started = await aStartedDeletionProcess(t, owner);
        await t.http.get(`/api/v2/Identities/Self/DeletionProcesses/${started.id}`).set("authorization", owner.auth).expect(200);
        await t.http.get(`/api/v2/Identities/Self/DeletionProcesses/${started.id}`).set("authorization", stranger.auth).expect(404);
        await t.http.put(`/api/v2/Identities/Self/DeletionProcesses/${started.id}/Cancel`).set("authorization", stranger.auth).expect(404);
        await t.http.get("/api/v2/Identities/Self/DeletionProcesses/IDPx!").set("authorization", owner.auth).expect(400);
        await expectError(
            t.http
                .post("/api/v2/Identities/Self/DeletionProcesses")
                .set("authorization", stranger.auth)
                .send({ lengthOfGracePeriodInDays: "soon" }),
            400,
            "error.platform.inputCannotBeParsed"
        );
        await expectError(
            t.http
                .post("/api/v2/Identities/Self/DeletionProcesses")
                .set("authorization", stranger.auth)
                .send({ lengthOfGracePeriodInDays: -1 }),
            400,
            "error.platform.validation.invalidPropertyValue"
        );
    });

    it("accepts a start without a body", async () => {
        const identity = await createIdentity(t);
        await t.http.post("/api/v2/Identities/Self/DeletionProcesses").set("authorization", identity.auth).expect(201);
        const rows = await t.app.get(DataSource).query("SELECT status FROM identities WHERE address = $1", [identity.address]);
        expect(rows[0].status).toBe("ToBeDeleted");
    });
});
