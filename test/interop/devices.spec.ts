import { BackboneCompatibilityController } from "@nmshd/transport";

import { useOfficialClientWorld } from "./official-client";

describe("the official client: identities and devices", () => {
    const world = useOfficialClientWorld();

    it("creates an identity whose address the client derived itself, and sees a compatible Backbone", async () => {
        const a = await world.account();
        expect(a.identity.address.toString()).toMatch(/^did:e:localhost:dids:[0-9a-f]{22}$/);
        const compatibility = await new BackboneCompatibilityController(world.transport.config).checkBackboneCompatibility();
        expect(compatibility.value.isCompatible).toBe(true);
        expect(Number(compatibility.value.backboneVersion)).toBe(7);
    });

    it("onboards a second and a third device that see the identity's datawallet", async () => {
        const a1 = await world.account();
        const d2 = await a1.devices.sendDevice({ name: "second", isAdmin: true });
        const d3 = await a1.devices.sendDevice({ name: "third", isAdmin: false });
        await a1.syncDatawallet();
        const a2 = await world.account(await a1.devices.getSharedSecret(d2.id));
        const a3 = await world.account(await a1.devices.getSharedSecret(d3.id));
        expect(a2.identity.address.equals(a1.identity.address)).toBe(true);
        expect(a3.identity.address.equals(a1.identity.address)).toBe(true);
        await a2.syncEverything();
        await a1.syncEverything();
        const names = (await a1.devices.list()).map((d) => d.name).sort();
        expect(names).toEqual(expect.arrayContaining(["second", "third"]));
        const fromA2 = (await a2.devices.list()).map((d) => d.id.toString()).sort();
        expect(fromA2).toEqual(expect.arrayContaining([d2.id.toString(), d3.id.toString()]));
    });

    it("keeps two devices in sync while both sync at the same time", async () => {
        const a1 = await world.account();
        const d2 = await a1.devices.sendDevice({ name: "parallel", isAdmin: true });
        await a1.syncDatawallet();
        const a2 = await world.account(await a1.devices.getSharedSecret(d2.id));
        await Promise.all(
            [a1.syncEverything(), a2.syncEverything(), a1.syncEverything(), a2.syncEverything()].map((p) => p.catch((e: Error) => e))
        );
        await a1.syncEverything();
        await a2.syncEverything();
        expect((await a2.devices.list()).length).toBe((await a1.devices.list()).length);
    });

    it("deletes a device that was never onboarded", async () => {
        const a1 = await world.account();
        const unused = await a1.devices.sendDevice({ name: "unused", isAdmin: false });
        await a1.devices.delete(unused);
        const ids = (await a1.devices.list()).map((d) => d.id.toString());
        expect(ids).not.toContain(unused.id.toString());
    });

    it("starts and cancels the deletion of an identity", async () => {
        const a = await world.account();
        const process = await a.identityDeletionProcess.initiateIdentityDeletionProcess();
        expect(process.status).toBe("Active");
        const cancelled = await a.identityDeletionProcess.cancelIdentityDeletionProcess(process.id.toString());
        expect(cancelled.status).toBe("Cancelled");
    });
});
