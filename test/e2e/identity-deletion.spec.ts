import { DataSource } from "typeorm";

import { DomainEvents } from "../../src/core/events/domain-events";
import { IdentityDeleted } from "../../src/modules/identities/identities.events";
import { IdentityDeletionService } from "../../src/modules/identities/identity-deletion.service";
import { aStartedDeletionProcess } from "../factories/identities";
import { createIdentity, passwordGrant, STRONG_PASSWORD } from "../support/identities";
import { useTestApp } from "../support/test-app";

describe("deletion of identities after the grace period", () => {
    const t = useTestApp();

    it("deletes only identities whose grace period is over, and IsDeleted still answers for their usernames", async () => {
        const due = await createIdentity(t);
        const later = await createIdentity(t);
        const keeps = await createIdentity(t);
        await aStartedDeletionProcess(t, due, 1);
        await aStartedDeletionProcess(t, later, 3);
        t.clock.advance(2 * 86_400_000);
        try {
            const service = t.app.get(IdentityDeletionService);
            expect(await service.deleteDueIdentities()).toBe(1);
            const db = t.app.get(DataSource);
            const remaining = (
                await db.query("SELECT address FROM identities WHERE address = ANY($1)", [[due.address, later.address, keeps.address]])
            ).map((r: { address: string }) => r.address);
            expect(remaining.sort()).toEqual([later.address, keeps.address].sort());
            expect(await db.query("SELECT 1 FROM devices WHERE identity_address = $1", [due.address])).toEqual([]);
            const isDeleted = await t.http.get(`/api/v2/Identities/IsDeleted?username=${due.username}`).expect(200);
            expect(isDeleted.body.result).toEqual({ isDeleted: true, deletionDate: t.clock.now().toISOString() });
            const login = await passwordGrant(t, due.username, STRONG_PASSWORD).expect(400);
            expect(login.body.error).toBe("invalid_grant");
            expect(await service.deleteDueIdentities()).toBe(0);
        } finally {
            t.clock.set(new Date());
        }
    });

    it("keeps an identity whose data removal fails, and deletes it on a later run", async () => {
        const identity = await createIdentity(t);
        await aStartedDeletionProcess(t, identity, 0);
        t.clock.advance(1000);
        let failing = true;
        t.app.get(DomainEvents).subscribe(IdentityDeleted, async (_manager, event) => {
            if (failing && event.address === identity.address) throw new Error("storage unavailable");
        });
        try {
            const service = t.app.get(IdentityDeletionService);
            expect(await service.deleteDueIdentities()).toBe(0);
            const db = t.app.get(DataSource);
            expect(await db.query("SELECT status FROM identities WHERE address = $1", [identity.address])).toEqual([
                { status: "ToBeDeleted" }
            ]);
            failing = false;
            expect(await service.deleteDueIdentities()).toBe(1);
            expect(await db.query("SELECT 1 FROM identities WHERE address = $1", [identity.address])).toEqual([]);
        } finally {
            t.clock.set(new Date());
        }
    });

    it("is harmless when two runs happen at once", async () => {
        const identities = await Promise.all([createIdentity(t), createIdentity(t), createIdentity(t)]);
        for (const identity of identities) await aStartedDeletionProcess(t, identity, 0);
        t.clock.advance(1000);
        try {
            const service = t.app.get(IdentityDeletionService);
            const [first, second] = await Promise.all([service.deleteDueIdentities(), service.deleteDueIdentities()]);
            expect(first + second).toBe(3);
        } finally {
            t.clock.set(new Date());
        }
    });
});
