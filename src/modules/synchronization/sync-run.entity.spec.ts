import { A_SYNCING_DEVICE, aDatawallet, aModification, aSyncRun, SYNC_NOW } from "../../../test/factories/synchronization";
import { DEFAULT_SYNC_RUN_DURATION_SECONDS, SYNC_RUN_REFRESH_SECONDS } from "./sync-run.entity";
import { SyncRunType } from "./synchronization.events";

const SECOND = 1000;
const OTHER_DEVICE = "DVCbbbbbbbbbbbbbbbbb";
const at = (seconds: number) => new Date(SYNC_NOW.getTime() + seconds * SECOND);
const code = (suffix: string) => expect.objectContaining({ code: expect.stringContaining(suffix) });

describe("SyncRun", () => {
    describe("start", () => {
        it("is the identity's first run, open for the default duration, created by the starting device", () => {
            expect(aSyncRun()).toMatchObject({
                id: expect.stringMatching(/^SYR[A-Za-z0-9]{17}$/),
                type: SyncRunType.ExternalEventSync,
                index: 0,
                createdBy: A_SYNCING_DEVICE.address,
                createdByDevice: A_SYNCING_DEVICE.deviceId,
                createdAt: SYNC_NOW,
                expiresAt: at(DEFAULT_SYNC_RUN_DURATION_SECONDS),
                finalizedAt: null,
                eventCount: 0
            });
        });

        it("follows the previous run's index and lives as long as asked", () => {
            const previous = aSyncRun();
            previous.index = 41;
            expect(aSyncRun({ previous, durationSeconds: 600 })).toMatchObject({ index: 42, expiresAt: at(600) });
        });
    });

    describe("a new run of the identity", () => {
        it("is refused while this run is open and not expired", () => {
            const run = aSyncRun();
            expect(() => run.onNewRunAt(at(DEFAULT_SYNC_RUN_DURATION_SECONDS - 1))).toThrow(
                code("cannotStartSyncRunWhenAnotherSyncRunIsRunning")
            );
        });

        it("cancels this run once it expired unfinalized", () => {
            const run = aSyncRun();
            expect(run.onNewRunAt(at(DEFAULT_SYNC_RUN_DURATION_SECONDS))).toBe("cancel");
            run.cancel(at(DEFAULT_SYNC_RUN_DURATION_SECONDS));
            expect(run.isFinalized()).toBe(true);
        });

        it("leaves a finalized run alone", () => {
            const run = aSyncRun();
            run.finalize(SyncRunType.ExternalEventSync, A_SYNCING_DEVICE.deviceId, at(1));
            expect(run.onNewRunAt(at(2))).toBe("none");
        });
    });

    describe("pages of its events", () => {
        it("are ranges of positions, with the run's event count as the total", () => {
            const run = aSyncRun({ eventCount: 450 });
            expect(run.pageRange({ pageNumber: 1, pageSize: 200 })).toEqual({ from: 0, count: 200, total: 450 });
            expect(run.pageRange({ pageNumber: 3, pageSize: 200 })).toEqual({ from: 400, count: 50, total: 450 });
            expect(run.pageRange({ pageNumber: 4, pageSize: 200 })).toEqual({ from: 600, count: 0, total: 450 });
        });

        it("are read only by the starting device, and only while the run is open", () => {
            const run = aSyncRun();
            expect(() => run.assertReadableBy(OTHER_DEVICE)).toThrow(code("cannotReadExternalEventsOfASyncRunStartedByAnotherDevice"));
            expect(() => run.assertReadableBy(A_SYNCING_DEVICE.deviceId)).not.toThrow();
            run.finalize(SyncRunType.ExternalEventSync, A_SYNCING_DEVICE.deviceId, at(1));
            expect(() => run.assertReadableBy(A_SYNCING_DEVICE.deviceId)).toThrow(code("syncRunAlreadyFinalized"));
        });
    });

    describe("finalizing", () => {
        it("is done once, by the starting device, for the run's own type", () => {
            const run = aSyncRun();
            expect(() => run.finalize(SyncRunType.DatawalletVersionUpgrade, A_SYNCING_DEVICE.deviceId, at(1))).toThrow(
                code("unexpectedSyncRunType")
            );
            expect(() => run.finalize(SyncRunType.ExternalEventSync, OTHER_DEVICE, at(1))).toThrow(
                code("cannotFinalizeSyncRunStartedByAnotherDevice")
            );
            expect(run.isFinalized()).toBe(false);
            run.finalize(SyncRunType.ExternalEventSync, A_SYNCING_DEVICE.deviceId, at(1));
            expect(run.finalizedAt).toEqual(at(1));
            expect(() => run.finalize(SyncRunType.ExternalEventSync, A_SYNCING_DEVICE.deviceId, at(2))).toThrow(
                code("syncRunAlreadyFinalized")
            );
        });

        it("is allowed after expiry (the run is only cancelled by the next start)", () => {
            const run = aSyncRun();
            expect(run.isExpired(at(DEFAULT_SYNC_RUN_DURATION_SECONDS))).toBe(true);
            run.finalize(SyncRunType.ExternalEventSync, A_SYNCING_DEVICE.deviceId, at(DEFAULT_SYNC_RUN_DURATION_SECONDS + 5));
            expect(run.isFinalized()).toBe(true);
        });
    });

    describe("refreshing", () => {
        it("extends the open run from now, by the starting device only", () => {
            const run = aSyncRun();
            expect(() => run.refresh(OTHER_DEVICE, at(5))).toThrow(code("cannotRefreshExpirationTimeOfSyncRunStartedByAnotherDevice"));
            run.refresh(A_SYNCING_DEVICE.deviceId, at(5));
            expect(run.expiresAt).toEqual(at(5 + SYNC_RUN_REFRESH_SECONDS));
            run.finalize(SyncRunType.ExternalEventSync, A_SYNCING_DEVICE.deviceId, at(6));
            expect(() => run.refresh(A_SYNCING_DEVICE.deviceId, at(7))).toThrow(code("syncRunAlreadyFinalized"));
        });
    });
});

describe("Datawallet", () => {
    it("numbers appended modifications from its next index on", () => {
        const datawallet = aDatawallet({ modifications: 3 });
        const created = datawallet.append([aModification(), aModification({ type: "Update" })], A_SYNCING_DEVICE.deviceId, SYNC_NOW);
        expect(created.map((m) => [m.index, m.type, m.owner, m.createdByDevice])).toEqual([
            [3, "Create", A_SYNCING_DEVICE.address, A_SYNCING_DEVICE.deviceId],
            [4, "Update", A_SYNCING_DEVICE.address, A_SYNCING_DEVICE.deviceId]
        ]);
        expect(datawallet.latestIndex()).toBe(4);
    });

    it("refuses modifications newer than itself, appending none", () => {
        const datawallet = aDatawallet({ version: 1 });
        expect(() => datawallet.append([aModification(), aModification({ datawalletVersion: 2 })], "DVC", SYNC_NOW)).toThrow(
            code("datawalletVersionOfModificationTooHigh")
        );
        expect(datawallet.latestIndex()).toBeNull();
    });

    it("accepts a push only from the latest modification's index", () => {
        expect(() => aDatawallet().assertUpToDate(undefined)).not.toThrow();
        expect(() => aDatawallet({ modifications: 5 }).assertUpToDate(4)).not.toThrow();
        expect(() => aDatawallet({ modifications: 5 }).assertUpToDate(3)).toThrow(code("datawalletNotUpToDate"));
    });

    it("upgrades but never downgrades, and refuses clients that support less", () => {
        const datawallet = aDatawallet({ version: 2 });
        expect(() => datawallet.upgradeTo(1)).toThrow(code("cannotDowngrade"));
        datawallet.upgradeTo(3);
        expect(datawallet.version).toBe(3);
        expect(() => datawallet.assertSupportedBy(2)).toThrow(code("insufficientSupportedDatawalletVersion"));
        expect(() => datawallet.assertSupportedBy(3)).not.toThrow();
    });
});
