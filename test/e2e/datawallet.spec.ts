import { createIdentity, type TestIdentity } from "../support/identities";
import {
    addDevice,
    createDatawallet,
    DATAWALLET_HEADER,
    modification,
    postModifications,
    recordEvents,
    startSyncRun
} from "../support/sync";
import { useTestApp } from "../support/test-app";

const CODE = {
    notUpToDate: "error.platform.validation.datawallet.datawalletNotUpToDate",
    duringSyncRun: "error.platform.validation.datawallet.cannotPushDatawalletModificationsDuringActiveSyncRun",
    insufficient: "error.platform.validation.datawallet.insufficientSupportedDatawalletVersion"
};

describe("datawallet", () => {
    const t = useTestApp();

    function push(identity: TestIdentity, localIndex: number | null | undefined, modifications: unknown[], version = "1") {
        return postModifications(t, identity, localIndex === undefined ? { modifications } : { localIndex, modifications }, version);
    }

    function list(identity: TestIdentity, query = "", version = "1") {
        return t.http.get(`/api/v2/Datawallet/Modifications${query}`).set("authorization", identity.auth).set(DATAWALLET_HEADER, version);
    }

    async function readyIdentity(): Promise<TestIdentity> {
        const identity = await createIdentity(t);
        await createDatawallet(t, identity);
        return identity;
    }

    it("numbers modifications from 0 and requires the latest index as localIndex", async () => {
        const identity = await readyIdentity();
        const first = await push(identity, undefined, [modification("A"), modification("B")]).expect(201);
        expect(first.body.result.newIndex).toBe(1);
        expect(first.body.result.modifications.map((m: { index: number }) => m.index)).toEqual([0, 1]);
        expect(first.body.result.modifications[0].id).toMatch(/^DWM[A-Za-z0-9]{17}$/);

        const stale = await push(identity, 0, [modification("C")]).expect(400);
        expect(stale.body.error.code).toBe(CODE.notUpToDate);
        const missing = await push(identity, null, [modification("C")]).expect(400);
        expect(missing.body.error.code).toBe(CODE.notUpToDate);
        const second = await push(identity, 1, [modification("C")]).expect(201);
        expect(second.body.result.newIndex).toBe(2);

        const all = await list(identity).expect(200);
        expect(all.body.result.map((m: { objectIdentifier: string }) => m.objectIdentifier)).toEqual(["A", "B", "C"]);
        expect(all.body.result[0]).toMatchObject({
            index: 0,
            type: "Create",
            collection: "Attributes",
            payloadCategory: "Technical",
            datawalletVersion: 1,
            createdByDevice: identity.deviceId,
            encryptedPayload: "AAEC"
        });
        const after = await list(identity, "?localIndex=1").expect(200);
        expect(after.body.result.map((m: { index: number }) => m.index)).toEqual([2]);
    });

    it("returns only the latest modification per object, type and payload category", async () => {
        const identity = await readyIdentity();
        await push(identity, undefined, [
            modification("A", { type: "Create" }),
            modification("A", { type: "Update", payloadCategory: "Content" }),
            modification("A", { type: "Update", payloadCategory: "Content", collection: "Other" }),
            modification("B", { type: "Create", payloadCategory: null, encryptedPayload: null }),
            modification("A", { type: "Create" }),
            modification("B", { type: "Create", payloadCategory: null, encryptedPayload: null }),
            modification("B", { type: "Delete", payloadCategory: null, encryptedPayload: null })
        ]).expect(201);
        const all = await list(identity).expect(200);
        expect(all.body.result.map((m: { index: number }) => m.index)).toEqual([2, 4, 5, 6]);
        expect(all.body.result[2]).toMatchObject({ objectIdentifier: "B", payloadCategory: null, encryptedPayload: null });
        const paged = await list(identity, "?pageSize=3&pageNumber=2").expect(200);
        expect(paged.body.result.map((m: { index: number }) => m.index)).toEqual([6]);
        expect(paged.body.pagination).toEqual({ pageNumber: 2, pageSize: 3, totalPages: 2, totalRecords: 4 });
        const page1 = await list(identity, "?pageSize=3").expect(200);
        expect(page1.body.pagination).toEqual({ pageNumber: 1, pageSize: 3, totalPages: 2, totalRecords: 4 });
        const since = await list(identity, "?localIndex=4").expect(200);
        expect(since.body.result.map((m: { index: number }) => m.index)).toEqual([5, 6]);
    });

    it("pages the latest modification per key after any localIndex as a de-duplication of everything would", async () => {
        const identity = await readyIdentity();
        // A deterministic mix: few objects, so that keys repeat; null and empty payload categories are different keys.
        const categories = [null, "Content", "Metadata", ""];
        const types = ["Create", "Update", "Delete"];
        const pushed = Array.from({ length: 90 }, (_, i) => ({
            objectIdentifier: `OBJ${i % 4}`,
            type: types[Math.floor(i / 4) % 3]!,
            payloadCategory: categories[Math.floor(i / 12) % 4]!
        }));
        await push(
            identity,
            undefined,
            pushed.map((m) => modification(m.objectIdentifier, { ...m, encryptedPayload: m.payloadCategory === null ? null : "AAEC" }))
        ).expect(201);
        const key = (m: { objectIdentifier: string; type: string; payloadCategory: string | null }) =>
            JSON.stringify([m.objectIdentifier, m.type, m.payloadCategory]);
        for (const localIndex of [-1, 0, 40, 88, 89]) {
            const latest = new Map<string, number>();
            pushed.forEach((m, index) => index > localIndex && latest.set(key(m), index));
            const expected = [...latest.values()].sort((a, b) => a - b);
            for (const pageSize of [1, 7, 50]) {
                const indexes: number[] = [];
                const pages = Math.max(1, Math.ceil(expected.length / pageSize));
                for (let pageNumber = 1; pageNumber <= pages + 1; pageNumber++) {
                    const page = await list(identity, `?localIndex=${localIndex}&pageSize=${pageSize}&pageNumber=${pageNumber}`).expect(
                        200
                    );
                    // One page has no pagination; more tell the total, counted or taken from a short page.
                    const total = expected.length > pageSize ? expected.length : undefined;
                    expect([localIndex, pageSize, pageNumber, page.body.pagination?.totalRecords]).toEqual([
                        localIndex,
                        pageSize,
                        pageNumber,
                        total
                    ]);
                    indexes.push(...page.body.result.map((m: { index: number }) => m.index));
                }
                expect([localIndex, pageSize, indexes]).toEqual([localIndex, pageSize, expected]);
            }
        }
    });

    it("refuses pushes while any sync run of the identity is unfinalized, even an expired one", async () => {
        const identity = await readyIdentity();
        const other = await addDevice(t, identity);
        await recordEvents(t, identity.address, 1);
        await startSyncRun(t, identity.auth).expect(201);
        const response = await push(other, undefined, [modification("A")]).expect(400);
        expect(response.body.error.code).toBe(CODE.duringSyncRun);
        t.clock.advance(60_000);
        expect((await push(other, undefined, [modification("A")]).expect(400)).body.error.code).toBe(CODE.duringSyncRun);
    });

    it("checks the supported datawallet version and the presence of the datawallet", async () => {
        const identity = await readyIdentity();
        const started = await startSyncRun(t, identity.auth, { type: "DatawalletVersionUpgrade" }, "3").expect(201);
        await t.http
            .put(`/api/v2/SyncRuns/${started.body.result.syncRun.id}/FinalizeDatawalletVersionUpgrade`)
            .set("authorization", identity.auth)
            .send({ newDatawalletVersion: 3 })
            .expect(200);
        expect((await push(identity, undefined, [modification("A")], "2").expect(400)).body.error.code).toBe(CODE.insufficient);
        expect((await list(identity, "", "2").expect(400)).body.error.code).toBe(CODE.insufficient);
        expect((await t.http.get("/api/v2/Datawallet/Modifications").set("authorization", identity.auth).expect(400)).body.error.code).toBe(
            CODE.insufficient
        );
        const fresh = await createIdentity(t);
        expect((await push(fresh, undefined, [modification("A")]).expect(404)).body.error.code).toBe("error.platform.recordNotFound");
    });

    it.each([
        ["no modifications", { modifications: [] }],
        ["an unknown type", { modifications: [modification("A", { type: "Rename" })] }],
        ["a missing objectIdentifier", { modifications: [modification("A", { objectIdentifier: undefined })] }],
        ["a too long collection", { modifications: [modification("A", { collection: "x".repeat(51) })] }],
        ["a payload that is not base64", { modifications: [modification("A", { encryptedPayload: "not base64!" })] }]
    ])("answers 400 with a code for %s", async (_name, body) => {
        const identity = await readyIdentity();
        const response = await postModifications(t, identity, body).expect(400);
        expect(response.body.error.code).toMatch(/^error\.platform\.(validation\.invalidPropertyValue|inputCannotBeParsed)$/);
    });

    it("keeps indexes contiguous when two devices push concurrently", async () => {
        const identity = await readyIdentity();
        const other = await addDevice(t, identity);
        const perDevice = 8;
        const batch = 3;
        async function pushAll(device: TestIdentity, name: string): Promise<number[]> {
            const assigned: number[] = [];
            for (let i = 0; i < perDevice;) {
                const latest = await list(device, "?pageSize=200").expect(200);
                const indexes = latest.body.result.map((m: { index: number }) => m.index);
                const localIndex = indexes.length > 0 ? Math.max(...indexes) : undefined;
                const mods = Array.from({ length: batch }, (_, j) => modification(`${name}-${i}-${j}`));
                const response = await push(device, localIndex, mods);
                if (response.status === 400 && response.body.error.code === CODE.notUpToDate) continue;
                expect(response.status).toBe(201);
                assigned.push(...response.body.result.modifications.map((m: { index: number }) => m.index));
                i++;
            }
            return assigned;
        }
        const [a, b] = await Promise.all([pushAll(identity, "a"), pushAll(other, "b")]);
        const all = [...a, ...b].sort((x, y) => x - y);
        const total = 2 * perDevice * batch;
        expect(all).toEqual(Array.from({ length: total }, (_, i) => i));
        const stored = await list(identity, "?pageSize=200").expect(200);
        expect(stored.body.result.map((m: { index: number }) => m.index)).toEqual(Array.from({ length: total }, (_, i) => i));
    });

    it("never hands out an index twice when pushes race without checking first", async () => {
        const identity = await readyIdentity();
        const other = await addDevice(t, identity);
        const responses = await Promise.all(
            Array.from({ length: 20 }, (_, i) => push(i % 2 ? identity : other, undefined, [modification(`X${i}`)]))
        );
        const created = responses.filter((r) => r.status === 201);
        expect(created).toHaveLength(1);
        for (const r of responses.filter((r) => r.status !== 201)) expect(r.body.error.code).toBe(CODE.notUpToDate);
        expect(created[0]!.body.result.newIndex).toBe(0);
    });
});
