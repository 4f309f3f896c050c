import { DataSource } from "typeorm";

import type { ExternalEvent } from "../../src/modules/synchronization/external-event.entity";
import { ExternalEventsService, type NewExternalEvent } from "../../src/modules/synchronization/external-events.service";
import { challengeText, createChallenge, login, STRONG_PASSWORD, type TestIdentity } from "./identities";
import type { TestApp } from "./test-app";

export const DATAWALLET_HEADER = "x-supported-datawallet-version";

/** Records external events for an owner the way other modules do: inside a committed transaction. */
export async function recordEvents(
    t: TestApp,
    owner: string,
    count: number,
    overrides: Partial<NewExternalEvent> = {}
): Promise<ExternalEvent[]> {
    const events: NewExternalEvent[] = Array.from({ length: count }, (_, i) => ({
        owner,
        type: "MessageReceived",
        payload: { id: `MSG${String(i).padStart(17, "0")}` },
        ...overrides
    }));
    return await t.app.get(DataSource).transaction(async (manager) => await t.app.get(ExternalEventsService).record(manager, events));
}

/** Records an external event (MessageReceived of `messageId`) for `owner` in a transaction that then fails with `failure`. */
export async function recordEventRolledBack(t: TestApp, owner: string, messageId: string, failure = "rolled back"): Promise<void> {
    await expect(
        t.app.get(DataSource).transaction(async (manager) => {
            await t.app.get(ExternalEventsService).record(manager, [{ owner, type: "MessageReceived", payload: { id: messageId } }]);
            throw new Error(failure);
        })
    ).rejects.toThrow(failure);
}

/** POST /Datawallet/Modifications as `who` with `body`, for datawallet version `version`; the request. */
export function postModifications(t: TestApp, who: { auth: string }, body: unknown, version = "1") {
    return t.http
        .post("/api/v2/Datawallet/Modifications")
        .set("authorization", who.auth)
        .set(DATAWALLET_HEADER, version)
        .send(body as object);
}

/** Starts a sync run and returns the raw response. */
export function startSyncRun(t: TestApp, auth: string, body: Record<string, unknown> = {}, version = "1") {
    return t.http.post("/api/v2/SyncRuns").set("authorization", auth).set(DATAWALLET_HEADER, version).send(body);
}

/** Creates the datawallet with version 1, as the official client does right after creating an identity. */
export async function createDatawallet(t: TestApp, identity: { auth: string }, version = 1): Promise<void> {
    const started = await startSyncRun(t, identity.auth, { type: "DatawalletVersionUpgrade" }, String(version)).expect(201);
    await t.http
        .put(`/api/v2/SyncRuns/${started.body.result.syncRun.id}/FinalizeDatawalletVersionUpgrade`)
        .set("authorization", identity.auth)
        .send({ newDatawalletVersion: version })
        .expect(200);
}

/** Registers another device of the identity (challenge signed with the identity's key), not logged in yet. */
export async function registerDevice(t: TestApp, identity: TestIdentity): Promise<{ id: string; username: string }> {
    const challenge = await createChallenge(t, identity.auth);
    const text = challengeText(challenge);
    const response = await t.http
        .post("/api/v2/Devices")
        .set("authorization", identity.auth)
        .send({ devicePassword: STRONG_PASSWORD, signedChallenge: { challenge: text, signature: identity.keys.signatureField(text) } })
        .expect(201);
    return response.body.result;
}

/** Registers and logs in another device of the identity. */
export async function addDevice(t: TestApp, identity: TestIdentity): Promise<TestIdentity> {
    const device = await registerDevice(t, identity);
    const token = await login(t, device.username, STRONG_PASSWORD);
    return { ...identity, deviceId: device.id, username: device.username, token, auth: `Bearer ${token}` };
}

export function modification(objectIdentifier: string, extra: Record<string, unknown> = {}) {
    return {
        type: "Create",
        objectIdentifier,
        collection: "Attributes",
        payloadCategory: "Technical",
        encryptedPayload: "AAEC",
        datawalletVersion: 1,
        ...extra
    };
}
