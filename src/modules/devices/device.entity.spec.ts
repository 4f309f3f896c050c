import { aDevice, AN_ADDRESS } from "../../../test/factories/identities";
import { Device } from "./device.entity";

const now = new Date("2026-01-01T00:00:00.000Z");
const MINUTE = 60 * 1000;
const code = (suffix: string) => expect.objectContaining({ code: expect.stringContaining(suffix) });

describe("Device", () => {
    describe("creation", () => {
        it("gets its own username; the first device of an identity counts as created by itself", () => {
            const device = aDevice({ now });
            expect(device).toMatchObject({
                id: expect.stringMatching(/^DVC[A-Za-z0-9]{17}$/),
                username: expect.stringMatching(/^USR[A-Za-z0-9]{17}$/),
                identityAddress: AN_ADDRESS,
                createdAt: now,
                lastLoginAt: null,
                failedLoginCount: 0,
                lockoutEndsAt: null
            });
            expect(device.createdByDevice).toBe(device.id);
            expect(aDevice({ createdByDevice: "DVCbbbbbbbbbbbbbbbbb" }).createdByDevice).toBe("DVCbbbbbbbbbbbbbbbbb");
        });

        it("checks the password policy and the communication language before the password is hashed", () => {
            expect(() => Device.checkRegistration("Str0ng-enough!", "de", "strong")).not.toThrow();
            expect(() => Device.checkRegistration("weak", "de", "strong")).toThrow(code("registrationFailed"));
            expect(() => Device.checkRegistration("weak", "de", "relaxed")).not.toThrow();
            expect(() => Device.checkRegistration("Str0ng-enough!", "xx", "strong")).toThrow(code("invalidDeviceCommunicationLanguage"));
            expect(() => Device.checkNewPassword("weak", "strong")).toThrow(code("changePasswordFailed"));
        });
    });

    describe("logging in", () => {
        it("locks the device out after the maximum of failed logins, for the lockout time", () => {
            const device = aDevice();
            device.recordFailedLogin(now, 2, 5 * MINUTE);
            expect(device.isLockedOut(now)).toBe(false);
            device.recordFailedLogin(now, 2, 5 * MINUTE);
            expect(device.isLockedOut(new Date(now.getTime() + 5 * MINUTE - 1))).toBe(true);
            expect(device.isLockedOut(new Date(now.getTime() + 5 * MINUTE))).toBe(false);
            expect(device.failedLoginCount).toBe(0);
        });

        it("is onboarded by its first login, which makes it no backup device any more", () => {
            const device = aDevice({ isBackupDevice: true });
            expect(device.isOnboarded).toBe(false);
            device.recordLogin(now);
            expect(device).toMatchObject({ isOnboarded: true, lastLoginAt: now, isBackupDevice: false });
        });
    });
});
