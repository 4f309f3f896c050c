import { RelationshipStatusChanged } from "../relationships/relationships.events";
import { effectsOfStatusChange } from "./synchronization.subscriptions";

const A = "did:e:localhost:dids:aaaaaaaaaaaaaaaaaaaaaa";
const B = "did:e:localhost:dids:bbbbbbbbbbbbbbbbbbbbbb";
const REL = "RELaaaaaaaaaaaaaaaaa";
const notifyB = { owner: B, type: "RelationshipStatusChanged" };

describe("the external events of a relationship's status change", () => {
    it("tells the peer of a new relationship", () => {
        expect(effectsOfStatusChange(new RelationshipStatusChanged(REL, A, B, null, "Pending"))).toEqual({ notify: notifyB });
    });

    it("releases the held-back messages when the relationship becomes Active", () => {
        expect(effectsOfStatusChange(new RelationshipStatusChanged(REL, A, B, "Pending", "Active"))).toEqual({
            notify: notifyB,
            heldBackMessages: "release"
        });
    });

    it.each(["Rejected", "Revoked"] as const)("drops the held-back messages when the relationship is %s", (status) => {
        expect(effectsOfStatusChange(new RelationshipStatusChanged(REL, A, B, "Pending", status))).toEqual({
            notify: notifyB,
            heldBackMessages: "drop"
        });
    });

    it("tells the peer of a termination and keeps held-back messages", () => {
        expect(effectsOfStatusChange(new RelationshipStatusChanged(REL, A, B, "Active", "Terminated"))).toEqual({ notify: notifyB });
    });

    it("drops the decomposing side's unsynced messages, and tells the peer only of the first decomposition", () => {
        expect(effectsOfStatusChange(new RelationshipStatusChanged(REL, A, B, "Terminated", "DeletionProposed"))).toEqual({
            notify: notifyB,
            dropUnsyncedMessagesOf: A
        });
        expect(effectsOfStatusChange(new RelationshipStatusChanged(REL, A, B, "DeletionProposed", "ReadyForDeletion"))).toEqual({
            dropUnsyncedMessagesOf: A
        });
    });

    it("means nothing when an identity's deletion re-announces its own earlier decomposition", () => {
        expect(effectsOfStatusChange(new RelationshipStatusChanged(REL, A, B, "DeletionProposed", "DeletionProposed", true))).toEqual({});
    });
});
