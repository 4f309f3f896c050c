import { Serializable } from "@js-soft/ts-serval";
import { CoreDate } from "@nmshd/core-types";
import { type AccountController, PeerDeletionStatus, type Relationship } from "@nmshd/transport";

import { anonymizedAddress } from "../../src/core/crypto/identity-address";
import { IdentityDeletionService } from "../../src/modules/identities/identity-deletion.service";
import { syncUntil, useOfficialClientWorld } from "./official-client";

/** `peer` asks for a relationship from a template of `a`, and `a` accepts it. */
async function connect(baseUrl: string, a: AccountController, peer: AccountController): Promise<Relationship> {
    const template = await a.relationshipTemplates.sendRelationshipTemplate({
        content: Serializable.fromAny({ greeting: "hello" }),
        expiresAt: CoreDate.utc().add({ minutes: 5 }),
        maxNumberOfAllocations: 1
    });
    const peerTemplate = await peer.relationshipTemplates.loadPeerRelationshipTemplateByReference(
        template.toRelationshipTemplateReference(baseUrl)
    );
    const requested = await peer.relationships.sendRelationship({
        template: peerTemplate,
        creationContent: Serializable.fromAny({ hello: "there" })
    });
    const incoming = await syncUntil(a, (seen) => seen.flatMap((s) => s.relationships).find((r) => r.id.equals(requested.id)));
    await a.relationships.accept(incoming.id);
    await syncUntil(peer, (seen) => seen.flatMap((s) => s.relationships).find((r) => r.id.equals(requested.id) && r.status === "Active"));
    return requested;
}

/** Syncs `a` until `relationship` shows its peer as ToBeDeleted; the relationship as synchronised. */
async function syncUntilPeerToBeDeleted(a: AccountController, relationship: Relationship): Promise<Relationship> {
    return await syncUntil(a, (seen) =>
        seen
            .flatMap((s) => s.relationships)
            .find((r) => r.id.equals(relationship.id) && r.peerDeletionInfo?.deletionStatus === PeerDeletionStatus.ToBeDeleted)
    );
}

describe("the official client: identity deletion of a peer", () => {
    const world = useOfficialClientWorld();

    /**
     * Two connected accounts; `b` starts its deletion with `days` of grace, and `a` learns by synchronising that its
     * peer will be deleted at the end of the grace period.
     */
    async function peerStartsDeletion(days: number) {
        const a = await world.account();
        const b = await world.account();
        const relationship = await connect(world.backbone.baseUrl!, a, b);
        const process = await b.identityDeletionProcess.initiateIdentityDeletionProcess(days);
        const toBeDeleted = await syncUntilPeerToBeDeleted(a, relationship);
        expect(toBeDeleted.peerDeletionInfo!.deletionDate.equals(process.gracePeriodEndsAt!)).toBe(true);
        return { a, b, relationship, process };
    }

    it("the peer learns that the identity will be deleted, and that it cancelled", async () => {
        const { a, b, relationship, process } = await peerStartsDeletion(5);

        await b.identityDeletionProcess.cancelIdentityDeletionProcess(process.id.toString());
        const cancelled = await syncUntil(a, (seen) =>
            seen.flatMap((s) => s.relationships).find((r) => r.id.equals(relationship.id) && r.peerDeletionInfo === undefined)
        );
        expect(cancelled.status).toBe("Active");
        expect((await a.relationships.getRelationship(relationship.id))!.peerDeletionInfo).toBeUndefined();
    });

    it("after the deletion job the peer's relationship is DeletionProposed and the peer is marked deleted", async () => {
        const { a, relationship } = await peerStartsDeletion(0);

        world.backbone.clock.advance(1000);
        try {
            expect(await world.backbone.app.get(IdentityDeletionService).deleteDueIdentities()).toBe(1);
        } finally {
            world.backbone.clock.set(new Date());
        }
        const proposed = await syncUntil(a, (seen) =>
            seen.flatMap((s) => s.relationships).find((r) => r.id.equals(relationship.id) && r.status === "DeletionProposed")
        );
        expect(proposed.peerDeletionInfo?.deletionStatus).toBe(PeerDeletionStatus.Deleted);
        const stored = (await a.relationships.getRelationship(relationship.id))!;
        expect(stored.status).toBe("DeletionProposed");
        expect(stored.peerDeletionInfo?.deletionStatus).toBe(PeerDeletionStatus.Deleted);
        // The last audit-log entry is the decomposition on the deleted identity's behalf, by the anonymised address.
        const last = stored.auditLog.at(-1)!;
        expect(last.reason).toBe("DecompositionDueToIdentityDeletion");
        expect(last.createdBy.toString()).toBe(anonymizedAddress(world.backbone.config.DID_DOMAIN));

        // A can finish the decomposition from its side.
        await a.relationships.decompose(relationship.id);
        expect(await a.relationships.getRelationship(relationship.id)).toBeUndefined();
    });
});
