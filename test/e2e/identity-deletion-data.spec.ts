import { DataSource } from "typeorm";

import { BlobStorage } from "../../src/core/blob-storage/blob-storage";
import { anonymizedAddress } from "../../src/core/crypto/identity-address";
import { DomainEvents } from "../../src/core/events/domain-events";
import { IdentityDeleted } from "../../src/modules/identities/identities.events";
import { IdentityDeletionService } from "../../src/modules/identities/identity-deletion.service";
import { deletedIdentities } from "../factories/identities";
import { uploadFile } from "../support/files";
import { createChallenge, createIdentity, type TestIdentity } from "../support/identities";
import { addDevice, createDatawallet, modification, postModifications, recordEvents, registerDevice, startSyncRun } from "../support/sync";
import { useTestApp } from "../support/test-app";

const CONTENT = Buffer.from("encrypted token content").toString("base64url");

describe("identity deletion: the data of tokens, files, synchronization, push notifications and challenges", () => {
    const t = useTestApp();
    let anonymous: string;
    let db: DataSource;
    beforeAll(async () => {
        anonymous = anonymizedAddress(t.config.DID_DOMAIN);
        db = t.app.get(DataSource);
    });
    afterEach(() => t.clock.set(new Date()));

    async function createToken(owner: TestIdentity, body: Record<string, unknown> = {}): Promise<string> {
        const expiresAt = new Date(t.clock.now().getTime() + 86_400_000).toISOString();
        return (
            await t.http
                .post("/api/v2/Tokens")
                .set("authorization", owner.auth)
                .send({ content: CONTENT, expiresAt, ...body })
                .expect(201)
        ).body.result.id;
    }

    async function count(sql: string, params: unknown[]): Promise<number> {
        return Number((await db.query(sql, params))[0].count);
    }

    async function registerPush(identity: TestIdentity): Promise<void> {
        await t.http
            .put("/api/v2/Devices/Self/PushNotifications")
            .set("authorization", identity.auth)
            .send({ platform: "dummy", handle: "handle-of-the-device", appId: "eu.enmeshed.test" })
            .expect(200);
    }

    it("tokens: its tokens go, forIdentity and allocations are anonymised, nobody else's tokens change", async () => {
        const [leaving, other, peer] = await Promise.all([createIdentity(t), createIdentity(t), createIdentity(t)]);
        const own = await createToken(leaving);
        const forLeaving = await createToken(peer, { forIdentity: leaving.address });
        const read = await createToken(peer);
        const peersOwn = await createToken(peer);
        await t.http.get(`/api/v2/Tokens/${own}`).set("authorization", peer.auth).expect(200);
        await t.http.get(`/api/v2/Tokens/${read}`).set("authorization", leaving.auth).expect(200);
        await t.http.get(`/api/v2/Tokens/${read}`).set("authorization", other.auth).expect(200);
        expect(await deletedIdentities(t, leaving, other)).toBe(2);

        expect(await db.query("SELECT id FROM tokens WHERE id = $1", [own])).toEqual([]);
        expect(await count("SELECT count(*) FROM token_allocations WHERE token_id = $1", [own])).toBe(0);
        expect(await db.query("SELECT for_identity, created_by FROM tokens WHERE id = $1", [forLeaving])).toEqual([
            { for_identity: anonymous, created_by: peer.address }
        ]);
        // Both deleted readers of the same token leave one anonymised allocation.
        expect(await db.query("SELECT address FROM token_allocations WHERE token_id = $1", [read])).toEqual([{ address: anonymous }]);
        expect(await db.query("SELECT created_by, for_identity FROM tokens WHERE id = $1", [peersOwn])).toEqual([
            { created_by: peer.address, for_identity: null }
        ]);
        expect(await count("SELECT count(*) FROM token_allocations WHERE address = ANY($1)", [[leaving.address, other.address]])).toBe(0);
    });

    it("files: the files it owns go (rows and blobs), files it gave away keep existing with the anonymised creator", async () => {
        const [leaving, peer] = await Promise.all([createIdentity(t), createIdentity(t)]);
        const own = await uploadFile(t, leaving);
        const givenAway = await uploadFile(t, leaving);
        const peersFile = await uploadFile(t, peer);
        await t.http
            .patch(`/api/v2/Files/${givenAway.id}/ClaimOwnership`)
            .set("authorization", peer.auth)
            .send({ ownershipToken: givenAway.ownershipToken })
            .expect(200);
        const blobs = t.app.get(BlobStorage);
        expect(await blobs.exists(own.id)).toBe(true);
        expect(await deletedIdentities(t, leaving)).toBe(1);

        expect(await db.query("SELECT id FROM files WHERE id = $1", [own.id])).toEqual([]);
        expect(await blobs.exists(own.id)).toBe(false);
        expect(await db.query("SELECT created_by, modified_by, owner FROM files WHERE id = $1", [givenAway.id])).toEqual([
            { created_by: anonymous, modified_by: peer.address, owner: peer.address }
        ]);
        expect(await count("SELECT count(*) FROM files WHERE $1 IN (created_by, modified_by, owner)", [leaving.address])).toBe(0);
        expect(await blobs.exists(givenAway.id)).toBe(true);
        expect(await db.query("SELECT created_by, owner FROM files WHERE id = $1", [peersFile.id])).toEqual([
            { created_by: peer.address, owner: peer.address }
        ]);
        await t.http.get(`/api/v2/Files/${givenAway.id}`).set("authorization", peer.auth).expect(200);
    });

    it("synchronization: its external events, counter, sync runs, datawallet and modifications go; a peer's stay", async () => {
        const [leaving, peer] = await Promise.all([createIdentity(t), createIdentity(t)]);
        for (const identity of [leaving, peer]) {
            await createDatawallet(t, identity);
            await postModifications(t, identity, { modifications: [modification("OBJ1")] }).expect(201);
            await recordEvents(t, identity.address, 2);
            await startSyncRun(t, identity.auth, { type: "ExternalEventSync" }).expect(201);
        }
        const tables: Array<[string, string]> = [
            ["external_events", "owner"],
            ["external_event_counters", "owner"],
            ["sync_runs", "created_by"],
            ["datawallets", "owner"],
            ["datawallet_modifications", "owner"]
        ];
        for (const [table, column] of tables)
            expect(await count(`SELECT count(*) FROM ${table} WHERE ${column} = $1`, [leaving.address])).toBeGreaterThan(0);
        expect(await deletedIdentities(t, leaving)).toBe(1);
        for (const [table, column] of tables) {
            expect(await count(`SELECT count(*) FROM ${table} WHERE ${column} = $1`, [leaving.address])).toBe(0);
            expect(await count(`SELECT count(*) FROM ${table} WHERE ${column} = $1`, [peer.address])).toBeGreaterThan(0);
        }
    });

    it("push notifications and challenges: its registrations and the challenges it created go; a peer's stay", async () => {
        const [leaving, peer] = await Promise.all([createIdentity(t), createIdentity(t)]);
        const second = await addDevice(t, leaving);
        for (const identity of [leaving, second, peer]) await registerPush(identity);
        for (const identity of [leaving, peer]) await createChallenge(t, identity.auth);
        expect(await count("SELECT count(*) FROM push_registrations WHERE identity_address = $1", [leaving.address])).toBe(2);
        expect(await count("SELECT count(*) FROM challenges WHERE created_by = $1", [leaving.address])).toBeGreaterThan(0);
        expect(await deletedIdentities(t, leaving)).toBe(1);
        expect(await count("SELECT count(*) FROM push_registrations WHERE identity_address = $1", [leaving.address])).toBe(0);
        expect(await count("SELECT count(*) FROM challenges WHERE created_by = $1", [leaving.address])).toBe(0);
        expect(await count("SELECT count(*) FROM push_registrations WHERE identity_address = $1", [peer.address])).toBe(1);
        expect(await count("SELECT count(*) FROM challenges WHERE created_by = $1", [peer.address])).toBeGreaterThan(0);
    });

    it("a failing module keeps every module's data of the identity", async () => {
        const leaving = await createIdentity(t);
        const token = await createToken(leaving);
        const file = await uploadFile(t, leaving);
        await registerPush(leaving);
        await recordEvents(t, leaving.address, 1);
        let failing = true;
        t.app.get(DomainEvents).subscribe(IdentityDeleted, async (_manager, event) => {
            if (failing && event.address === leaving.address) throw new Error("unavailable");
        });
        expect(await deletedIdentities(t, leaving)).toBe(0);
        expect(await count("SELECT count(*) FROM tokens WHERE id = $1", [token])).toBe(1);
        expect(await count("SELECT count(*) FROM files WHERE id = $1", [file.id])).toBe(1);
        expect(await t.app.get(BlobStorage).exists(file.id)).toBe(true);
        expect(await count("SELECT count(*) FROM push_registrations WHERE identity_address = $1", [leaving.address])).toBe(1);
        expect(await count("SELECT count(*) FROM external_events WHERE owner = $1", [leaving.address])).toBe(1);
        failing = false;
        expect(await t.app.get(IdentityDeletionService).deleteDueIdentities()).toBe(1);
        expect(await count("SELECT count(*) FROM tokens WHERE id = $1", [token])).toBe(0);
        expect(await t.app.get(BlobStorage).exists(file.id)).toBe(false);
    });
});

describe("device deletion", () => {
    const t = useTestApp();

    it("removes the push registration of the deleted device only", async () => {
        const identity = await createIdentity(t);
        const deviceId = (await registerDevice(t, identity)).id;
        await t.http
            .put("/api/v2/Devices/Self/PushNotifications")
            .set("authorization", identity.auth)
            .send({ platform: "dummy", handle: "handle-of-the-device", appId: "eu.enmeshed.test" })
            .expect(200);
        const db = t.app.get(DataSource);
        // A registration of the device that never logged in (written directly: it cannot call the API itself).
        await db.query(
            `INSERT INTO push_registrations (device_id, identity_address, device_push_identifier, platform, handle, app_id, environment, updated_at)
             VALUES ($1, $2, 'DPI00000000000000001', 'dummy', NULL, 'eu.enmeshed.test', 'Production', now())`,
            [deviceId, identity.address]
        );
        await t.http.delete(`/api/v2/Devices/${deviceId}`).set("authorization", identity.auth).expect(204);
        const rows: Array<{ device_id: string }> = await db.query("SELECT device_id FROM push_registrations WHERE identity_address = $1", [
            identity.address
        ]);
        expect(rows.map((r) => r.device_id)).toEqual([identity.deviceId]);
        expect(await db.query("SELECT 1 FROM devices WHERE id = $1", [deviceId])).toEqual([]);
    });
});
