import { DataSource } from "typeorm";

import { expectError } from "../support/errors";
import {
    challengeText,
    createChallenge,
    createIdentity,
    login,
    passwordGrant,
    STRONG_PASSWORD,
    type TestIdentity
} from "../support/identities";
import { raceWithDeletion } from "../support/races";
import { useTestApp } from "../support/test-app";

describe("Devices", () => {
    const t = useTestApp();

    /** Registers a device the way the official client onboards one: a challenge signed with the identity key. */
    async function registerDevice(owner: TestIdentity, extra: Record<string, unknown> = {}, status = 201) {
        const challenge = await createChallenge(t, owner.auth);
        const text = challengeText(challenge);
        return await t.http
            .post("/api/v2/Devices")
            .set("authorization", owner.auth)
            .send({
                devicePassword: "An0ther!Passw0rd",
                signedChallenge: { challenge: text, signature: owner.keys.signatureField(text), "@type": "ChallengeSigned" },
                ...extra
            })
            .expect(status);
    }

    it("registers a second device that can log in as the same identity", async () => {
        const owner = await createIdentity(t);
        const response = await registerDevice(owner);
        expect(response.body.result).toEqual({
            id: expect.stringMatching(/^DVC/),
            username: expect.stringMatching(/^USR/),
            createdAt: t.clock.now().toISOString(),
            createdByDevice: owner.deviceId,
            isBackupDevice: false
        });
        const token = await login(t, response.body.result.username, "An0ther!Passw0rd");
        const self = await t.http.get("/api/v2/Identities/Self").set("authorization", `Bearer ${token}`).expect(200);
        expect(self.body.result.address).toBe(owner.address);
    });

    it("refuses a device challenge signed by a key other than the identity's", async () => {
        const owner = await createIdentity(t);
        const stranger = await createIdentity(t);
        const challenge = await createChallenge(t, owner.auth);
        const text = challengeText(challenge);
        await expectError(
            t.http
                .post("/api/v2/Devices")
                .set("authorization", owner.auth)
                .send({
                    devicePassword: "An0ther!Passw0rd",
                    signedChallenge: { challenge: text, signature: stranger.keys.signatureField(text) }
                }),
            400,
            "error.platform.validation.device.invalidSignature"
        );
    });

    it("allows only one backup device per identity", async () => {
        const owner = await createIdentity(t);
        await registerDevice(owner, { isBackupDevice: true });
        const second = await registerDevice(owner, { isBackupDevice: true }, 400);
        expect(second.body.error.code).toBe("error.platform.validation.device.onlyOneBackupDeviceCanExist");
    });

    it("lists the identity's devices, and pages them", async () => {
        const owner = await createIdentity(t);
        await registerDevice(owner);
        await registerDevice(owner);
        const all = await t.http.get("/api/v2/Devices").set("authorization", owner.auth).expect(200);
        expect(all.body.result).toHaveLength(3);
        expect(all.body.pagination).toBeUndefined();
        const page = await t.http.get("/api/v2/Devices?pageSize=2&pageNumber=2").set("authorization", owner.auth).expect(200);
        expect(page.body.result).toHaveLength(1);
        expect(page.body.pagination).toEqual({ pageNumber: 2, pageSize: 2, totalPages: 2, totalRecords: 3 });
        const filtered = await t.http.get(`/api/v2/Devices?ids=${owner.deviceId}`).set("authorization", owner.auth).expect(200);
        expect(filtered.body.result.map((d: { id: string }) => d.id)).toEqual([owner.deviceId]);
    });

    it("answers 400 invalidPageSize above the maximum page size, and 400 for page numbers below 1", async () => {
        const owner = await createIdentity(t);
        await expectError(
            t.http.get("/api/v2/Devices?pageSize=201").set("authorization", owner.auth),
            400,
            "error.platform.validation.pagination.invalidPageSize"
        );
        await t.http.get("/api/v2/Devices?pageSize=200").set("authorization", owner.auth).expect(200);
        await expectError(
            t.http.get("/api/v2/Devices?pageNumber=0").set("authorization", owner.auth),
            400,
            "error.platform.validation.invalidPropertyValue"
        );
        await t.http.get("/api/v2/Devices?pageNumber=abc").set("authorization", owner.auth).expect(400);
    });

    it("updates the communication language with 204, and refuses one that is not ISO 639-1", async () => {
        const owner = await createIdentity(t);
        const done = await t.http
            .put("/api/v2/Devices/Self")
            .set("authorization", owner.auth)
            .send({ communicationLanguage: "de" })
            .expect(204);
        expect(done.text).toBe("");
        const self = await t.http.get("/api/v2/Devices/Self").set("authorization", owner.auth).expect(200);
        expect(self.body.result.communicationLanguage).toBe("de");
        await expectError(
            t.http.put("/api/v2/Devices/Self").set("authorization", owner.auth).send({ communicationLanguage: "fra" }),
            400,
            "error.platform.validation.invalidDeviceCommunicationLanguage"
        );
    });

    it("changes the own password: the old one stops working and the new one works", async () => {
        const owner = await createIdentity(t);
        await t.http
            .put("/api/v2/Devices/Self/Password")
            .set("authorization", owner.auth)
            .send({ oldPassword: STRONG_PASSWORD, newPassword: "N3w!Password-2" })
            .expect(204);
        const old = await passwordGrant(t, owner.username, STRONG_PASSWORD).expect(400);
        expect(old.body.error).toBe("invalid_grant");
        await login(t, owner.username, "N3w!Password-2");
    });

    it("refuses a password change with a wrong old password or a weak new one", async () => {
        const owner = await createIdentity(t);
        await expectError(
            t.http
                .put("/api/v2/Devices/Self/Password")
                .set("authorization", owner.auth)
                .send({ oldPassword: "Wrong!Passw0rd", newPassword: "N3w!Password-2" }),
            400,
            "error.platform.validation.device.changePasswordFailed"
        );
        await expectError(
            t.http
                .put("/api/v2/Devices/Self/Password")
                .set("authorization", owner.auth)
                .send({ oldPassword: STRONG_PASSWORD, newPassword: "weak" }),
            400,
            "error.platform.validation.device.changePasswordFailed"
        );
        await expectError(
            t.http.put("/api/v2/Devices/Self/Password").set("authorization", owner.auth).send({ oldPassword: STRONG_PASSWORD }),
            400,
            "error.platform.inputCannotBeParsed"
        );
    });

    it("deletes a device that never logged in, but not an onboarded one", async () => {
        const owner = await createIdentity(t);
        const fresh = (await registerDevice(owner)).body.result;
        const used = (await registerDevice(owner)).body.result;
        await login(t, used.username, "An0ther!Passw0rd");
        const done = await t.http.delete(`/api/v2/Devices/${fresh.id}`).set("authorization", owner.auth).expect(204);
        expect(done.text).toBe("");
        await t.http.delete(`/api/v2/Devices/${fresh.id}`).set("authorization", owner.auth).expect(404);
        await expectError(
            t.http.delete(`/api/v2/Devices/${used.id}`).set("authorization", owner.auth),
            400,
            "error.platform.validation.device.deviceCannotBeDeleted"
        );
    });

    it("hides another identity's devices: deleting one answers 404", async () => {
        const owner = await createIdentity(t);
        const stranger = await createIdentity(t);
        const fresh = (await registerDevice(owner)).body.result;
        await t.http.delete(`/api/v2/Devices/${fresh.id}`).set("authorization", stranger.auth).expect(404);
        const list = await t.http.get(`/api/v2/Devices?ids=${fresh.id}`).set("authorization", stranger.auth).expect(200);
        expect(list.body.result).toEqual([]);
        await t.http.delete("/api/v2/Devices/not-an-id").set("authorization", owner.auth).expect(400);
    });

    it("answers 400 for bad registration input", async () => {
        const owner = await createIdentity(t);
        await expectError(
            t.http.post("/api/v2/Devices").set("authorization", owner.auth).send({ devicePassword: "An0ther!Passw0rd" }),
            400,
            "error.platform.inputCannotBeParsed"
        );
        const weak = await registerDevice(owner, { devicePassword: "short" }, 400);
        expect(weak.body.error.code).toBe("error.platform.validation.device.registrationFailed");
        const backupType = await registerDevice(owner, { isBackupDevice: "yes" }, 400);
        expect(backupType.body.error.code).toBe("error.platform.inputCannotBeParsed");
    });
});

describe("HTTP conventions", () => {
    const t = useTestApp();

    it("echoes the correlation id, trimmed to 100 characters, and generates one when absent", async () => {
        const echoed = await t.http.post("/api/v2/Challenges").set("x-correlation-id", "  abc-123  ").expect(201);
        expect(echoed.headers["x-correlation-id"]).toBe("abc-123");
        const long = await t.http.post("/api/v2/Challenges").set("x-correlation-id", "x".repeat(150)).expect(201);
        expect(long.headers["x-correlation-id"]).toBe("x".repeat(100));
        const generated = await t.http.post("/api/v2/Challenges").expect(201);
        expect(generated.headers["x-correlation-id"]).toMatch(/^[0-9a-f-]{36}$/);
        expect(generated.headers["x-response-duration-ms"]).toMatch(/^\d+$/);
    });

    it("sends the official Backbone's timing headers: request and response time in UTC with milliseconds, whole milliseconds taken", async () => {
        const response = await t.http.get("/api/v2/Version").expect(200);
        const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
        expect(response.headers["x-request-time"]).toMatch(iso);
        expect(response.headers["x-response-time"]).toMatch(iso);
        const requested = Date.parse(response.headers["x-request-time"]!);
        const responded = Date.parse(response.headers["x-response-time"]!);
        expect(responded).toBeGreaterThanOrEqual(requested);
        expect(response.headers["x-response-duration-ms"]).toMatch(/^\d+$/);
        expect(response.headers["x-trace-id"]).toMatch(/^[0-9a-f-]{36}$/);
    });

    it("matches paths and query parameter names case-insensitively", async () => {
        const owner = await createIdentity(t);
        await t.http.post("/API/V2/challenges").expect(201);
        const page = await t.http.get("/api/v2/devices/self").set("authorization", owner.auth).expect(200);
        expect(page.body.result.id).toBe(owner.deviceId);
        await expectError(
            t.http.get("/api/v2/Devices?PageSize=500").set("authorization", owner.auth),
            400,
            "error.platform.validation.pagination.invalidPageSize"
        );
    });

    it("never leaves a device behind for an identity deleted while the device is registered", async () => {
        const owner = await createIdentity(t);
        const challenge = challengeText(await createChallenge(t, owner.auth));
        const { deletedMeanwhile, response } = await raceWithDeletion(
            t,
            owner,
            // A backup device not yet committed: the registration of another one stops at it, after its checks.
            (holder) =>
                holder.query(
                    `INSERT INTO devices (id, identity_address, username, password_hash, created_at, created_by_device, is_backup_device)
                     VALUES ('DVCheldbythetest0001', $1, 'USRheldbythetest0001', 'x', now(), $2, true)`,
                    [owner.address, owner.deviceId]
                ),
            () =>
                t.http
                    .post("/api/v2/Devices")
                    .set("authorization", owner.auth)
                    .send({
                        devicePassword: "An0ther!Passw0rd",
                        isBackupDevice: true,
                        signedChallenge: { challenge, signature: owner.keys.signatureField(challenge), "@type": "ChallengeSigned" }
                    })
        );
        expect([deletedMeanwhile, response.status]).toEqual(deletedMeanwhile === 1 ? [1, 404] : [0, 201]);
        const dataSource = t.app.get(DataSource);
        expect(await dataSource.query("SELECT 1 FROM identities WHERE address = $1", [owner.address])).toEqual([]);
        expect(await dataSource.query("SELECT id FROM devices WHERE identity_address = $1", [owner.address])).toEqual([]);
    });

    it("answers 404 with an empty body for unknown routes", async () => {
        const response = await t.http.get("/api/v2/Nothing").expect(404);
        expect(response.text).toBe("");
    });
});
