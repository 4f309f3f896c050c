import { pairKey, Relationship } from "./relationship.entity";
import {
    RelationshipReactivationCompleted,
    RelationshipReactivationRequested,
    RelationshipStatus,
    RelationshipStatusChanged
} from "./relationships.events";

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

    it("starts Pending with a Creation entry and announces it", () => {
        const { relationship, events } = Relationship.create({
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
        expect(events).toEqual([new RelationshipStatusChanged(relationship.id, A, B, null, "Pending")]);
    });

    it("refuses a relationship with oneself", () => {
        expect(() =>
            Relationship.create({ templateId: "RLTaaaaaaaaaaaaaaaaa", from: A, to: A, creationContent: null, actor: actor(A) })
        ).toThrow(code("cannotCreateRelationshipWithYourself"));
    });

    it("lets only the addressee accept and announces the change to the requester", () => {
        const r = pending();
        expect(() => r.accept(actor(A), undefined)).toThrow(code("cannotAcceptOrRejectRelationshipAddressedToSomeoneElse"));
        const events = r.accept(actor(B), Buffer.from("x"));
        expect(r.status).toBe("Active");
        expect(events).toEqual([new RelationshipStatusChanged(r.id, B, A, "Pending", "Active")]);
    });

    it("lets the addressee reject and only the requester revoke", () => {
        const rejected = pending();
        expect(rejected.reject(actor(B), undefined)).toEqual([new RelationshipStatusChanged(rejected.id, B, A, "Pending", "Rejected")]);
        const revoked = pending();
        expect(() => revoked.revoke(actor(B), undefined)).toThrow(code("cannotRevokeRelationshipNotCreatedByYourself"));
        expect(revoked.revoke(actor(A), undefined)).toEqual([new RelationshipStatusChanged(revoked.id, A, B, "Pending", "Revoked")]);
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
        expect(r.requestReactivation(actor(A))).toEqual([new RelationshipReactivationRequested(r.id, A, B)]);
        expect(() => r.requestReactivation(actor(B))).toThrow(code("cannotRequestReactivationWhenThereIsAnOpenReactivationRequest"));
        expect(() => r.acceptReactivation(actor(A))).toThrow(code("noAcceptableRelationshipReactivationRequestExists"));
        expect(() => r.revokeReactivation(actor(B))).toThrow(code("noRevocableReactivationRequestExists"));
        const events = r.acceptReactivation(actor(B));
        expect(r.status).toBe("Active");
        expect(events).toEqual([new RelationshipReactivationCompleted(r.id, B, A, "Active")]);
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
        expect(r.rejectReactivation(actor(B))).toEqual([new RelationshipReactivationCompleted(r.id, B, A, "Terminated")]);
        expect(() => r.rejectReactivation(actor(B))).toThrow(code("noRejectableReactivationRequestExists"));
        r.requestReactivation(actor(B));
        expect(r.revokeReactivation(actor(B))).toEqual([new RelationshipReactivationCompleted(r.id, B, A, "Terminated")]);
        expect(r.status).toBe("Terminated");
    });

    it("decomposes in two steps, once per participant", () => {
        const r = terminated();
        expect(r.decompose(actor(B))).toEqual([new RelationshipStatusChanged(r.id, B, A, "Terminated", "DeletionProposed")]);
        expect(r.status).toBe("DeletionProposed");
        expect(r.hasDecomposed(B)).toBe(true);
        expect(() => r.decompose(actor(B))).toThrow(code("relationshipAlreadyDecomposed"));
        expect(r.decompose(actor(A))).toEqual([new RelationshipStatusChanged(r.id, A, B, "DeletionProposed", "ReadyForDeletion")]);
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
        ])("moves a %s relationship to DeletionProposed", (status, make) => {
            const r = make();
            const events = r.decomposeDueToIdentityDeletion(B, now);
            expect(r.status).toBe(RelationshipStatus.DeletionProposed);
            expect(r.toHasDecomposed).toBe(true);
            expect(r.fromHasDecomposed).toBe(false);
            expect(events).toEqual([new RelationshipStatusChanged(r.id, B, A, status as RelationshipStatus, "DeletionProposed", true)]);
            expect(r.lastEntry).toMatchObject({
                reason: "DecompositionDueToIdentityDeletion",
                createdBy: B,
                createdByDevice: null,
                oldStatus: status
            });
        });

        it("finishes a decomposition of the peer with ReadyForDeletion", () => {
            const r = terminated();
            r.decompose(actor(A));
            const events = r.decomposeDueToIdentityDeletion(B, now);
            expect(r.status).toBe(RelationshipStatus.ReadyForDeletion);
            expect(events).toEqual([new RelationshipStatusChanged(r.id, B, A, "DeletionProposed", "ReadyForDeletion", true)]);
        });

        it("changes nothing when the identity has decomposed already, and still announces the deletion", () => {
            const r = terminated();
            r.decompose(actor(B));
            const entries = r.auditLog.length;
            expect(r.decomposeDueToIdentityDeletion(B, now)).toEqual([
                new RelationshipStatusChanged(r.id, B, A, "DeletionProposed", "DeletionProposed", true)
            ]);
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
