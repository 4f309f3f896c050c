import { randomBytes } from "node:crypto";

import { DataSource } from "typeorm";

import { deriveAddress } from "../../src/core/crypto/identity-address";
import { IdentityDeletionService } from "../../src/modules/identities/identity-deletion.service";
import { aStartedDeletionProcess } from "../factories/identities";
import { createTemplate, establishRelationship, eventsOf, put, requestRelationship } from "../factories/relationships";
import { createIdentity, type TestIdentity } from "../support/identities";
import { useTestApp } from "../support/test-app";

const MAX_PER_IDENTITY = 5;

describe("feature flags", () => {
    const t = useTestApp({ env: { MAX_NUMBER_OF_FEATURE_FLAGS_PER_IDENTITY: String(MAX_PER_IDENTITY) } });

    const patch = (who: TestIdentity, body: unknown) =>
        t.http
            .patch("/api/v2/Identities/Self/FeatureFlags")
            .set("authorization", who.auth)
            .send(body as object);
    const get = (who: TestIdentity, address: string) =>
        t.http.get(`/api/v2/Identities/${encodeURIComponent(address)}/FeatureFlags`).set("authorization", who.auth);

    async function flagEvents(owner: string) {
        return (await eventsOf(t, owner)).filter((e) => e.type === "PeerFeatureFlagsChanged");
    }

    it("upserts the given flags, keeps the others, and shows names with a lower-case first letter", async () => {
        const identity = await createIdentity(t);
        expect((await get(identity, identity.address).expect(200)).body).toEqual({ result: {} });
        const first = await patch(identity, { Feature1: true, feature2: false }).expect(204);
        expect(first.text).toBe("");
        await patch(identity, { feature2: true, feature3: false }).expect(204);
        expect((await get(identity, identity.address).expect(200)).body.result).toEqual({
            feature1: true,
            feature2: true,
            feature3: false
        });
        const stored = await t.app
            .get(DataSource)
            .query("SELECT name FROM feature_flags WHERE identity_address = $1 ORDER BY name", [identity.address]);
        expect(stored.map((r: { name: string }) => r.name)).toEqual(["Feature1", "feature2", "feature3"]);
    });

    it("tells peers of Pending and Active relationships and identities that allocated a template, once each", async () => {
        const [a, active, pending, allocator, rejected, stranger] = await Promise.all(Array.from({ length: 6 }, () => createIdentity(t)));
        await establishRelationship(t, active, a); // `active` used (allocated) a template of `a` as well
        await requestRelationship(t, a, pending);
        const templateOfA = await createTemplate(t, a);
        await t.http.get(`/api/v2/RelationshipTemplates/${templateOfA}`).set("authorization", allocator.auth).expect(200);
        const rejectedId = await requestRelationship(t, a, rejected);
        await put(t, rejected, `${rejectedId}/Reject`, 200);

        await patch(a, { beta: true }).expect(204);
        for (const peer of [active, pending, allocator]) {
            expect(await flagEvents(peer.address)).toEqual([
                {
                    owner: peer.address,
                    type: "PeerFeatureFlagsChanged",
                    payload: { peerAddress: a.address },
                    context: null,
                    isDeliveryBlocked: false
                }
            ]);
        }
        for (const other of [a, rejected, stranger]) expect(await flagEvents(other.address)).toEqual([]);

        // An empty request changes nothing and tells nobody.
        await patch(a, {}).expect(204);
        expect(await flagEvents(active.address)).toHaveLength(1);
    });

    it("shows the flags to identities with any relationship or an allocated template, and 404 to everybody else", async () => {
        const [owner, peer, allocator, rejected, stranger] = await Promise.all(Array.from({ length: 5 }, () => createIdentity(t)));
        await patch(owner, { Visible: true }).expect(204);
        await establishRelationship(t, peer, owner);
        const templateOfOwner = await createTemplate(t, owner);
        await t.http.get(`/api/v2/RelationshipTemplates/${templateOfOwner}`).set("authorization", allocator.auth).expect(200);
        const rejectedId = await requestRelationship(t, owner, rejected);
        await put(t, rejected, `${rejectedId}/Reject`, 200);

        for (const viewer of [peer, allocator, rejected])
            expect((await get(viewer, owner.address).expect(200)).body.result).toEqual({ visible: true });
        const hidden = await get(stranger, owner.address).expect(404);
        expect(hidden.body.error.code).toBe("error.platform.recordNotFound");
        // The owner allocated nothing of the allocator: the visibility is one-way.
        expect((await get(owner, allocator.address)).status).toBe(404);
        const unknown = deriveAddress(randomBytes(32), t.config.DID_DOMAIN);
        expect((await get(stranger, unknown)).status).toBe(404);
    });

    it("refuses malformed input with 400 and the contract's codes", async () => {
        const identity = await createIdentity(t);
        const invalidAddress = await get(identity, "did:e:localhost:dids:nothing").expect(400);
        expect(invalidAddress.body.error.code).toBe("error.platform.validation.invalidPropertyValue");

        for (const body of [[true], { flag: "yes" }, { flag: null }, { flag: 1 }]) {
            const response = await patch(identity, body).expect(400);
            expect(response.body.error.code).toBe("error.platform.inputCannotBeParsed");
        }
        const longName = await patch(identity, { ["x".repeat(201)]: true }).expect(400);
        expect(longName.body.error.code).toBe("error.platform.validation.invalidPropertyValue");
        const tooMany = await patch(identity, Object.fromEntries(Array.from({ length: 201 }, (_, i) => [`f${i}`, true]))).expect(400);
        expect(tooMany.body.error.code).toBe("error.platform.validation.invalidPropertyValue");
        await patch(identity, { ["y".repeat(200)]: true }).expect(204);
        expect(Object.keys((await get(identity, identity.address).expect(200)).body.result)).toEqual(["y".repeat(200)]);

        await t.http.patch("/api/v2/Identities/Self/FeatureFlags").send({ a: true }).expect(401);
    });

    it("keeps an identity at the configured maximum of distinct flags, and rolls a refused request back", async () => {
        const identity = await createIdentity(t);
        await patch(identity, { a: true, b: true, c: true }).expect(204);
        const refused = await patch(identity, { a: false, d: true, e: true, f: true }).expect(400);
        expect(refused.body.error.code).toBe("error.platform.validation.featureFlag.maxNumberOfFeatureFlagsExceeded");
        expect((await get(identity, identity.address).expect(200)).body.result).toEqual({ a: true, b: true, c: true });
        await patch(identity, { a: false, d: true, e: true }).expect(204);
        await patch(identity, { e: false }).expect(204);
        expect(Object.keys((await get(identity, identity.address).expect(200)).body.result)).toHaveLength(MAX_PER_IDENTITY);
    });

    it("removes the flags of a deleted identity", async () => {
        const identity = await createIdentity(t);
        await patch(identity, { gone: true }).expect(204);
        await aStartedDeletionProcess(t, identity, 1);
        t.clock.advance(2 * 86_400_000);
        await t.app.get(IdentityDeletionService).deleteDueIdentities();
        expect(await t.app.get(DataSource).query("SELECT 1 FROM feature_flags WHERE identity_address = $1", [identity.address])).toEqual(
            []
        );
    });
});
