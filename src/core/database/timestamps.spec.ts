import fc from "fast-check";
import { types } from "pg";

import { parseTimestamptz, PG_TYPES } from "./timestamps";

const standard = types.getTypeParser(1184, "text") as (text: string) => Date;

const pad = (n: number, width: number) => String(n).padStart(width, "0");

/** `timestamptz` text as PostgreSQL writes it, in UTC sessions and others. */
const timestamptzText = fc
    .record({
        year: fc.oneof(fc.integer({ min: 1, max: 99 }), fc.integer({ min: 100, max: 9999 }), fc.integer({ min: 10000, max: 294276 })),
        month: fc.integer({ min: 1, max: 12 }),
        day: fc.integer({ min: 1, max: 28 }),
        hour: fc.integer({ min: 0, max: 23 }),
        minute: fc.integer({ min: 0, max: 59 }),
        second: fc.integer({ min: 0, max: 59 }),
        fraction: fc.option(fc.integer({ min: 1, max: 999999 }).map((f) => pad(f, 6).replace(/0+$/, ""))),
        zone: fc.constantFrom("+00", "+00", "+01", "-05", "+05:30", "+13:45:00"),
        bc: fc.boolean()
    })
    .map(
        (t) =>
            `${pad(t.year, 4)}-${pad(t.month, 2)}-${pad(t.day, 2)} ${pad(t.hour, 2)}:${pad(t.minute, 2)}:${pad(t.second, 2)}` +
            `${t.fraction === null ? "" : `.${t.fraction}`}${t.zone}${t.bc ? " BC" : ""}`
    );

describe("parseTimestamptz", () => {
    it("reads a UTC timestamp with microseconds as pg's parser does (ms, truncated)", () => {
        const date = parseTimestamptz("2025-10-27 11:55:13.949811+00");
        expect(date.toISOString()).toBe("2025-10-27T11:55:13.949Z");
        expect(parseTimestamptz("2026-12-01 07:10:00+00").toISOString()).toBe("2026-12-01T07:10:00.000Z");
    });

    it("answers what pg's own parser answers, for every form PostgreSQL writes", () => {
        fc.assert(
            fc.property(timestamptzText, (text) => {
                expect([text, parseTimestamptz(text).getTime()]).toEqual([text, standard(text).getTime()]);
            }),
            { numRuns: 5000 }
        );
        for (const text of ["infinity", "-infinity", "0099-01-01 00:00:00+00", "2025-10-27 11:55:13.5+01"])
            expect([text, Number(parseTimestamptz(text))]).toEqual([text, Number(standard(text))]);
    });

    it("is the pool's parser for timestamptz text, and pg's for everything else", () => {
        expect(PG_TYPES.getTypeParser(1184, "text")).toBe(parseTimestamptz);
        expect(PG_TYPES.getTypeParser(1184, "binary")).toBe(types.getTypeParser(1184, "binary"));
        expect(PG_TYPES.getTypeParser(1114, "text")).toBe(types.getTypeParser(1114, "text"));
        expect(PG_TYPES.getTypeParser(20)).toBe(types.getTypeParser(20, "text"));
    });
});
