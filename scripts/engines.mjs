// The Node.js versions the Backbone supports are package.json's `engines.node`. Two checks keep that statement true:
//
//   node scripts/engines.mjs check      every installed package (dependencies and dev dependencies) supports every
//                                        version the range allows (run after npm ci; fails naming the packages)
//   node scripts/engines.mjs supports [version]
//                                        exit code 0 when the version (default: this Node) lies in the range; needs no
//                                        installed packages, so CI can choose a Node before npm ci
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const range = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).engines.node;

/** `^a.b.c` and `>=a.b.c` alternatives joined by `||`: the forms package.json uses. */
function satisfies(version, text) {
    const [major, minor, patch] = version.replace(/^v/, "").split(".").map(Number);
    const value = major * 1e6 + minor * 1e3 + patch;
    return text.split("||").some((alternative) => {
        const match = /^\s*(\^|>=)(\d+)\.(\d+)\.(\d+)\s*$/.exec(alternative);
        if (!match) throw new Error(`engines.node: cannot read "${alternative.trim()}" (use ^x.y.z or >=x.y.z alternatives)`);
        const bound = Number(match[2]) * 1e6 + Number(match[3]) * 1e3 + Number(match[4]);
        return match[1] === ">=" ? value >= bound : value >= bound && major === Number(match[2]);
    });
}

const [command, argument] = process.argv.slice(2);
if (command === "supports") {
    process.exit(satisfies(argument ?? process.versions.node, range) ? 0 : 1);
} else if (command === "check") {
    const { default: semver } = await import("semver");
    const lock = JSON.parse(readFileSync(join(root, "package-lock.json"), "utf8"));
    const problems = [];
    for (const [path, entry] of Object.entries(lock.packages)) {
        const needs = entry.engines?.node;
        if (!path || !needs || !existsSync(join(root, path))) continue;
        if (!semver.subset(range, needs, { includePrerelease: false }))
            problems.push(`${path.replace(/^.*node_modules\//, "")}@${entry.version} needs node ${needs}`);
    }
    if (problems.length > 0) {
        process.stderr.write(
            `package.json's engines.node "${range}" allows versions that these packages do not support:\n  ${problems.join("\n  ")}\n`
        );
        process.stderr.write(
            "Narrow engines.node (and the README's Quick start) or choose versions of these packages that support the range.\n"
        );
        process.exit(1);
    }
    process.stdout.write(`engines: every installed package supports node ${range}\n`);
} else {
    process.stderr.write("usage: node scripts/engines.mjs check | supports [version]\n");
    process.exit(2);
}
