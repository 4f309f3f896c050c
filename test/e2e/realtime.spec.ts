import { get, type IncomingMessage } from "node:http";

import { DataSource } from "typeorm";

import { type PushMessage, PushNotificationSender, type PushTarget } from "../../src/modules/push-notifications/push-notification-sender";
import { ExternalEventsListener } from "../../src/modules/synchronization/external-events.listener";
import { createIdentity, type TestIdentity } from "../support/identities";
import {
    addDevice,
    createDatawallet,
    DATAWALLET_HEADER,
    modification,
    postModifications,
    recordEventRolledBack,
    recordEvents
} from "../support/sync";
import { startTestApp, type TestApp } from "../support/test-app";

/** An open SSE stream whose text can be awaited. */
class SseClient {
    private text = "";
    private waiters: Array<() => void> = [];
    readonly status: number;

    private constructor(private readonly response: IncomingMessage) {
        this.status = response.statusCode ?? 0;
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => {
            this.text += chunk;
            for (const waiter of this.waiters.splice(0)) waiter();
        });
    }

    /** `path`: the official SSE server answers the same stream at `/api/v1/sse` (the official Connector's) and `/api/v2/sse`. */
    static async connect(baseUrl: string, auth?: string, path = "/api/v2/sse"): Promise<SseClient> {
        return await new Promise((resolve, reject) => {
            const request = get(`${baseUrl}${path}`, { headers: auth ? { authorization: auth } : {} }, (response) =>
                resolve(new SseClient(response))
            );
            request.on("error", reject);
        });
    }

    get contentType(): string | undefined {
        return this.response.headers["content-type"];
    }

    count(event: string): number {
        return this.text.split(`event: ${event}\ndata: _\n\n`).length - 1;
    }

    /** Resolves once the stream has carried `event` at least `times` times. */
    async waitFor(event: string, times = 1): Promise<void> {
        while (this.count(event) < times) await new Promise<void>((resolve) => this.waiters.push(resolve));
    }

    close(): void {
        this.response.destroy();
    }
}

async function until(condition: () => boolean): Promise<void> {
    while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe("real-time delivery", () => {
    let t1: TestApp;
    let t2: TestApp;
    beforeAll(async () => {
        t1 = await startTestApp({ listen: true });
        t2 = await startTestApp({ listen: true, databaseUrl: t1.databaseUrl });
    });
    afterAll(async () => {
        await t2?.close();
        await t1?.close();
    });

    describe("server-sent events", () => {
        /** Records `count` events for `owner` on instance 1; resolves once `client` on instance 2 was told of them. */
        async function recordAndAwaitNotice(client: SseClient, owner: string, count: number): Promise<void> {
            await recordEvents(t1, owner, count);
            await client.waitFor("ExternalEventCreated");
        }

        /** The answer that opens an event stream: 200, text/event-stream. */
        function expectEventStream(client: SseClient): void {
            expect(client.status).toBe(200);
            expect(client.contentType).toMatch(/^text\/event-stream/);
        }

        /** A new identity with its event stream open on instance 2 (ConnectionOpened received), closed after `use`. */
        async function withOpenStream(use: (identity: TestIdentity, client: SseClient) => Promise<void>): Promise<void> {
            const identity = await createIdentity(t1);
            const client = await SseClient.connect(t2.baseUrl!, identity.auth);
            try {
                await client.waitFor("ConnectionOpened");
                await use(identity, client);
            } finally {
                client.close();
            }
        }

        it("reach a client connected to instance 2 when instance 1 writes an event", async () => {
            const identity = await createIdentity(t1);
            const stranger = await createIdentity(t1);
            const client = await SseClient.connect(t2.baseUrl!, identity.auth);
            const strangerClient = await SseClient.connect(t2.baseUrl!, stranger.auth);
            try {
                expectEventStream(client);
                await client.waitFor("ConnectionOpened");
                await strangerClient.waitFor("ConnectionOpened");
                await recordAndAwaitNotice(client, identity.address, 2);
                // The stranger's stream got nothing: a later event of its own is the first thing it sees.
                await recordAndAwaitNotice(strangerClient, stranger.address, 1);
                expect(strangerClient.count("ExternalEventCreated")).toBe(1);
            } finally {
                client.close();
                strangerClient.close();
            }
        });

        it("are served at /api/v1/sse as well, where the official Connector opens its stream, the same way", async () => {
            const identity = await createIdentity(t1);
            const client = await SseClient.connect(t2.baseUrl!, identity.auth, "/api/v1/sse");
            try {
                expectEventStream(client);
                await client.waitFor("ConnectionOpened");
                await recordAndAwaitNotice(client, identity.address, 1);
                expect(client.count("ExternalEventCreated")).toBe(1);
            } finally {
                client.close();
            }
            const anonymous = await SseClient.connect(t2.baseUrl!, undefined, "/api/v1/sse");
            expect(anonymous.status).toBe(401);
            anonymous.close();
        });

        it("say nothing about events that were rolled back or held back", async () => {
            await withOpenStream(async (identity, client) => {
                await recordEventRolledBack(t1, identity.address, "MSGa");
                await recordEvents(t1, identity.address, 1, { blocked: true, context: "RELbbbbbbbbbbbbbbbbb" });
                await recordAndAwaitNotice(client, identity.address, 1);
                expect(client.count("ExternalEventCreated")).toBe(1);
            });
        });

        it("tell an identity's other devices on instance 2 that its datawallet changed on instance 1, not the device that changed it", async () => {
            const identity = await createIdentity(t1);
            await createDatawallet(t1, identity);
            const other = await addDevice(t1, identity);
            const changer = await SseClient.connect(t2.baseUrl!, identity.auth);
            const otherClient = await SseClient.connect(t2.baseUrl!, other.auth);
            try {
                await changer.waitFor("ConnectionOpened");
                await otherClient.waitFor("ConnectionOpened");
                await postModifications(t1, identity, { modifications: [modification("A")] }).expect(201);
                await otherClient.waitFor("DatawalletModificationsCreated");
                // The changing device learns nothing: its next notification is the one of a change by the other device.
                await postModifications(t1, other, { localIndex: 0, modifications: [modification("B")] }).expect(201);
                await changer.waitFor("DatawalletModificationsCreated");
                await postModifications(t1, identity, { localIndex: 1, modifications: [modification("C")] }).expect(201);
                // Notifications reach the instance in commit order: once the third arrived, the first two were handled.
                await otherClient.waitFor("DatawalletModificationsCreated", 2);
                expect(changer.count("DatawalletModificationsCreated")).toBe(1);
                expect(otherClient.count("DatawalletModificationsCreated")).toBe(2);
            } finally {
                changer.close();
                otherClient.close();
            }
        });

        it("refuses a client without a valid token", async () => {
            const anonymous = await SseClient.connect(t2.baseUrl!);
            expect(anonymous.status).toBe(401);
            anonymous.close();
        });

        it("keeps listening after losing its database connection", async () => {
            await withOpenStream(async (identity, client) => {
                const listener = t2.app.get(ExternalEventsListener);
                listener.simulateConnectionLoss();
                expect(listener.isListening).toBe(false);
                // After reconnecting, every connected device is told to sync, as notifications may have been missed.
                await client.waitFor("ExternalEventCreated");
                expect(listener.isListening).toBe(true);
                await recordEvents(t1, identity.address, 1);
                await client.waitFor("ExternalEventCreated", 2);
            });
        });
    });

    describe("push notifications", () => {
        const sent: Array<{ instance: number; target: PushTarget; message: PushMessage }> = [];
        beforeAll(() => {
            for (const [instance, t] of [
                [1, t1],
                [2, t2]
            ] as const) {
                jest.spyOn(t.app.get(PushNotificationSender), "send").mockImplementation(async (target, message) => {
                    sent.push({ instance, target, message });
                    return "sent";
                });
            }
        });

        async function register(t: TestApp, device: TestIdentity, platform = "fcm"): Promise<string> {
            const response = await t.http
                .put("/api/v2/Devices/Self/PushNotifications")
                .set("authorization", device.auth)
                .send({ platform, handle: `handle-of-${device.deviceId}`, appId: "eu.enmeshed.app" })
                .expect(200);
            return response.body.result.devicePushIdentifier;
        }

        const to = (deviceId: string, eventName: string) =>
            sent.filter((s) => s.target.deviceId === deviceId && s.message.eventName === eventName);

        it("sends ExternalEventCreated once, from the instance that wrote the event, after commit", async () => {
            const identity = await createIdentity(t1);
            const dpi = await register(t1, identity);
            const rolledBack = await createIdentity(t1);
            await register(t1, rolledBack);
            await recordEventRolledBack(t1, rolledBack.address, "MSGa");
            await recordEvents(t1, identity.address, 3);
            await until(() => to(identity.deviceId, "ExternalEventCreated").length > 0);
            const pushes = to(identity.deviceId, "ExternalEventCreated");
            expect(pushes).toHaveLength(1);
            expect(pushes[0]!.instance).toBe(1);
            expect(pushes[0]!.target).toMatchObject({
                platform: "fcm",
                appId: "eu.enmeshed.app",
                handle: `handle-of-${identity.deviceId}`
            });
            expect(pushes[0]!.message.content).toMatchObject({
                accRef: identity.address,
                devicePushIdentifier: dpi,
                eventName: "ExternalEventCreated",
                payload: {}
            });
            expect(sent.filter((s) => s.target.deviceId === rolledBack.deviceId)).toHaveLength(0);
        });

        it("sends DatawalletModificationsCreated to the identity's other devices only", async () => {
            const identity = await createIdentity(t2);
            const other = await addDevice(t2, identity);
            await register(t2, identity);
            await register(t2, other);
            await createDatawallet(t2, identity);
            await t2.http
                .post("/api/v2/Datawallet/Modifications")
                .set("authorization", identity.auth)
                .set(DATAWALLET_HEADER, "1")
                .send({ modifications: [modification("A")] })
                .expect(201);
            await until(() => to(other.deviceId, "DatawalletModificationsCreated").length > 0);
            expect(to(other.deviceId, "DatawalletModificationsCreated")[0]!.message.content).toMatchObject({
                payload: { createdByDevice: identity.deviceId }
            });
            expect(to(identity.deviceId, "DatawalletModificationsCreated")).toHaveLength(0);
        });

        it("deletes a registration the provider reports as invalid", async () => {
            const identity = await createIdentity(t1);
            await register(t1, identity);
            const sender = t1.app.get(PushNotificationSender);
            (sender.send as jest.Mock).mockImplementationOnce(async () => "invalidHandle");
            await recordEvents(t1, identity.address, 1);
            const rows = async () =>
                await t1.app.get(DataSource).query("SELECT 1 FROM push_registrations WHERE device_id = $1", [identity.deviceId]);
            while ((await rows()).length > 0) await new Promise((resolve) => setTimeout(resolve, 10));
            expect(await rows()).toHaveLength(0);
        });
    });
});
