/**
 * Writes the configuration table of README.md from the configuration schema (src/config/config.ts). With --check,
 * fails instead when the committed README differs, or when a variable has no description.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import { ConfigDocsError, configEntries, configTable, replaceTable } from "./lib/config-docs";

function main(): void {
    const check = process.argv.includes("--check");
    const root = join(__dirname, "..", "..");
    const readmePath = join(root, "README.md");
    const readme = readFileSync(readmePath, "utf8");
    const entries = configEntries(root);
    const updated = replaceTable(readme, configTable(entries));
    if (check) {
        if (updated !== readme) {
            process.stderr.write(
                "README.md: the configuration table differs from src/config/config.ts: run `npm run docs:config` and commit the result.\n"
            );
            process.exit(1);
        }
        process.stdout.write(`docs:config: README.md documents all ${entries.length} variables\n`);
        return;
    }
    writeFileSync(readmePath, updated);
    process.stdout.write(`docs:config: wrote the table of ${entries.length} variables into README.md\n`);
}

try {
    main();
} catch (error) {
    process.stderr.write(
        `${error instanceof ConfigDocsError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`
    );
    process.exit(1);
}
