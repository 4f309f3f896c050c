import { pairKey, Relationship, RelationshipStatus } from "./relationship.entity";

const A = "did:e:localhost:dids:aaaaaaaaaaaaaaaaaaaaaa";
const B = "did:e:localhost:dids:bbbbbbbbbbbbbbbbbbbbbb";
const now = new Date("2026-01-01T00:00:00.000Z");
const actor = (address: string) => ({ address, deviceId: "DVCaaaaaaaaaaaaaaaaa", now });
const code = (name: string) => expect.objectContaining({ code: `error.platform.validation.relationship.${name}` });

function pending(): Relationship {
    return Relationship.create({ templateId: "RLTaaaaaaaaaaaaaaaaa", from: A, to: B, creationContent: null, actor: actor(A) }).relationship;
}

function active(): Relationship {
    const r = pending();
    r.accept(actor(B), undefined);
    return r;
}

function terminated(): Relationship {
    const r = active();
    r.terminate(actor(A));
    return r;
}

describe("Relationship", () => {
    it("keys a pair independently of direction", () => {
        expect(pairKey(A, B)).toBe(pairKey(B, A));
        expect(pairKey(A, B)).not.toBe(pairKey(A, A));
    });

    it("starts Pending with a Creation entry and an event for the template owner", () => {
        const { relationship, effects } = Relationship.create({
            templateId: "RLTaaaaaaaaaaaaaaaaa",
            from: A,
            to: B,
            creationContent: null,
            actor: actor(A)
        });
        expect(relationship.status).toBe(RelationshipStatus.Pending);
        expect(relationship.auditLog).toEqual([
            expect.objectContaining({
                reason: "Creation",
                oldStatus: null,
                newStatus: "Pending",
                createdBy: A,
                createdAt: now.toISOString()
            })
        ]);
        expect(effects.event).toEqual({ owner: B, type: "RelationshipStatusChanged" });
    });

    it("refuses a relationship with oneself", () => {
        expect(() =>
            Relationship.create({ templateId: "RLTaaaaaaaaaaaaaaaaa", from: A, to: A, creationContent: null, actor: actor(A) })
        ).toThrow(code("cannotCreateRelationshipWithYourself"));
    });

    it("lets only the addressee accept and releases held-back messages", () => {
        const r = pending();
        expect(() => r.accept(actor(A), undefined)).toThrow(code("cannotAcceptOrRejectRelationshipAddressedToSomeoneElse"));
        const effects = r.accept(actor(B), Buffer.from("x"));
        expect(r.status).toBe("Active");
        expect(effects).toEqual({ event: { owner: A, type: "RelationshipStatusChanged" }, heldBackMessages: "release" });
    });

    it("drops held-back messages on rejection and revocation", () => {
        const rejected = pending();
        expect(rejected.reject(actor(B), undefined).heldBackMessages).toBe("drop");
        const revoked = pending();
        expect(() => revoked.revoke(actor(B), undefined)).toThrow(code("cannotRevokeRelationshipNotCreatedByYourself"));
        expect(revoked.revoke(actor(A), undefined)).toEqual({
            event: { owner: B, type: "RelationshipStatusChanged" },
            heldBackMessages: "drop"
        });
    });

    it.each([
        ["accept", (r: Relationship) => r.accept(actor(B), undefined)],
        ["reject", (r: Relationship) => r.reject(actor(B), undefined)],
        ["revoke", (r: Relationship) => r.revoke(actor(A), undefined)],
        ["terminate", (r: Relationship) => r.terminate(actor(A))],
        ["requestReactivation", (r: Relationship) => r.requestReactivation(actor(A))]
    ])("refuses %s in the wrong status", (_name, act) => {
        const r = pending();
        r.reject(actor(B), undefined);
        expect(() => act(r)).toThrow(code("relationshipIsNotInCorrectStatus"));
    });

    it("runs a reactivation: one open request at a time, accepted only by the peer", () => {
        const r = terminated();
        expect(r.requestReactivation(actor(A)).event).toEqual({ owner: B, type: "RelationshipReactivationRequested" });
        expect(() => r.requestReactivation(actor(B))).toThrow(code("cannotRequestReactivationWhenThereIsAnOpenReactivationRequest"));
        expect(() => r.acceptReactivation(actor(A))).toThrow(code("noAcceptableRelationshipReactivationRequestExists"));
        expect(() => r.revokeReactivation(actor(B))).toThrow(code("noRevocableReactivationRequestExists"));
        const effects = r.acceptReactivation(actor(B));
        expect(r.status).toBe("Active");
        expect(effects).toEqual({ event: { owner: A, type: "RelationshipReactivationCompleted" }, heldBackMessages: "release" });
        expect(r.auditLog.map((e) => e.reason)).toEqual([
            "Creation",
            "AcceptanceOfCreation",
            "Termination",
            "ReactivationRequested",
            "AcceptanceOfReactivation"
        ]);
    });

    it("closes a reactivation request by rejection or revocation without changing the status", () => {
        const r = terminated();
        r.requestReactivation(actor(A));
        expect(() => r.rejectReactivation(actor(A))).toThrow(code("noRejectableReactivationRequestExists"));
        expect(r.rejectReactivation(actor(B)).event).toEqual({ owner: A, type: "RelationshipReactivationCompleted" });
        expect(() => r.rejectReactivation(actor(B))).toThrow(code("noRejectableReactivationRequestExists"));
        r.requestReactivation(actor(B));
        expect(r.revokeReactivation(actor(B)).event).toEqual({ owner: A, type: "RelationshipReactivationCompleted" });
        expect(r.status).toBe("Terminated");
    });

    it("decomposes in two steps, once per participant, with an event only for the first", () => {
        const r = terminated();
        expect(r.decompose(actor(B))).toEqual({ event: { owner: A, type: "RelationshipStatusChanged" }, dropActorsUnsyncedMessages: true });
        expect(r.status).toBe("DeletionProposed");
        expect(r.hasDecomposed(B)).toBe(true);
        expect(() => r.decompose(actor(B))).toThrow(code("relationshipAlreadyDecomposed"));
        expect(r.decompose(actor(A))).toEqual({ dropActorsUnsyncedMessages: true });
        expect(r.status).toBe("ReadyForDeletion");
        expect(() => r.decompose(actor(A))).toThrow(code("relationshipAlreadyDecomposed"));
    });

    it("refuses to decompose a Pending or Active relationship", () => {
        expect(() => pending().decompose(actor(A))).toThrow(code("relationshipIsNotInCorrectStatus"));
        expect(() => active().decompose(actor(B))).toThrow(code("relationshipIsNotInCorrectStatus"));
    });
    describe("decomposition due to identity deletion", () => {
        const ANON = "did:e:localhost:dids:3a29ae5c1f591bbd9a2aaa";

        it.each([
            ["Pending", pending],
            ["Active", active],
            ["Terminated", terminated]
        ])("moves a %s relationship to DeletionProposed and tells the peer", (status, make) => {
            const r = make();
            const effects = r.decomposeDueToIdentityDeletion(B, now);
            expect(r.status).toBe(RelationshipStatus.DeletionProposed);
            expect(r.toHasDecomposed).toBe(true);
            expect(r.fromHasDecomposed).toBe(false);
            expect(effects.event).toEqual({ owner: A, type: "RelationshipStatusChanged" });
            expect(r.lastEntry).toMatchObject({
                reason: "DecompositionDueToIdentityDeletion",
                createdBy: B,
                createdByDevice: null,
                oldStatus: status
            });
        });

        it("finishes a decomposition of the peer with ReadyForDeletion and no event", () => {
            const r = terminated();
            r.decompose(actor(A));
            const effects = r.decomposeDueToIdentityDeletion(B, now);
            expect(r.status).toBe(RelationshipStatus.ReadyForDeletion);
            expect(effects.event).toBeUndefined();
        });

        it("changes nothing when the identity has decomposed already", () => {
            const r = terminated();
            r.decompose(actor(B));
            const entries = r.auditLog.length;
            expect(r.decomposeDueToIdentityDeletion(B, now)).toEqual({});
            expect(r.auditLog).toHaveLength(entries);
        });

        it("anonymises the participant in from/to and the audit log, and keeps the pair key", () => {
            const r = active();
            const pair = r.pair;
            r.decomposeDueToIdentityDeletion(A, now);
            r.anonymizeParticipant(A, ANON);
            expect([r.from, r.to]).toEqual([ANON, B]);
            expect(r.auditLog.map((e) => e.createdBy)).toEqual([ANON, B, ANON]);
            expect(r.hasDeletedParticipant).toBe(true);
            expect(r.pair).toBe(pair);
        });
    });
});
