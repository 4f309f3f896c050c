import { expectError } from "../support/errors";
import { createIdentity } from "../support/identities";
import { useTestApp } from "../support/test-app";

describe("PUT/DELETE /api/v2/Devices/Self/PushNotifications", () => {
    const t = useTestApp();

    const valid = { platform: "fcm", handle: "a-device-token-0123456789", appId: "eu.enmeshed.app", environment: "Development" };

    it("keeps the devicePushIdentifier of a registration across updates and issues a new one after deletion", async () => {
        const identity = await createIdentity(t);
        const first = await t.http
            .put("/api/v2/Devices/Self/PushNotifications")
            .set("authorization", identity.auth)
            .send(valid)
            .expect(200);
        const dpi = first.body.result.devicePushIdentifier;
        expect(dpi).toMatch(/^DPI[A-Za-z0-9]{17}$/);
        const updated = await t.http
            .put("/api/v2/Devices/Self/PushNotifications")
            .set("authorization", identity.auth)
            .send({ ...valid, platform: "apns", handle: "another-token-0123456789" })
            .expect(200);
        expect(updated.body.result.devicePushIdentifier).toBe(dpi);
        await t.http.delete("/api/v2/Devices/Self/PushNotifications").set("authorization", identity.auth).expect(204);
        await t.http.delete("/api/v2/Devices/Self/PushNotifications").set("authorization", identity.auth).expect(204);
        const again = await t.http
            .put("/api/v2/Devices/Self/PushNotifications")
            .set("authorization", identity.auth)
            .send(valid)
            .expect(200);
        expect(again.body.result.devicePushIdentifier).not.toBe(dpi);
    });

    it("accepts the sse and dummy platforms", async () => {
        const identity = await createIdentity(t);
        for (const platform of ["sse", "dummy"]) {
            await t.http
                .put("/api/v2/Devices/Self/PushNotifications")
                .set("authorization", identity.auth)
                .send({ ...valid, platform })
                .expect(200);
        }
    });

    it.each([
        ["an unknown platform", { platform: "gcm" }, "error.platform.validation.invalidPnsPlatform"],
        ["a handle shorter than 10 characters", { handle: "short" }, "error.platform.validation.invalidPropertyValue"],
        ["a handle longer than 500 characters", { handle: "h".repeat(501) }, "error.platform.validation.invalidPropertyValue"],
        ["a missing handle", { handle: undefined }, "error.platform.inputCannotBeParsed"],
        ["an empty appId", { appId: "" }, "error.platform.validation.invalidPropertyValue"],
        ["an unknown environment", { environment: "Staging" }, "error.platform.validation.invalidPropertyValue"]
    ])("answers 400 for %s", async (_name, change, code) => {
        const identity = await createIdentity(t);
        await expectError(
            t.http
                .put("/api/v2/Devices/Self/PushNotifications")
                .set("authorization", identity.auth)
                .send({ ...valid, ...change }),
            400,
            code
        );
    });

    it("needs a bearer token", async () => {
        await t.http.put("/api/v2/Devices/Self/PushNotifications").send(valid).expect(401);
    });
});
