/**
 * Generates the TypeScript types of the clients from the committed specs, once per spec:
 * clients/app/src/generated/consumer-api.ts from openapi/consumer-api.json (the Connector client depends on the App
 * client and uses these types through it) and admin-console/src/generated/admin-api.ts from openapi/admin-api.json
 * (openapi-typescript). With --check, writes nothing and fails when a generated file differs from what it would
 * write, or when a generated folder holds a file the generator does not write.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

import openapiTS, { astToString } from "openapi-typescript";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** Each spec and the one file its types go to. */
const TARGETS = [
    { spec: "openapi/consumer-api.json", out: "clients/app/src/generated/consumer-api.ts" },
    { spec: "openapi/admin-api.json", out: "admin-console/src/generated/admin-api.ts" }
];

function header(spec) {
    return (
        `/**\n * GENERATED from ${spec} by \`npm run clients\` (tools/openapi/generate-clients.mjs). Do not edit:\n` +
        " * change the controllers or DTOs, then regenerate.\n */\n\n"
    );
}

async function expectedFiles() {
    const files = new Map();
    for (const { spec, out } of TARGETS) {
        const ast = await openapiTS(pathToFileURL(join(root, spec)), { alphabetize: true });
        files.set(join(root, out), header(spec) + astToString(ast));
    }
    return files;
}

/** Files in the generated folders that the generator would not write (left over from removed sources). */
function staleFiles(files) {
    const folders = new Set([...files.keys()].map((file) => dirname(file)));
    const stale = [];
    for (const dir of folders) {
        if (!existsSync(dir)) continue;
        for (const file of readdirSync(dir)) if (!files.has(join(dir, file))) stale.push(join(dir, file));
    }
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
    process.stdout.write(`clients: ${files.size} generated file(s) match the spec\n`);
} else {
    for (const file of stale) rmSync(file);
    for (const [file, text] of files) {
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, text);
    }
    process.stdout.write(`clients: wrote ${files.size} file(s)\n`);
}
