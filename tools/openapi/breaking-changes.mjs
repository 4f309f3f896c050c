/**
 * Fails when openapi/consumer-api.json breaks clients compared with the previous version of the spec, unless the
 * break is marked intended.
 *
 * Previous version: the spec of HEAD when the working tree changed it, else the spec of HEAD~1 (so CI compares
 * the tested commit with its parent). Nothing to compare (first commit, shallow clone, no spec yet): passes.
 *
 * Marked intended by either
 *   - a line `Breaking-API: <reason>` in the message of the commit under test (HEAD), or
 *   - the file openapi-breaking-change.txt whose first line is the SHA-256 of exactly this spec, written by
 *     `npm run openapi:breaking -- --accept "<reason>"`; any later change of the spec voids it.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import openapiDiff from "openapi-diff";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const SPEC = "openapi/consumer-api.json";
const MARKER = "openapi-breaking-change.txt";

function git(...args) {
    return execFileSync("git", args, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], maxBuffer: 64 * 1024 * 1024 });
}

function tryGit(...args) {
    try {
        return git(...args);
    } catch {
        return undefined;
    }
}

const current = readFileSync(join(root, SPEC), "utf8");
const hash = createHash("sha256").update(current).digest("hex");

const acceptIndex = process.argv.indexOf("--accept");
if (acceptIndex >= 0) {
    const reason = process.argv[acceptIndex + 1];
    if (!reason) throw new Error('--accept needs a reason: --accept "why clients must change"');
    writeFileSync(join(root, MARKER), `${hash}\n${reason}\n`);
    process.stdout.write(`openapi: ${MARKER} accepts the breaking changes of this spec; commit it with the spec\n`);
    process.exit(0);
}

const uncommitted = tryGit("diff", "--quiet", "HEAD", "--", SPEC) === undefined;
const baseRevision = uncommitted ? "HEAD" : "HEAD~1";
const previous = tryGit("show", `${baseRevision}:${SPEC}`);
if (previous === undefined) {
    process.stdout.write(`openapi: no previous spec at ${baseRevision}, nothing to compare\n`);
    process.exit(0);
}

let outcome;
try {
    outcome = await openapiDiff.diffSpecs({
        sourceSpec: { content: previous, location: `${baseRevision}:${SPEC}`, format: "openapi3" },
        destinationSpec: { content: current, location: SPEC, format: "openapi3" }
    });
} catch (error) {
    // A previous spec that does not even resolve could not have served any generated client.
    if (error instanceof Error && error.message.includes(`"${baseRevision}:${SPEC}"`)) {
        process.stdout.write(`openapi: the previous spec at ${baseRevision} is invalid (${error.message}), nothing to compare\n`);
        process.exit(0);
    }
    throw error;
}
if (!outcome.breakingDifferencesFound) {
    process.stdout.write(
        `openapi: no breaking change against ${baseRevision} (${outcome.nonBreakingDifferences.length} compatible differences)\n`
    );
    process.exit(0);
}

const list = outcome.breakingDifferences
    .map(
        (d) =>
            `  - ${d.code} (${d.action}) at ${[...d.sourceSpecEntityDetails, ...d.destinationSpecEntityDetails].map((e) => e.location).join(", ")}`
    )
    .join("\n");
const message = uncommitted ? "" : (tryGit("log", "-1", "--format=%B") ?? "");
const byCommit = /^Breaking-API:\s*\S/im.test(message);
const marker = existsSync(join(root, MARKER)) ? readFileSync(join(root, MARKER), "utf8").split("\n")[0].trim() : "";
if (byCommit || marker === hash) {
    process.stdout.write(
        `openapi: breaking changes against ${baseRevision}, marked intended (${byCommit ? "commit message" : MARKER}):\n${list}\n`
    );
    process.exit(0);
}
process.stderr.write(
    `openapi: breaking changes against ${baseRevision}:\n${list}\n` +
        `If they are intended, add a line "Breaking-API: <reason>" to the commit message, or run\n` +
        `  npm run openapi:breaking -- --accept "<reason>"\nand commit ${MARKER} with the spec.\n`
);
process.exit(1);
