import { UtcTimestamps } from "./timestamps";

describe("UtcTimestamps", () => {
    it("writes the same text as Date.toISOString, across seconds and back", () => {
        const timestamps = new UtcTimestamps();
        const start = Date.UTC(2026, 0, 31, 23, 59, 58, 0);
        for (const offset of [0, 1, 9, 10, 99, 100, 999, 1000, 1001, 2005, 500, -1, 86_400_000 + 7]) {
            expect(timestamps.format(start + offset)).toBe(new Date(start + offset).toISOString());
        }
    });
});
