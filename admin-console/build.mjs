/**
 * Builds the admin console for the Backbone's build (`npm run build`), so that `npm ci && npm start` serves it:
 *   1. installs the console's own dependencies when they are missing or older than its lockfile (npm ci);
 *   2. builds it with Vite into build/admin-console, unless that build is of the same sources (a hash of every file
 *      of the console except node_modules, kept in build/admin-console/.sources);
 *   3. copies it into dist/admin-console, where the compiled Backbone serves it from.
 * Options: --force (build even when the sources did not change), --no-copy (build only, e.g. for the tests, which
 * serve build/admin-console).
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const consoleDir = dirname(fileURLToPath(import.meta.url));
// The checkout being built: npm runs the build script in it (a linked copy of the checkout builds into its own folders).
const root = process.env.npm_package_json ? dirname(process.env.npm_package_json) : join(consoleDir, "..");
const outDir = join(root, "build", "admin-console");
const stampFile = join(outDir, ".sources");
const distDir = join(root, "dist", "admin-console");
const args = new Set(process.argv.slice(2));
const started = performance.now();
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

/** `npm run -s build` (as `npm start` runs it) keeps the console quiet. */
const silent = process.env.npm_config_loglevel === "silent";

function log(message) {
    if (!silent) process.stdout.write(`admin console: ${message}\n`);
}

/** npm writes node_modules/.package-lock.json on every install; older than the lockfile means the lockfile changed since. */
function dependenciesInstalled() {
    const installed = join(consoleDir, "node_modules", ".package-lock.json");
    return existsSync(installed) && statSync(installed).mtimeMs >= statSync(join(consoleDir, "package-lock.json")).mtimeMs;
}

function sourceFiles(dir = consoleDir) {
    const files = [];
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.name === "node_modules") continue;
        const path = join(dir, entry.name);
        if (entry.isDirectory()) files.push(...sourceFiles(path));
        else if (entry.isFile()) files.push(path);
    }
    return files.sort();
}

function sourcesHash() {
    const hash = createHash("sha256");
    for (const file of sourceFiles()) hash.update(relative(consoleDir, file)).update("\0").update(readFileSync(file)).update("\0");
    return hash.digest("hex");
}

if (!dependenciesInstalled()) {
    log("installing its dependencies (npm ci)");
    execFileSync(npm, ["ci", "--no-fund", "--no-audit", "--loglevel=error"], { cwd: consoleDir, stdio: silent ? "ignore" : "inherit" });
}
const hash = sourcesHash();
const upToDate = !args.has("--force") && existsSync(stampFile) && readFileSync(stampFile, "utf8") === hash;
if (!upToDate) {
    execFileSync(process.execPath, [join(consoleDir, "node_modules", "vite", "bin", "vite.js"), "build", "--logLevel", "warn"], {
        cwd: consoleDir,
        stdio: "inherit",
        env: { ...process.env, ADMIN_CONSOLE_OUT_DIR: outDir }
    });
    writeFileSync(stampFile, hash);
}
if (!args.has("--no-copy")) {
    rmSync(distDir, { recursive: true, force: true });
    mkdirSync(dirname(distDir), { recursive: true });
    cpSync(outDir, distDir, { recursive: true, filter: (source) => source !== stampFile });
}
log(`${upToDate ? "unchanged since the last build" : "built"} (${Math.round(performance.now() - started)} ms)`);
