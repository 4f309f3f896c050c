import { AN_ADDRESS, anIdentityEntity } from "../../../test/factories/identities";
import { QUEUED_FOR_DELETION_TIER_ID } from "../../core/quotas/tiers";
import { IdentityStatus } from "./identities.events";

const now = new Date("2026-01-01T00:00:00.000Z");
const code = (suffix: string) => expect.objectContaining({ code: expect.stringContaining(suffix) });

describe("Identity", () => {
    it("starts active, in its client's default tier, without a deletion grace period", () => {
        expect(anIdentityEntity({ now, tierId: "TIRbasic" })).toMatchObject({
            address: AN_ADDRESS,
            status: IdentityStatus.Active,
            tierId: "TIRbasic",
            deletionGracePeriodEndsAt: null,
            createdAt: now
        });
    });

    describe("logging in", () => {
        it("is allowed until the end of the deletion grace period, and refused after it", () => {
            const identity = anIdentityEntity({ now });
            expect(identity.canLogIn(now)).toBe(true);
            identity.queueForDeletion(new Date(now.getTime() + 1000));
            expect(identity.canLogIn(new Date(now.getTime() + 1000))).toBe(true);
            expect(identity.isDueForDeletion(new Date(now.getTime() + 1000))).toBe(false);
            expect(identity.canLogIn(new Date(now.getTime() + 1001))).toBe(false);
            expect(identity.isDueForDeletion(new Date(now.getTime() + 1001))).toBe(true);
        });
    });

    describe("deletion", () => {
        it("queues it for deletion in the 'Queued for Deletion' tier, and restores its tier on cancellation", () => {
            const identity = anIdentityEntity({ tierId: "TIRbasic" });
            const gracePeriodEndsAt = new Date(now.getTime() + 14 * 24 * 60 * 60 * 1000);
            identity.queueForDeletion(gracePeriodEndsAt);
            expect(identity).toMatchObject({
                status: IdentityStatus.ToBeDeleted,
                deletionGracePeriodEndsAt: gracePeriodEndsAt,
                tierId: QUEUED_FOR_DELETION_TIER_ID
            });
            identity.restore("TIRbasic");
            expect(identity).toMatchObject({ status: IdentityStatus.Active, deletionGracePeriodEndsAt: null, tierId: "TIRbasic" });
        });
    });

    describe("changing the tier", () => {
        it("changes nothing when the tier stays the same", () => {
            expect(anIdentityEntity({ tierId: "TIRbasic" }).changesTier("TIRbasic")).toBe(false);
            expect(anIdentityEntity({ tierId: "TIRbasic" }).changesTier("TIRpremium")).toBe(true);
        });

        it("never moves an identity into or out of the 'Queued for Deletion' tier", () => {
            expect(() => anIdentityEntity({ tierId: "TIRbasic" }).changesTier(QUEUED_FOR_DELETION_TIER_ID)).toThrow(
                code("queuedForDeletionTierCannotBeManuallyAssignedOrUnassigned")
            );
            const queued = anIdentityEntity();
            queued.queueForDeletion(new Date(now.getTime() + 1000));
            expect(() => queued.changesTier("TIRbasic")).toThrow(code("queuedForDeletionTierCannotBeManuallyAssignedOrUnassigned"));
        });
    });
});
