/**
 * Generates the typed clients under clients/ from openapi/consumer-api.json, and the admin console's types from
 * openapi/admin-api.json (admin-console-types.mjs):
 *   - clients/<package>/src/generated/consumer-api.ts: the spec's types (openapi-typescript);
 *   - clients/<package>/src/shared/: a copy of the hand-written layer in clients/shared/.
 * With --check, writes nothing and fails when any of these files differs from what it would write.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

import openapiTS, { astToString } from "openapi-typescript";

import { adminConsoleFiles, adminConsoleGeneratedDir } from "./admin-console-types.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const spec = join(root, "openapi", "consumer-api.json");
const sharedSource = join(root, "clients", "shared");
const packages = ["app", "connector"];

const GENERATED_HEADER =
    "/**\n * GENERATED from openapi/consumer-api.json by `npm run clients` (tools/openapi/generate-clients.mjs). Do not edit:\n" +
    " * change the controllers or DTOs, then regenerate.\n */\n\n";
const COPY_HEADER =
    "// COPIED from clients/shared by `npm run clients` (tools/openapi/generate-clients.mjs). Do not edit here: edit clients/shared.\n";

async function expectedFiles() {
    const files = new Map();
    const ast = await openapiTS(pathToFileURL(spec), { alphabetize: true });
    const types = GENERATED_HEADER + astToString(ast);
    const shared = readdirSync(sharedSource)
        .filter((name) => name.endsWith(".ts"))
        .sort()
        .map((name) => [name, COPY_HEADER + readFileSync(join(sharedSource, name), "utf8")]);
    for (const name of packages) {
        const src = join(root, "clients", name, "src");
        files.set(join(src, "generated", "consumer-api.ts"), types);
        for (const [file, text] of shared) files.set(join(src, "shared", file), text);
    }
    for (const [file, text] of await adminConsoleFiles(root)) files.set(file, text);
    return files;
}

/** Files in the generated folders that the generator would not write (left over from removed sources). */
function staleFiles(files) {
    const stale = [];
    for (const name of packages) {
        for (const folder of ["generated", "shared"]) {
            const dir = join(root, "clients", name, "src", folder);
            if (!existsSync(dir)) continue;
            for (const file of readdirSync(dir)) if (!files.has(join(dir, file))) stale.push(join(dir, file));
        }
    }
    const consoleDir = adminConsoleGeneratedDir(root);
    if (existsSync(consoleDir))
        for (const file of readdirSync(consoleDir)) if (!files.has(join(consoleDir, file))) stale.push(join(consoleDir, file));
    return stale;
}

const check = process.argv.includes("--check");
const files = await expectedFiles();
const stale = staleFiles(files);
if (check) {
    const differing = [...files].filter(([file, text]) => !existsSync(file) || readFileSync(file, "utf8") !== text).map(([file]) => file);
    const problems = [...differing.map((f) => `differs: ${relative(root, f)}`), ...stale.map((f) => `not generated: ${relative(root, f)}`)];
    if (problems.length > 0) {
        process.stderr.write(
            `clients: generated code is out of date; run \`npm run clients\` and commit the result.\n  ${problems.join("\n  ")}\n`
        );
        process.exit(1);
    }
    process.stdout.write(`clients: ${files.size} generated files match openapi/*.json and clients/shared\n`);
} else {
    for (const file of stale) rmSync(file);
    for (const [file, text] of files) {
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, text);
    }
    process.stdout.write(`clients: wrote ${files.size} files\n`);
}
