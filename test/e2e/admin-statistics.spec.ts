import { Housekeeper } from "../../src/core/housekeeping/housekeeper";
import { ExpiredChallengesCleanup } from "../../src/modules/challenges/challenges.housekeeping";
import { establishRelationship } from "../factories/relationships";
import { ADMIN_KEY, type AdminApi, adminApi } from "../support/admin-api";
import { uploadFile } from "../support/files";
import { createIdentity, login } from "../support/identities";
import { createDatawallet, startSyncRun } from "../support/sync";
import { startTestApp, type TestApp } from "../support/test-app";

const DAY_MS = 24 * 60 * 60 * 1000;
const KEY = Buffer.alloc(40, 7).toString("base64url");
const BODY = Buffer.from("encrypted message body").toString("base64url");

describe("the Admin API's extensions for the admin console", () => {
    let t: TestApp;
    let admin: AdminApi;
    const today = new Date("2031-05-20T10:00:00.000Z");

    beforeAll(async () => {
        t = await startTestApp({ env: { ADMIN_API_KEY: ADMIN_KEY, HOUSEKEEPING_CRON: "30 2 * * *" } });
        t.clock.set(today);
        admin = await adminApi(t);
    });
    afterAll(async () => await t.close());

    describe("GET /api/v1/Statistics", () => {
        it("counts nothing on an empty Backbone, with 30 days ending today (UTC)", async () => {
            const statistics = (await admin.get("/Statistics").expect(200)).body.result;
            const counted = [
                "identities",
                "devices",
                "messages",
                "relationships",
                "files",
                "blobBytes",
                "openSyncRuns",
                "pendingExternalEvents"
            ];
            expect(statistics).toMatchObject(Object.fromEntries(counted.map((name) => [name, 0])));
            expect(statistics.createdPerDay).toHaveLength(30);
            expect(statistics.createdPerDay[0]).toEqual({ date: "2031-04-21", identities: 0, messages: 0 });
            expect(statistics.createdPerDay[29]).toEqual({ date: "2031-05-20", identities: 0, messages: 0 });
        });

        it("counts the records of every module and what was created per day", async () => {
            t.clock.set(new Date(today.getTime() - 2 * DAY_MS + 3 * 60 * 60 * 1000));
            const [sender, recipient] = await Promise.all([createIdentity(t), createIdentity(t)]);
            await establishRelationship(t, sender, recipient);
            await t.http
                .post("/api/v2/Messages")
                .set("authorization", sender.auth)
                .send({ recipients: [{ address: recipient.address, encryptedKey: KEY }], body: BODY, attachments: [] })
                .expect(201);
            const content = Buffer.alloc(1234, 1);
            await uploadFile(t, sender, { content });
            // 40 days ago: outside the per-day series, still in the totals.
            t.clock.set(new Date(today.getTime() - 40 * DAY_MS));
            await createIdentity(t);
            t.clock.set(today);
            await createIdentity(t);
            for (const identity of [sender, recipient]) {
                identity.auth = `Bearer ${await login(t, identity.username, identity.password)}`;
                await createDatawallet(t, identity);
            }
            await startSyncRun(t, recipient.auth).expect(201);

            const statistics = (await admin.get("/Statistics").expect(200)).body.result;
            expect(statistics).toMatchObject({
                identities: 4,
                devices: 4,
                messages: 1,
                relationships: 1,
                files: 1,
                blobBytes: 1234,
                openSyncRuns: 1
            });
            expect(statistics.createdPerDay[27]).toEqual({ date: "2031-05-18", identities: 2, messages: 1 });
            expect(statistics.createdPerDay[28]).toEqual({ date: "2031-05-19", identities: 0, messages: 0 });
            expect(statistics.createdPerDay[29]).toEqual({ date: "2031-05-20", identities: 1, messages: 0 });
            const total = statistics.createdPerDay.reduce((sum: number, day: { identities: number }) => sum + day.identities, 0);
            expect(total).toBe(3);
            // The sender's events (its relationship was accepted) wait for its devices to sync.
            expect(statistics.pendingExternalEvents).toBeGreaterThan(0);
            await startSyncRun(t, sender.auth).expect(201);
            const after = (await admin.get("/Statistics").expect(200)).body.result;
            expect(after.pendingExternalEvents).toBe(0);
            expect(after.openSyncRuns).toBe(2);
        });

        it("needs the API key", async () => {
            await t.admin.get("/api/v1/Statistics").expect(401);
            await t.http.get("/api/v1/Statistics").set("x-api-key", ADMIN_KEY).expect(404);
        });
    });

    describe("GET /api/v1/Housekeeping", () => {
        it("shows the schedule, the jobs and the runs, newest first, after a run through POST /Housekeeping/Run", async () => {
            const before = (await admin.get("/Housekeeping").expect(200)).body.result;
            expect(before).toMatchObject({ scheduleEnabled: true, schedule: "30 2 * * *", runs: [] });
            expect(before.tasks).toEqual(expect.arrayContaining(["challenges.expired", "files.orphans"]));
            expect(new Date(before.nextRunAt).getUTCHours()).toBe(2);
            expect(new Date(before.nextRunAt).getUTCMinutes()).toBe(30);

            const report = (await admin.post("/Housekeeping/Run").expect(200)).body.result;
            t.clock.advance(60_000);
            await admin.post("/Housekeeping/Run").expect(200);
            const runs = (await admin.get("/Housekeeping").expect(200)).body.result.runs;
            expect(runs).toHaveLength(2);
            expect(runs[0].startedAt).toBe(new Date(today.getTime() + 60_000).toISOString());
            expect(runs[1]).toEqual({
                id: expect.stringMatching(/^HKR[A-Za-z0-9]{17}$/),
                startedAt: today.toISOString(),
                durationMs: expect.any(Number),
                trigger: "Manual",
                outcome: "Completed",
                removed: report.removed,
                skipped: report.skipped,
                failedTask: null
            });
        });

        it("records a failed run with the job that failed, and never the error's text", async () => {
            t.clock.advance(60_000);
            const failing = jest.spyOn(t.app.get(ExpiredChallengesCleanup), "runBatch").mockRejectedValueOnce(new Error("secret detail"));
            try {
                await expect(t.app.get(Housekeeper).runOnce(undefined, "Schedule")).rejects.toThrow("secret detail");
            } finally {
                failing.mockRestore();
            }
            const [latest] = (await admin.get("/Housekeeping").expect(200)).body.result.runs;
            expect(latest).toMatchObject({ trigger: "Schedule", outcome: "Failed", failedTask: "challenges.expired" });
            expect(JSON.stringify(latest)).not.toContain("secret detail");
        });
    });
});
