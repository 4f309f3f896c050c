import { DataSource } from "typeorm";

import { Housekeeper } from "../../src/core/housekeeping/housekeeper";
import { ExpiredChallengesCleanup } from "../../src/modules/challenges/challenges.housekeeping";
import { createChallenge } from "../support/identities";
import { startTestApp, type TestApp } from "../support/test-app";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

describe("housekeeping", () => {
    let t: TestApp;
    let second: TestApp;
    beforeAll(async () => {
        t = await startTestApp({ env: { HOUSEKEEPING_BATCH_SIZE: "7" } });
        second = await startTestApp({ env: { HOUSEKEEPING_BATCH_SIZE: "7" }, databaseUrl: t.databaseUrl });
    });
    afterAll(async () => {
        await second.close();
        await t.close();
    });

    const start = new Date("2031-03-01T12:00:00.000Z");

    async function challengeIds(): Promise<string[]> {
        const rows: { id: string }[] = await t.app.get(DataSource).query("SELECT id FROM challenges ORDER BY id");
        return rows.map((r) => r.id);
    }

    async function createChallengesAt(at: Date, count: number): Promise<string[]> {
        t.clock.set(at);
        const ids = [];
        for (let i = 0; i < count; i++) ids.push((await createChallenge(t)).id);
        return ids;
    }

    function setBothClocks(at: Date): void {
        t.clock.set(at);
        second.clock.set(at);
    }

    beforeEach(async () => {
        await t.app.get(DataSource).query("DELETE FROM challenges");
    });

    it("deletes exactly the challenges that expired 30 days ago or earlier", async () => {
        const [due] = await createChallengesAt(start, 1);
        const [notYet] = await createChallengesAt(new Date(start.getTime() + 1), 1);
        const fresh = await createChallengesAt(new Date(start.getTime() + 20 * DAY), 2);
        t.clock.set(new Date(start.getTime() + 10 * MINUTE + 30 * DAY));

        const report = await t.app.get(Housekeeper).runOnce();

        expect(report.removed["challenges.expired"]).toBe(1);
        expect(await challengeIds()).toEqual([notYet!, ...fresh].sort());
        expect(await challengeIds()).not.toContain(due);
        const again = await t.app.get(Housekeeper).runOnce();
        expect(again.removed["challenges.expired"]).toBe(0);
    });

    it("works through more than one batch", async () => {
        await createChallengesAt(start, 16);
        t.clock.set(new Date(start.getTime() + 31 * DAY));
        const report = await t.app.get(Housekeeper).runOnce(["challenges.expired"]);
        expect(report.removed["challenges.expired"]).toBe(16);
        expect(await challengeIds()).toEqual([]);
    });

    it("is harmless when two runs of one instance overlap: one skips, nothing is deleted twice or left", async () => {
        await createChallengesAt(start, 15);
        const kept = await createChallengesAt(new Date(start.getTime() + 10 * DAY), 3);
        t.clock.set(new Date(start.getTime() + 31 * DAY));
        const housekeeper = t.app.get(Housekeeper);
        const reports = await Promise.all([housekeeper.runOnce(["challenges.expired"]), housekeeper.runOnce(["challenges.expired"])]);
        const removed = reports.reduce((sum, r) => sum + (r.removed["challenges.expired"] ?? 0), 0);
        expect(removed).toBe(15);
        expect(await challengeIds()).toEqual(kept.sort());
    });

    it("is harmless when two instances run it at once", async () => {
        await createChallengesAt(start, 20);
        const kept = await createChallengesAt(new Date(start.getTime() + 10 * DAY), 2);
        setBothClocks(new Date(start.getTime() + 31 * DAY));
        const reports = await Promise.all([t.app.get(Housekeeper).runOnce(), second.app.get(Housekeeper).runOnce()]);
        const removed = reports.reduce((sum, r) => sum + (r.removed["challenges.expired"] ?? 0), 0);
        expect(removed).toBe(20);
        expect(await challengeIds()).toEqual(kept.sort());
    });

    it("keeps batches disjoint even without the lock (SKIP LOCKED), from two instances", async () => {
        await createChallengesAt(start, 30);
        setBothClocks(new Date(start.getTime() + 31 * DAY));
        const now = t.clock.now();
        const tasks = [t.app.get(ExpiredChallengesCleanup), second.app.get(ExpiredChallengesCleanup)];
        const counts = await Promise.all([...tasks, ...tasks].map((task) => task.runBatch(now, 10)));
        expect(counts.reduce((a, b) => a + b, 0)).toBe(30);
        expect(await challengeIds()).toEqual([]);
    });

    it("lists the registered tasks", () => {
        expect(t.app.get(Housekeeper).taskNames()).toEqual(
            expect.arrayContaining(["challenges.expired", "announcements.expired", "rate-limit.expired-counters"])
        );
    });
});
