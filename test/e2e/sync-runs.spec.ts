import { DataSource } from "typeorm";

import { expectError } from "../support/errors";
import { createIdentity, type TestIdentity } from "../support/identities";
import {
    addDevice,
    createDatawallet,
    DATAWALLET_HEADER,
    modification,
    recordEventRolledBack,
    recordEvents,
    startSyncRun
} from "../support/sync";
import { useTestApp } from "../support/test-app";

const CODE = {
    running: "error.platform.validation.syncRun.cannotStartSyncRunWhenAnotherSyncRunIsRunning",
    finalized: "error.platform.validation.syncRun.syncRunAlreadyFinalized",
    otherDeviceRead: "error.platform.validation.syncRun.cannotReadExternalEventsOfASyncRunStartedByAnotherDevice",
    otherDeviceFinalize: "error.platform.validation.syncRun.cannotFinalizeSyncRunStartedByAnotherDevice",
    unexpectedType: "error.platform.validation.syncRun.unexpectedSyncRunType",
    insufficient: "error.platform.validation.datawallet.insufficientSupportedDatawalletVersion",
    cannotDowngrade: "error.platform.datawallet.cannotDowngrade",
    versionTooHigh: "error.platform.datawallet.datawalletVersionOfModificationTooHigh"
};

describe("sync runs and external events", () => {
    const t = useTestApp();

    async function readyIdentity(): Promise<TestIdentity> {
        const identity = await createIdentity(t);
        await createDatawallet(t, identity);
        return identity;
    }

    async function finalize(
        identity: TestIdentity,
        runId: string,
        results: Array<{ externalEventId: string; errorCode?: string }>,
        datawalletModifications: unknown[] = []
    ) {
        return await t.http
            .put(`/api/v2/SyncRuns/${runId}/FinalizeExternalEventSync`)
            .set("authorization", identity.auth)
            .send({ externalEventResults: results, datawalletModifications })
            .expect(200);
    }

    describe("datawallet version upgrade", () => {
        it("creates the datawallet on the first upgrade, upgrades it later and refuses a downgrade", async () => {
            const identity = await createIdentity(t);
            const early = await startSyncRun(t, identity.auth).expect(404);
            expect(early.body.error.code).toBe("error.platform.recordNotFound");
            await t.http.get("/api/v2/Datawallet").set("authorization", identity.auth).expect(404);

            const started = await startSyncRun(t, identity.auth, { type: "DatawalletVersionUpgrade" }).expect(201);
            expect(started.body.result).toMatchObject({
                status: "Created",
                syncRun: { type: "DatawalletVersionUpgrade", index: 0, eventCount: 0 }
            });
            expect(started.body.result.syncRun).toMatchObject({ createdBy: identity.address, createdByDevice: identity.deviceId });
            const runId = started.body.result.syncRun.id;
            await expectError(
                t.http.put(`/api/v2/SyncRuns/${runId}/FinalizeExternalEventSync`).set("authorization", identity.auth).send({}),
                400,
                CODE.unexpectedType
            );
            const done = await t.http
                .put(`/api/v2/SyncRuns/${runId}/FinalizeDatawalletVersionUpgrade`)
                .set("authorization", identity.auth)
                .send({ newDatawalletVersion: 1 })
                .expect(200);
            expect(done.body.result).toEqual({ newDatawalletModificationIndex: null, datawalletModifications: [] });
            expect((await t.http.get("/api/v2/Datawallet").set("authorization", identity.auth).expect(200)).body.result).toEqual({
                version: 1
            });
            await expectError(
                t.http
                    .put(`/api/v2/SyncRuns/${runId}/FinalizeDatawalletVersionUpgrade`)
                    .set("authorization", identity.auth)
                    .send({ newDatawalletVersion: 1 }),
                400,
                CODE.finalized
            );

            const second = await startSyncRun(t, identity.auth, { type: "DatawalletVersionUpgrade" }, "2").expect(201);
            expect(second.body.result.syncRun.index).toBe(1);
            const upgraded = await t.http
                .put(`/api/v2/SyncRuns/${second.body.result.syncRun.id}/FinalizeDatawalletVersionUpgrade`)
                .set("authorization", identity.auth)
                .send({ newDatawalletVersion: 2, datawalletModifications: [modification("A", { datawalletVersion: 2 })] })
                .expect(200);
            expect(upgraded.body.result.newDatawalletModificationIndex).toBe(0);
            expect(upgraded.body.result.datawalletModifications).toHaveLength(1);
            expect((await t.http.get("/api/v2/Datawallet").set("authorization", identity.auth).expect(200)).body.result).toEqual({
                version: 2
            });

            const tooOld = await startSyncRun(t, identity.auth, { type: "DatawalletVersionUpgrade" }, "1").expect(400);
            expect(tooOld.body.error.code).toBe(CODE.insufficient);
            const third = await startSyncRun(t, identity.auth, { type: "DatawalletVersionUpgrade" }, "2").expect(201);
            await expectError(
                t.http
                    .put(`/api/v2/SyncRuns/${third.body.result.syncRun.id}/FinalizeDatawalletVersionUpgrade`)
                    .set("authorization", identity.auth)
                    .send({ newDatawalletVersion: 1 }),
                400,
                CODE.cannotDowngrade
            );
        });

        it("refuses a modification whose datawallet version is higher than the datawallet's", async () => {
            const identity = await createIdentity(t);
            const started = await startSyncRun(t, identity.auth, { type: "DatawalletVersionUpgrade" }).expect(201);
            await expectError(
                t.http
                    .put(`/api/v2/SyncRuns/${started.body.result.syncRun.id}/FinalizeDatawalletVersionUpgrade`)
                    .set("authorization", identity.auth)
                    .send({ newDatawalletVersion: 1, datawalletModifications: [modification("A", { datawalletVersion: 2 })] }),
                400,
                CODE.versionTooHigh
            );
        });

        it.each([
            [undefined, "error.platform.validation.invalidPropertyValue"],
            ["0", "error.platform.validation.invalidPropertyValue"],
            ["abc", "error.platform.validation.invalidPropertyValue"]
        ])("answers 400 for the datawallet version header %p", async (header, code) => {
            const identity = await createIdentity(t);
            const request = t.http.post("/api/v2/SyncRuns").set("authorization", identity.auth).send({ type: "DatawalletVersionUpgrade" });
            if (header !== undefined) request.set(DATAWALLET_HEADER, header);
            const response = await request.expect(400);
            expect(response.body.error.code).toBe(code);
        });

        it("answers 400 for an unknown sync run type", async () => {
            const identity = await createIdentity(t);
            const response = await startSyncRun(t, identity.auth, { type: "Everything" }).expect(400);
            expect(response.body.error.code).toBe("error.platform.validation.invalidPropertyValue");
        });
    });

    describe("external event sync", () => {
        it("starts an ExternalEventSync run when the request has no body", async () => {
            const identity = await readyIdentity();
            await recordEvents(t, identity.address, 1);
            const response = await t.http
                .post("/api/v2/SyncRuns")
                .set("authorization", identity.auth)
                .set(DATAWALLET_HEADER, "1")
                .expect(201);
            expect(response.body.result.syncRun).toMatchObject({ type: "ExternalEventSync", eventCount: 1 });
        });

        it("answers 200 NoNewEvents when there is nothing to deliver", async () => {
            const identity = await readyIdentity();
            const response = await startSyncRun(t, identity.auth, {}).expect(200);
            expect(response.body.result).toEqual({ status: "NoNewEvents", syncRun: null });
        });

        it("hands all deliverable events to the run, pages them by index and delivers nothing twice", async () => {
            const identity = await readyIdentity();
            await recordEvents(t, identity.address, 3);
            await recordEvents(t, identity.address, 1, { blocked: true, context: "RELaaaaaaaaaaaaaaaaa" });
            const started = await startSyncRun(t, identity.auth, { type: "ExternalEventSync", duration: 30 }).expect(201);
            const run = started.body.result.syncRun;
            expect(run).toMatchObject({ type: "ExternalEventSync", eventCount: 3, index: 1 });
            expect(Date.parse(run.expiresAt) - Date.parse(run.createdAt)).toBe(30_000);

            const first = await t.http
                .get(`/api/v2/SyncRuns/${run.id}/ExternalEvents?pageSize=2`)
                .set("authorization", identity.auth)
                .expect(200);
            expect(first.body.result.map((e: { index: number }) => e.index)).toEqual([0, 1]);
            expect(first.body.pagination).toEqual({ pageNumber: 1, pageSize: 2, totalPages: 2, totalRecords: 3 });
            expect(first.body.result[0]).toMatchObject({
                type: "MessageReceived",
                syncErrorCount: 0,
                payload: { id: expect.stringMatching(/^MSG/) }
            });
            const second = await t.http
                .get(`/api/v2/SyncRuns/${run.id}/ExternalEvents?pageSize=2&pageNumber=2`)
                .set("authorization", identity.auth)
                .expect(200);
            expect(second.body.result.map((e: { index: number }) => e.index)).toEqual([2]);

            const blocked = await startSyncRun(t, identity.auth).expect(400);
            expect(blocked.body.error.code).toBe(CODE.running);
            expect(blocked.body.error.message).toContain(run.id);

            const ids = [...first.body.result, ...second.body.result].map((e: { id: string }) => ({ externalEventId: e.id }));
            const done = await finalize(identity, run.id, ids);
            expect(done.body.result).toEqual({
                newDatawalletModificationIndex: null,
                datawalletModifications: [],
                newUnsyncedExternalEventsExist: false
            });
            await expectError(
                t.http.get(`/api/v2/SyncRuns/${run.id}/ExternalEvents`).set("authorization", identity.auth),
                400,
                CODE.finalized
            );
            expect((await startSyncRun(t, identity.auth).expect(200)).body.result.status).toBe("NoNewEvents");
            const got = await t.http.get(`/api/v2/SyncRuns/${run.id}`).set("authorization", identity.auth).expect(200);
            expect(got.body.result).toMatchObject({ id: run.id, eventCount: 3 });
        });

        it("counts a failure for events with an error or without a result and drops an event after the third failure", async () => {
            const identity = await readyIdentity();
            const [event] = await recordEvents(t, identity.address, 1);
            for (let attempt = 0; attempt < 3; attempt++) {
                const started = await startSyncRun(t, identity.auth).expect(201);
                const events = await t.http
                    .get(`/api/v2/SyncRuns/${started.body.result.syncRun.id}/ExternalEvents`)
                    .set("authorization", identity.auth)
                    .expect(200);
                expect(events.body.result).toHaveLength(1);
                expect(events.body.result[0]).toMatchObject({ id: event!.id, syncErrorCount: attempt });
                const results = attempt === 1 ? [] : [{ externalEventId: event!.id, errorCode: "error.unknownType" }];
                const done = await finalize(identity, started.body.result.syncRun.id, results);
                expect(done.body.result.newUnsyncedExternalEventsExist).toBe(false);
            }
            expect((await startSyncRun(t, identity.auth).expect(200)).body.result.status).toBe("NoNewEvents");
        });

        it("reports new error-free events that arrived during the run", async () => {
            const identity = await readyIdentity();
            const [event] = await recordEvents(t, identity.address, 1);
            const started = await startSyncRun(t, identity.auth).expect(201);
            await recordEvents(t, identity.address, 1);
            const done = await finalize(identity, started.body.result.syncRun.id, [{ externalEventId: event!.id }]);
            expect(done.body.result.newUnsyncedExternalEventsExist).toBe(true);
            const next = await startSyncRun(t, identity.auth).expect(201);
            expect(next.body.result.syncRun.eventCount).toBe(1);
        });

        it("appends datawallet modifications sent with the finalization", async () => {
            const identity = await readyIdentity();
            await recordEvents(t, identity.address, 1);
            const started = await startSyncRun(t, identity.auth).expect(201);
            const done = await finalize(identity, started.body.result.syncRun.id, [], [modification("A"), modification("B")]);
            expect(done.body.result.newDatawalletModificationIndex).toBe(1);
            expect(done.body.result.datawalletModifications.map((m: { index: number }) => m.index)).toEqual([0, 1]);
        });

        it("cancels an expired unfinalized run when the next one starts and releases its events with a failure", async () => {
            const identity = await readyIdentity();
            await recordEvents(t, identity.address, 2);
            const first = await startSyncRun(t, identity.auth).expect(201);
            t.clock.advance(10_000);
            const second = await startSyncRun(t, identity.auth).expect(201);
            expect(second.body.result.syncRun).toMatchObject({ index: first.body.result.syncRun.index + 1, eventCount: 2 });
            const events = await t.http
                .get(`/api/v2/SyncRuns/${second.body.result.syncRun.id}/ExternalEvents`)
                .set("authorization", identity.auth)
                .expect(200);
            expect(events.body.result.map((e: { syncErrorCount: number }) => e.syncErrorCount)).toEqual([1, 1]);
            await expectError(
                t.http
                    .put(`/api/v2/SyncRuns/${first.body.result.syncRun.id}/FinalizeExternalEventSync`)
                    .set("authorization", identity.auth)
                    .send({}),
                400,
                CODE.finalized
            );
        });

        it("refreshes the expiration time of a running run", async () => {
            const identity = await readyIdentity();
            await recordEvents(t, identity.address, 1);
            const started = await startSyncRun(t, identity.auth).expect(201);
            t.clock.advance(8_000);
            const refreshed = await t.http
                .put(`/api/v2/SyncRuns/${started.body.result.syncRun.id}/RefreshExpirationTime`)
                .set("authorization", identity.auth)
                .expect(200);
            expect(refreshed.body.result.expiresAt).toBe(new Date(t.clock.now().getTime() + 10_000).toISOString());
            t.clock.advance(8_000);
            expect((await startSyncRun(t, identity.auth).expect(400)).body.error.code).toBe(CODE.running);
        });

        it("keeps another device of the identity from reading or finalizing the run", async () => {
            const identity = await readyIdentity();
            const other = await addDevice(t, identity);
            await recordEvents(t, identity.address, 1);
            const started = await startSyncRun(t, identity.auth).expect(201);
            const runId = started.body.result.syncRun.id;
            await expectError(
                t.http.get(`/api/v2/SyncRuns/${runId}/ExternalEvents`).set("authorization", other.auth),
                400,
                CODE.otherDeviceRead
            );
            await expectError(
                t.http.put(`/api/v2/SyncRuns/${runId}/FinalizeExternalEventSync`).set("authorization", other.auth).send({}),
                400,
                CODE.otherDeviceFinalize
            );
            expect((await startSyncRun(t, other.auth).expect(400)).body.error.code).toBe(CODE.running);
        });

        it("hides the runs of other identities", async () => {
            const identity = await readyIdentity();
            const stranger = await readyIdentity();
            await recordEvents(t, identity.address, 1);
            const started = await startSyncRun(t, identity.auth).expect(201);
            await t.http.get(`/api/v2/SyncRuns/${started.body.result.syncRun.id}`).set("authorization", stranger.auth).expect(404);
            await t.http
                .get(`/api/v2/SyncRuns/${started.body.result.syncRun.id}/ExternalEvents`)
                .set("authorization", stranger.auth)
                .expect(404);
            await expectError(
                t.http.get("/api/v2/SyncRuns/XYZ123").set("authorization", stranger.auth),
                400,
                "error.platform.validation.invalidPropertyValue"
            );
        });
    });

    describe("under concurrency", () => {
        it("lets exactly one of 50 concurrent starts win; the others get cannotStartSyncRunWhenAnotherSyncRunIsRunning", async () => {
            const identity = await readyIdentity();
            await recordEvents(t, identity.address, 5);
            const responses = await Promise.all(Array.from({ length: 50 }, () => startSyncRun(t, identity.auth, { duration: 600 })));
            const statuses = responses.map((r) => r.status);
            expect(statuses.filter((s) => s === 201)).toHaveLength(1);
            expect(statuses.filter((s) => s === 400)).toHaveLength(49);
            for (const response of responses.filter((r) => r.status === 400)) expect(response.body.error.code).toBe(CODE.running);
            const winner = responses.find((r) => r.status === 201)!;
            expect(winner.body.result.syncRun.eventCount).toBe(5);
        });

        it("lets exactly one of 50 concurrent datawallet upgrade starts win", async () => {
            const identity = await createIdentity(t);
            const responses = await Promise.all(
                Array.from({ length: 50 }, () => startSyncRun(t, identity.auth, { type: "DatawalletVersionUpgrade" }))
            );
            expect(responses.filter((r) => r.status === 201)).toHaveLength(1);
            expect(responses.filter((r) => r.status === 400 && r.body.error.code === CODE.running)).toHaveLength(49);
        });

        it("has the database refuse a second unfinalized run of an identity", async () => {
            const identity = await readyIdentity();
            const insert = (id: string, index: number) =>
                t.app
                    .get(DataSource)
                    .query(
                        `INSERT INTO sync_runs (id, type, index, created_by, created_by_device, created_at, expires_at) VALUES ($1, 'ExternalEventSync', $2, $3, $4, now(), now())`,
                        [id, index, identity.address, identity.deviceId]
                    );
            await insert("SYRdbcheck0000000001", 100);
            await expect(insert("SYRdbcheck0000000002", 101)).rejects.toMatchObject({
                constraint: "ux_sync_runs_one_unfinalized_per_identity"
            });
        });

        it("gives concurrent writers of one owner contiguous event indexes", async () => {
            const identity = await readyIdentity();
            await Promise.all(Array.from({ length: 20 }, () => recordEvents(t, identity.address, 3)));
            const started = await startSyncRun(t, identity.auth).expect(201);
            const events = await t.http
                .get(`/api/v2/SyncRuns/${started.body.result.syncRun.id}/ExternalEvents?pageSize=200`)
                .set("authorization", identity.auth)
                .expect(200);
            expect(events.body.result.map((e: { index: number }) => e.index)).toEqual(Array.from({ length: 60 }, (_, i) => i));
        });
    });

    describe("the outbox", () => {
        it("leaves no event behind when the writing transaction fails", async () => {
            const identity = await readyIdentity();
            await recordEventRolledBack(t, identity.address, "MSGx", "the domain change failed");
            expect(
                await t.app.get(DataSource).query("SELECT count(*)::int AS n FROM external_events WHERE owner = $1", [identity.address])
            ).toEqual([{ n: 0 }]);
            expect((await startSyncRun(t, identity.auth).expect(200)).body.result.status).toBe("NoNewEvents");
            const [next] = await recordEvents(t, identity.address, 1);
            expect(next!.index).toBe(0);
        });
    });
});
