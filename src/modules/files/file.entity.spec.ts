import { aFile, AN_UPLOADER, FILE_CONTENT } from "../../../test/factories/files";
import { EXPIRED_FILE_RETENTION_MS, FileMetadata, OWNERSHIP_TOKEN_PATTERN } from "./file.entity";

const now = new Date("2026-01-01T00:00:00.000Z");
const later = new Date(now.getTime() + 60 * 1000);
const CLAIMER = { address: "did:e:localhost:dids:bbbbbbbbbbbbbbbbbbbbbb", deviceId: "DVCbbbbbbbbbbbbbbbbb" };
const code = (suffix: string) => expect.objectContaining({ code: expect.stringContaining(suffix) });

describe("File", () => {
    describe("creation", () => {
        it("makes the uploader creator, modifier and owner, and stores only a hash of the ownership token", () => {
            const { file, ownershipToken } = aFile({ now });
            expect(file).toMatchObject({
                createdBy: AN_UPLOADER.address,
                createdByDevice: AN_UPLOADER.deviceId,
                modifiedBy: AN_UPLOADER.address,
                modifiedByDevice: AN_UPLOADER.deviceId,
                owner: AN_UPLOADER.address,
                createdAt: now,
                modifiedAt: now,
                ownershipIsLocked: false,
                lastOwnershipClaimAt: null,
                cipherSize: FILE_CONTENT.length
            });
            expect(ownershipToken).toMatch(OWNERSHIP_TOKEN_PATTERN);
            expect(ownershipToken).toHaveLength(20);
            expect(file.ownershipTokenHash.includes(Buffer.from(ownershipToken))).toBe(false);
            expect(file.ownershipTokenMatches(ownershipToken)).toBe(true);
        });

        it("refuses a SHA-512-long cipher hash that is not the content's, and takes a hash of another length as it is", () => {
            expect(() => aFile({ cipherHash: Buffer.alloc(64, 1) })).toThrow(code("invalidPropertyValue"));
            expect(aFile({ cipherHash: Buffer.alloc(32, 1) }).file.cipherHash).toEqual(Buffer.alloc(32, 1));
        });
    });

    describe("expiry", () => {
        it("is visible until it expires, then for nobody, its creator included", () => {
            const { file } = aFile({ now, expiresAt: later });
            expect(file.isVisible(new Date(later.getTime() - 1))).toBe(true);
            expect(file.isVisible(later)).toBe(false);
        });

        it("is kept 30 days after it expired", () => {
            expect(FileMetadata.retentionCutoff(now)).toEqual(new Date(now.getTime() - EXPIRED_FILE_RETENTION_MS));
        });
    });

    it("may be deleted only by its creator, also when another owns it", () => {
        const { file, ownershipToken } = aFile({ now });
        file.claimOwnership(CLAIMER, ownershipToken, later);
        expect(file.mayBeDeletedBy(AN_UPLOADER.address)).toBe(true);
        expect(file.mayBeDeletedBy(CLAIMER.address)).toBe(false);
    });

    describe("validating an ownership token", () => {
        it("accepts the right token and leaves a wrong one of the owner without consequences", () => {
            const { file, ownershipToken } = aFile({ now });
            expect(file.validateOwnershipToken(CLAIMER.address, ownershipToken)).toBe("valid");
            expect(file.validateOwnershipToken(AN_UPLOADER.address, "wrong")).toBe("invalid");
            expect(file.ownershipIsLocked).toBe(false);
        });

        it("locks the file on a wrong token from somebody else, and then validates nothing", () => {
            const { file, ownershipToken } = aFile({ now });
            expect(file.validateOwnershipToken(CLAIMER.address, "wrong")).toBe("lockedNow");
            expect(file.ownershipIsLocked).toBe(true);
            expect(file.validateOwnershipToken(CLAIMER.address, "wrong")).toBe("invalid");
            expect(file.validateOwnershipToken(CLAIMER.address, ownershipToken)).toBe("invalid");
        });
    });

    describe("claiming the ownership", () => {
        it("makes the claimer owner with a new token; the old token stops working", () => {
            const { file, ownershipToken } = aFile({ now });
            const claim = file.claimOwnership(CLAIMER, ownershipToken, later);
            expect(claim).toEqual({ outcome: "claimed", previousOwner: AN_UPLOADER.address, ownershipToken: expect.any(String) });
            expect(file).toMatchObject({
                owner: CLAIMER.address,
                lastOwnershipClaimAt: later,
                modifiedAt: later,
                modifiedBy: CLAIMER.address,
                modifiedByDevice: CLAIMER.deviceId
            });
            if (claim.outcome !== "claimed") throw new Error("not claimed");
            expect(file.ownershipTokenMatches(claim.ownershipToken)).toBe(true);
            expect(file.ownershipTokenMatches(ownershipToken)).toBe(false);
        });

        it("refuses the owner, locks on a wrong token and refuses a locked file even with the right token", () => {
            const { file, ownershipToken } = aFile({ now });
            expect(file.claimOwnership(AN_UPLOADER, ownershipToken, later)).toEqual({ outcome: "ownFile" });
            expect(file.claimOwnership(CLAIMER, "wrong", later)).toEqual({ outcome: "lockedNow" });
            expect(file.claimOwnership(CLAIMER, ownershipToken, later)).toEqual({ outcome: "locked" });
            expect(file.owner).toBe(AN_UPLOADER.address);
            expect(file.modifiedAt).toEqual(now);
        });
    });

    it("regenerating the token unlocks the ownership and replaces the token", () => {
        const { file, ownershipToken } = aFile({ now });
        file.validateOwnershipToken(CLAIMER.address, "wrong");
        const regenerated = file.regenerateOwnershipToken(AN_UPLOADER, later);
        expect(file.ownershipIsLocked).toBe(false);
        expect(file.ownershipTokenMatches(regenerated)).toBe(true);
        expect(file.ownershipTokenMatches(ownershipToken)).toBe(false);
        expect(file.modifiedAt).toEqual(later);
    });
});
