import { readFileSync } from "node:fs";
import { join } from "node:path";

import { z } from "zod";

import { ConfigDocsError, configEntries, configTable, entriesOf, replaceTable } from "../../scripts/lib/config-docs";
import { configSchema } from "../../src/config/config";

const root = join(__dirname, "..", "..");

describe("the configuration table of the README", () => {
    it("describes every variable of the schema, with its default", () => {
        const entries = configEntries(root);
        expect(entries.map((e) => e.name)).toEqual(Object.keys(configSchema.shape));
        for (const entry of entries) expect(entry.meaning.length).toBeGreaterThan(10);
        expect(entries.find((e) => e.name === "PORT")).toMatchObject({ defaultValue: "`8080`", values: "integer 0..65535" });
        expect(entries.find((e) => e.name === "CREATE_DEFAULT_CLIENT")).toMatchObject({
            defaultValue: "`true`",
            values: "`true`, `false`"
        });
        expect(entries.find((e) => e.name === "DATABASE_URL")?.defaultValue).toBe("unset: embedded PostgreSQL");
    });

    it("is what the README holds (npm run docs:config writes it)", () => {
        const readme = readFileSync(join(root, "README.md"), "utf8");
        expect(replaceTable(readme, configTable(configEntries(root)))).toBe(readme);
    });

    it("cannot be generated while a variable has no description, and says which", () => {
        const source = [
            "export const configSchema = z.object({",
            "    /** Documented. */",
            "    DOCUMENTED: z.string().default('x'),",
            "    NEW_SETTING: z.string().optional()",
            "});"
        ].join("\n");
        const shape = { DOCUMENTED: z.string().default("x"), NEW_SETTING: z.string().optional() };
        expect(() => entriesOf(source, shape)).toThrow(ConfigDocsError);
        expect(() => entriesOf(source, shape)).toThrow(/NEW_SETTING has no description/);
    });
});
