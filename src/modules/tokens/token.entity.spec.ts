import { A_CREATOR, aToken } from "../../../test/factories/tokens";
import { EXPIRED_TOKEN_RETENTION_MS, hashTokenPassword, MAX_FAILED_PASSWORD_ATTEMPTS, Token } from "./token.entity";

const now = new Date("2026-01-01T00:00:00.000Z");
const MINUTE = 60 * 1000;
const READER = "did:e:localhost:dids:bbbbbbbbbbbbbbbbbbbbbb";
const OTHER = "did:e:localhost:dids:cccccccccccccccccccccc";
const PASSWORD = Buffer.from("a password hashed by the client");
const code = (suffix: string) => expect.objectContaining({ code: expect.stringContaining(suffix) });

describe("Token", () => {
    describe("creation", () => {
        it("records the creator, the expiry and a hash of the password, never the password", () => {
            const token = aToken({ now, password: PASSWORD, forIdentity: READER });
            expect(token).toMatchObject({
                id: expect.stringMatching(/^TOK[A-Za-z0-9]{17}$/),
                createdBy: A_CREATOR.address,
                createdByDevice: A_CREATOR.deviceId,
                forIdentity: READER,
                createdAt: now,
                failedPasswordAttempts: 0
            });
            expect(token.passwordHash).toEqual(hashTokenPassword(PASSWORD));
            expect(token.isPasswordProtected).toBe(true);
        });

        it("refuses content from an anonymous caller", () => {
            expect(() => aToken({ createdBy: undefined, now, expiresAt: new Date(now.getTime() + MINUTE) })).toThrow(
                code("invalidPropertyValue")
            );
        });

        it("lets an anonymous caller create an empty token that lives less than five minutes, and no longer one", () => {
            const empty = { createdBy: undefined, content: null, now };
            expect(aToken({ ...empty, expiresAt: new Date(now.getTime() + 5 * MINUTE - 1) }).createdBy).toBeNull();
            expect(() => aToken({ ...empty, expiresAt: new Date(now.getTime() + 5 * MINUTE) })).toThrow(code("invalidPropertyValue"));
        });
    });

    describe("reading", () => {
        it("grants its creator access at any time, also expired and locked", () => {
            const token = aToken({ now, failedPasswordAttempts: MAX_FAILED_PASSWORD_ATTEMPTS });
            const later = new Date(token.expiresAt.getTime() + 1);
            expect(token.access({ address: A_CREATOR.address, hasAllocation: false, now: later })).toBe("granted");
        });

        it("grants an identity that holds an allocation access after expiry", () => {
            const token = aToken({ now });
            const later = new Date(token.expiresAt.getTime() + 1);
            expect(token.access({ address: READER, hasAllocation: true, now: later })).toBe("granted");
            expect(token.access({ address: READER, hasAllocation: false, now: later })).toBe("notFound");
        });

        it("allocates it to an authenticated reader, not to an anonymous one", () => {
            const token = aToken({ now });
            expect(token.access({ address: READER, hasAllocation: false, now })).toBe("grantedWithAllocation");
            expect(token.access({ hasAllocation: false, now })).toBe("granted");
        });

        it("hides a personalised token from everybody but its target and creator", () => {
            const token = aToken({ now, forIdentity: READER });
            expect(token.access({ address: OTHER, hasAllocation: false, now })).toBe("notFound");
            expect(token.access({ hasAllocation: false, now })).toBe("notFound");
            expect(token.access({ address: READER, hasAllocation: false, now })).toBe("grantedWithAllocation");
        });

        it("asks for the password, and tells a locked token apart before checking it", () => {
            const token = aToken({ now, password: PASSWORD });
            expect(token.access({ address: READER, hasAllocation: false, now })).toBe("wrongPassword");
            expect(token.access({ address: READER, hasAllocation: false, password: Buffer.from("wrong"), now })).toBe("wrongPassword");
            expect(token.access({ address: READER, hasAllocation: false, password: PASSWORD, now })).toBe("grantedWithAllocation");
            token.failedPasswordAttempts = MAX_FAILED_PASSWORD_ATTEMPTS;
            expect(token.access({ address: READER, hasAllocation: false, password: PASSWORD, now })).toBe("locked");
        });
    });

    describe("failed password attempts", () => {
        it("counts them, locks at the hundredth and then stays locked", () => {
            const token = aToken({ now, password: PASSWORD });
            expect(token.registerFailedPasswordAttempt(1)).toBe("counted");
            expect(token.registerFailedPasswordAttempt(MAX_FAILED_PASSWORD_ATTEMPTS - 1)).toBe("counted");
            expect(token.isLocked).toBe(false);
            expect(token.registerFailedPasswordAttempt(MAX_FAILED_PASSWORD_ATTEMPTS)).toBe("lockedNow");
            expect(token.isLocked).toBe(true);
            expect(token.registerFailedPasswordAttempt(undefined)).toBe("wasLocked");
        });
    });

    describe("filling an empty token", () => {
        it("lets anybody who may see it fill it once, and makes the filler its creator", () => {
            const token = aToken({ createdBy: undefined, content: null, now, expiresAt: new Date(now.getTime() + MINUTE) });
            expect(token.contentUpdate(READER, undefined, now)).toBe("allowed");
            token.fill(Buffer.from("content"), { address: READER, deviceId: "DVCbbbbbbbbbbbbbbbbb" });
            expect(token).toMatchObject({ createdBy: READER, createdByDevice: "DVCbbbbbbbbbbbbbbbbb" });
            expect(token.contentUpdate(OTHER, undefined, now)).toBe("hasContent");
        });

        it("refuses an expired, hidden, locked or password-protected token without the password", () => {
            const expired = aToken({ createdBy: undefined, content: null, now, expiresAt: new Date(now.getTime() + MINUTE) });
            expect(expired.contentUpdate(READER, undefined, new Date(now.getTime() + 2 * MINUTE))).toBe("notFound");
            expect(aToken({ content: null, now, forIdentity: OTHER }).contentUpdate(READER, undefined, now)).toBe("notFound");
            expect(
                aToken({ content: null, now, failedPasswordAttempts: MAX_FAILED_PASSWORD_ATTEMPTS }).contentUpdate(READER, undefined, now)
            ).toBe("locked");
            expect(aToken({ content: null, now, password: PASSWORD }).contentUpdate(READER, undefined, now)).toBe("wrongPassword");
        });
    });

    it("is kept 30 days after it expired", () => {
        expect(Token.retentionCutoff(now)).toEqual(new Date(now.getTime() - EXPIRED_TOKEN_RETENTION_MS));
    });
});
