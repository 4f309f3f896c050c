import { type PushMessage, PushNotificationSender, type PushTarget } from "../../src/modules/push-notifications/push-notification-sender";
import { establishRelationship, eventsOf, put, requestRelationship } from "../factories/relationships";
import { expectError } from "../support/errors";
import { createIdentity, type TestIdentity } from "../support/identities";
import { startTestApp, type TestApp } from "../support/test-app";

describe("notifications", () => {
    let t: TestApp;
    let sent: Array<{ target: PushTarget; message: PushMessage }>;

    beforeAll(async () => {
        t = await startTestApp();
        const sender = t.app.get(PushNotificationSender, { strict: false });
        jest.spyOn(sender, "send").mockImplementation(async (target, message) => {
            sent.push({ target, message });
            return "sent";
        });
    });
    beforeEach(() => {
        sent = [];
    });
    afterAll(async () => await t.close());

    async function registerPush(who: TestIdentity, language?: string): Promise<void> {
        if (language)
            await t.http.put("/api/v2/Devices/Self").set("authorization", who.auth).send({ communicationLanguage: language }).expect(204);
        await t.http
            .put("/api/v2/Devices/Self/PushNotifications")
            .set("authorization", who.auth)
            .send({ platform: "fcm", handle: `handle-of-${who.deviceId}`, appId: "eu.enmeshed.app" })
            .expect(200);
    }

    const notify = (who: TestIdentity, body: object) => t.http.post("/api/v2/Notifications").set("authorization", who.auth).send(body);

    describe("POST /api/v2/Notifications", () => {
        let sender: TestIdentity;
        let active: TestIdentity;
        let pending: TestIdentity;
        let terminated: TestIdentity;
        let rejected: TestIdentity;
        let stranger: TestIdentity;

        beforeAll(async () => {
            [sender, active, pending, terminated, rejected, stranger] = await Promise.all(
                Array.from({ length: 6 }, () => createIdentity(t))
            );
            await establishRelationship(t, sender, active);
            await requestRelationship(t, sender, pending);
            const terminatedId = await establishRelationship(t, sender, terminated);
            await put(t, terminated, `${terminatedId}/Terminate`, 200);
            const rejectedId = await requestRelationship(t, sender, rejected);
            await put(t, rejected, `${rejectedId}/Reject`, 200);
            await registerPush(active, "de");
            await registerPush(pending);
            await registerPush(terminated);
            await registerPush(rejected);
        });

        it("pushes the configured text in each device's language to recipients with a Pending, Active or Terminated relationship", async () => {
            const eventsBefore = (await eventsOf(t, active.address)).length;
            const response = await notify(sender, {
                recipients: [active.address, pending.address, terminated.address, active.address],
                code: "TestCode"
            }).expect(204);
            expect(await eventsOf(t, active.address)).toHaveLength(eventsBefore);
            expect(response.text).toBe("");
            const byDevice = new Map(sent.map((s) => [s.target.deviceId, s.message]));
            expect(sent).toHaveLength(3);
            expect(byDevice.get(active.deviceId)).toMatchObject({
                eventName: "Notification",
                title: "Testbenachrichtigung",
                body: "Dies ist eine Testbenachrichtigung.",
                tag: "notification_TestCode",
                content: { accRef: active.address, eventName: "Notification", payload: {} }
            });
            for (const english of [pending, terminated]) {
                expect(byDevice.get(english.deviceId)).toMatchObject({
                    title: "Test notification",
                    body: "This is a test notification.",
                    tag: "notification_TestCode"
                });
            }
        });

        it.each([
            [
                "an unknown code",
                () => ({ recipients: [active.address], code: "NoSuchCode" }),
                "error.platform.validation.notification.codeDoesNotExist"
            ],
            [
                "a recipient without relationship",
                () => ({ recipients: [active.address, stranger.address], code: "TestCode" }),
                "error.platform.validation.notification.noRelationshipToOneOrMoreRecipientsExists"
            ],
            [
                "a recipient whose youngest relationship is Rejected",
                () => ({ recipients: [rejected.address], code: "TestCode" }),
                "error.platform.validation.notification.relationshipToRecipientIsNotInCorrectStatus"
            ],
            ["no recipients", () => ({ recipients: [], code: "TestCode" }), "error.platform.validation.invalidPropertyValue"],
            [
                "an invalid address",
                () => ({ recipients: ["did:e:localhost:dids:0000"], code: "TestCode" }),
                "error.platform.validation.invalidPropertyValue"
            ],
            [
                "more than 100 recipients",
                () => ({ recipients: Array.from({ length: 101 }, () => active.address), code: "TestCode" }),
                "error.platform.validation.invalidPropertyValue"
            ],
            ["an empty code", () => ({ recipients: [active.address], code: "" }), "error.platform.validation.invalidPropertyValue"],
            ["a missing code", () => ({ recipients: [active.address] }), "error.platform.inputCannotBeParsed"]
        ])("answers 400 for %s and sends nothing", async (_name, body, code) => {
            const response = await notify(sender, body()).expect(400);
            expect(response.body.error.code).toBe(code);
            expect(sent).toEqual([]);
        });

        it("needs a bearer token", async () => {
            await t.http
                .post("/api/v2/Notifications")
                .send({ recipients: [active.address], code: "TestCode" })
                .expect(401);
        });
    });

    describe("POST /api/v2/Devices/Self/PushNotifications/SendTestNotification", () => {
        const path = "/api/v2/Devices/Self/PushNotifications/SendTestNotification";

        it("pushes Test with the sent data to every registered device of the caller", async () => {
            const identity = await createIdentity(t);
            const other = await createIdentity(t);
            await registerPush(identity);
            await registerPush(other);
            await t.http.post(path).set("authorization", identity.auth).send({ greeting: "hello", n: 1 }).expect(204);
            expect(sent).toHaveLength(1);
            expect(sent[0]!.target.deviceId).toBe(identity.deviceId);
            expect(sent[0]!.message).toMatchObject({
                eventName: "Test",
                content: { accRef: identity.address, eventName: "Test", payload: { data: { greeting: "hello", n: 1 } } }
            });

            sent = [];
            await t.http
                .post(path)
                .set("authorization", identity.auth)
                .set("content-type", "application/json")
                .send('"just text"')
                .expect(204);
            expect(sent[0]!.message.content.payload).toEqual({ data: "just text" });
        });

        it("answers 400 for a null body and 401 without a token", async () => {
            const identity = await createIdentity(t);
            await expectError(
                t.http.post(path).set("authorization", identity.auth).set("content-type", "application/json").send("null"),
                400,
                "error.platform.inputCannotBeParsed"
            );
            await t.http.post(path).send({ a: 1 }).expect(401);
            expect(sent).toEqual([]);
        });
    });
});
