import { aDeletionProcess, AN_ADDRESS } from "../../../test/factories/identities";
import { IdentityDeletionProcess } from "./deletion-process.entity";
import { DeletionProcessAuditLogEntry } from "./deletion-process-audit-log.entity";
import { DeletionAuditLogMessageKey, DeletionProcessStatus } from "./identities.events";

const now = new Date("2026-01-01T00:00:00.000Z");
const DAY = 24 * 60 * 60 * 1000;
const OWNER = { kind: "owner", deviceId: "DVCbbbbbbbbbbbbbbbbb" } as const;
const SUPPORT = { kind: "support" } as const;
const code = (suffix: string) => expect.objectContaining({ code: expect.stringContaining(suffix) });

describe("IdentityDeletionProcess", () => {
    describe("start", () => {
        it("is active at once, ends its grace period after the given days and keeps the tier to restore", () => {
            const process = aDeletionProcess({ now, lengthOfGracePeriodInDays: 3, previousTierId: "TIRbasic", initiator: OWNER });
            expect(process).toMatchObject({
                id: expect.stringMatching(/^IDP[A-Za-z0-9]{17}$/),
                identityAddress: AN_ADDRESS,
                status: DeletionProcessStatus.Active,
                createdAt: now,
                createdByDevice: OWNER.deviceId,
                gracePeriodEndsAt: new Date(now.getTime() + 3 * DAY),
                cancelledAt: null,
                previousTierId: "TIRbasic"
            });
            expect(process.isOpen).toBe(true);
        });

        it("names no device when support starts it, and says who started it in the audit log", () => {
            expect(aDeletionProcess({ initiator: SUPPORT }).createdByDevice).toBeNull();
            expect(IdentityDeletionProcess.started(OWNER).messageKey).toBe(DeletionAuditLogMessageKey.StartedByOwner);
            expect(IdentityDeletionProcess.started(SUPPORT)).toEqual({
                oldStatus: null,
                newStatus: DeletionProcessStatus.Active,
                messageKey: DeletionAuditLogMessageKey.StartedBySupport
            });
        });
    });

    describe("cancellation", () => {
        it("lets the owner cancel during the grace period, and records by whom", () => {
            const process = aDeletionProcess({ now });
            const change = process.cancel(OWNER, new Date(now.getTime() + DAY));
            expect(change).toEqual({
                oldStatus: DeletionProcessStatus.Active,
                newStatus: DeletionProcessStatus.Cancelled,
                messageKey: DeletionAuditLogMessageKey.CancelledByOwner
            });
            expect(process).toMatchObject({
                status: DeletionProcessStatus.Cancelled,
                cancelledAt: new Date(now.getTime() + DAY),
                cancelledByDevice: OWNER.deviceId,
                gracePeriodEndsAt: null
            });
            expect(process.isOpen).toBe(false);
        });

        it("refuses the owner after the grace period, but not support", () => {
            const after = new Date(now.getTime() + 15 * DAY);
            expect(() => aDeletionProcess({ now }).cancel(OWNER, after)).toThrow(code("gracePeriodHasAlreadyExpired"));
            const bySupport = aDeletionProcess({ now });
            expect(bySupport.cancel(SUPPORT, after).messageKey).toBe(DeletionAuditLogMessageKey.CancelledBySupport);
            expect(bySupport.cancelledByDevice).toBeNull();
        });

        it("refuses a process that is not active any more", () => {
            const cancelled = aDeletionProcess({ now });
            cancelled.cancel(OWNER, now);
            expect(() => cancelled.cancel(OWNER, now)).toThrow(code("deletionProcessIsNotInRequiredStatus"));
            const deleting = aDeletionProcess({ now });
            deleting.beginDeletion();
            expect(() => deleting.cancel(SUPPORT, now)).toThrow(code("deletionProcessIsNotInRequiredStatus"));
        });
    });

    describe("deletion", () => {
        it("moves an active process to Deleting once, then completes it", () => {
            const process = aDeletionProcess({ now });
            expect(process.beginDeletion()).toEqual({
                oldStatus: DeletionProcessStatus.Active,
                newStatus: DeletionProcessStatus.Deleting,
                messageKey: DeletionAuditLogMessageKey.DeletionStarted
            });
            expect(process.status).toBe(DeletionProcessStatus.Deleting);
            expect(process.isOpen).toBe(true);
            expect(process.beginDeletion()).toBeNull();
            expect(IdentityDeletionProcess.completed()).toEqual({
                oldStatus: DeletionProcessStatus.Deleting,
                newStatus: null,
                messageKey: DeletionAuditLogMessageKey.DeletionCompleted
            });
        });
    });

    it("is named in the audit log by the SHA-256 of the address only", () => {
        const process = aDeletionProcess({ now });
        const entry = DeletionProcessAuditLogEntry.of(process, IdentityDeletionProcess.started(OWNER), now);
        expect(entry).toMatchObject({ id: expect.stringMatching(/^IDA/), deletionProcessId: process.id, createdAt: now });
        expect(entry.identityAddressHash).toMatch(/^[0-9a-f]{64}$/);
        expect(JSON.stringify(entry)).not.toContain(AN_ADDRESS);
    });
});
