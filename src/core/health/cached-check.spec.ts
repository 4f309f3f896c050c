import { CachedCheck, within } from "./cached-check";

describe("a cached check", () => {
    let now = 0;
    let runs = 0;
    let fail = false;
    const check = new CachedCheck(
        async () => {
            runs++;
            if (fail) throw new Error("down");
        },
        3000,
        () => now
    );

    it("runs once per period; callers in between share the outcome, a failure too", async () => {
        await check.check();
        await check.check();
        expect(runs).toBe(1);
        now += 3000;
        fail = true;
        await expect(check.check()).rejects.toThrow("down");
        fail = false;
        now += 2999;
        await expect(check.check()).rejects.toThrow("down");
        expect(runs).toBe(2);
        now += 1;
        await expect(check.check()).resolves.toBeUndefined();
        expect(runs).toBe(3);
    });

    it("gives up on an answer that does not come", async () => {
        await expect(within(new Promise(() => undefined), 10, "the store")).rejects.toThrow("the store did not answer within 10 ms");
        await expect(within(Promise.resolve(7), 10, "the store")).resolves.toBe(7);
    });
});
