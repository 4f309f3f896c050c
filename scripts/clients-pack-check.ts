/**
 * The TypeScript clients installed as integrators install them, then used against a live Backbone:
 *
 *   npm run clients:pack-check
 *
 * 1. A directory install: `npm install <repo>/clients/connector` into a scratch project. npm links the folder and runs
 *    its prepare script, which builds the Connector client and, through the project reference, the App client (their
 *    dist folders are removed first, so the check sees the build happen).
 * 2. Tarballs: `npm pack` of both packages; their contents are checked (built JS and declarations, one copy of the
 *    generated types, no Node module in the App client), then both are installed into a second scratch project with
 *    `npm install <app>.tgz <connector>.tgz` (openapi-fetch comes from the registry).
 *
 * In each project tools/clients-pack/consumer.ts is type-checked against the installed declarations (Node types, no
 * DOM library), run against a Backbone started for the check (identity helper, second device, file upload and
 * byte-identical download, the App client's WebCrypto helper), and the package is loaded once more with require().
 * Needs `npm run build` and `npm run clients:install` first; the Backbone gets a throw-away database on the server of
 * DATABASE_URL, or its embedded PostgreSQL when that is unset.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { startLiveBackbone } from "./lib/live-backbone";
import { ROOT, run, timed } from "./lib/toolchains";

const CLIENTS = join(ROOT, "clients");
const TSC = join(CLIENTS, "node_modules", ".bin", "tsc");
const CONSUMER = join(ROOT, "tools", "clients-pack", "consumer.ts");
const NPM_QUIET = ["--no-audit", "--no-fund", "--loglevel=error"];

interface Project {
    name: string;
    dir: string;
}

function check(condition: unknown, message: string): asserts condition {
    if (!condition) throw new Error(`clients pack check: ${message}`);
}

/** A scratch project with the consumer program and a tsconfig as an integrator's Node project has it. */
function scratchProject(parent: string, name: string): Project {
    const project = { name, dir: join(parent, name) };
    mkdirSync(project.dir, { recursive: true });
    writeFileSync(join(project.dir, "package.json"), `${JSON.stringify({ name: project.name, private: true, type: "module" }, null, 2)}\n`);
    writeFileSync(
        join(project.dir, "tsconfig.json"),
        `${JSON.stringify(
            {
                compilerOptions: {
                    target: "es2022",
                    module: "nodenext",
                    moduleResolution: "nodenext",
                    lib: ["es2022"],
                    types: ["node"],
                    typeRoots: [join(CLIENTS, "node_modules", "@types")],
                    strict: true,
                    outDir: "out"
                },
                files: ["consumer.ts"]
            },
            null,
            2
        )}\n`
    );
    copyFileSync(CONSUMER, join(project.dir, "consumer.ts"));
    return project;
}

/** The file names in a tarball, without npm's `package/` prefix. */
async function tarballFiles(tarball: string): Promise<string[]> {
    return (await run("tar", ["-tzf", tarball]))
        .split("\n")
        .filter((line) => line.length > 0)
        .map((line) => line.replace(/^package\//, ""));
}

async function checkTarballs(dir: string): Promise<{ app: string; connector: string }> {
    const tarballs = readdirSync(dir).filter((name) => name.endsWith(".tgz"));
    const app = tarballs.find((name) => name.startsWith("enmeshed-backbone-app-client-"));
    const connector = tarballs.find((name) => name.startsWith("enmeshed-backbone-connector-client-"));
    check(app && connector && tarballs.length === 2, `two tarballs, got ${tarballs.join(", ")}`);
    const appFiles = await tarballFiles(join(dir, app));
    const connectorFiles = await tarballFiles(join(dir, connector));
    for (const [name, files] of [
        [app, appFiles],
        [connector, connectorFiles]
    ] as const) {
        for (const needed of ["package.json", "README.md", "dist/index.js", "dist/index.d.ts"]) {
            check(files.includes(needed), `${name} lacks ${needed}`);
        }
        check(!files.some((file) => file.includes("node_modules/") || file.endsWith(".tsbuildinfo")), `${name} holds build state`);
    }
    check(appFiles.includes("dist/generated/consumer-api.d.ts"), "the App client carries the generated types");
    check(!connectorFiles.some((file) => file.includes("generated/")), "the Connector client has no copy of the generated types");
    // The App client's built code loads no Node module (its sources are compiled without Node types, and the browser
    // bundle test runs them with web APIs only; this looks at what is shipped).
    const nodeImports = (await run("tar", ["-xzOf", join(dir, app), "--wildcards", "package/dist/*.js"])).match(
        /(?:from\s+|import\s*\(\s*|require\s*\(\s*)["'](node:[^"']+|fs|path|crypto|os|stream|buffer)["']/g
    );
    check(!nodeImports, `the App client's built code imports Node modules: ${nodeImports?.join(", ")}`);
    return { app: join(dir, app), connector: join(dir, connector) };
}

/** Type-checks and compiles the consumer program against the installed packages, then runs it and a require(). */
async function useFromProject(project: Project, backbone: { url: string; clientId: string; clientSecret: string }): Promise<void> {
    await timed(`clients pack check: ${project.name}: type-check the consumer`, () => run(TSC, ["-p", project.dir]));
    await timed(`clients pack check: ${project.name}: run the consumer`, () =>
        run(process.execPath, [join(project.dir, "out", "consumer.js"), backbone.url, backbone.clientId, backbone.clientSecret], {
            cwd: project.dir,
            show: true
        })
    );
    const required = await run(
        process.execPath,
        [
            "--input-type=commonjs",
            "-e",
            "const c = require('@enmeshed-backbone/connector-client'); process.stdout.write(typeof c.ConnectorClient + ' ' + typeof c.BackboneClient)"
        ],
        { cwd: project.dir }
    );
    check(required.trim().endsWith("function function"), `require() of the Connector client gave ${required}`);
}

async function main(): Promise<void> {
    const started = Date.now();
    check(existsSync(TSC), "the clients' workspace is not installed: npm run clients:install");
    const work = mkdtempSync(join(tmpdir(), "clients-pack-"));
    const backbone = await timed("clients pack check: start the Backbone", () => startLiveBackbone());
    try {
        // 1. A directory install of the Connector client: npm links it and its prepare script builds both packages.
        for (const name of ["app", "connector"]) rmSync(join(CLIENTS, name, "dist"), { recursive: true, force: true });
        const linked = scratchProject(work, "consumer-directory");
        await timed("clients pack check: npm install <repo>/clients/connector", () =>
            run("npm", ["install", ...NPM_QUIET, join(CLIENTS, "connector")], { cwd: linked.dir })
        );
        for (const name of ["app", "connector"])
            check(existsSync(join(CLIENTS, name, "dist", "index.js")), `clients/${name} was not built`);
        await useFromProject(linked, backbone);

        // 2. Both packages packed, checked, and installed from their tarballs.
        const tarballDir = join(work, "tarballs");
        mkdirSync(tarballDir);
        await timed("clients pack check: npm pack", () =>
            run("npm", ["pack", ...NPM_QUIET, "--workspace", "app", "--workspace", "connector", "--pack-destination", tarballDir], {
                cwd: CLIENTS
            })
        );
        const tarballs = await checkTarballs(tarballDir);
        const packed = scratchProject(work, "consumer-tarballs");
        await timed("clients pack check: npm install <app>.tgz <connector>.tgz", () =>
            run("npm", ["install", ...NPM_QUIET, tarballs.app, tarballs.connector], { cwd: packed.dir })
        );
        check(
            !existsSync(join(packed.dir, "node_modules", "@enmeshed-backbone", "connector-client", "node_modules")),
            "the Connector client brought its own copy of a dependency"
        );
        await useFromProject(packed, backbone);
    } finally {
        await backbone.stop();
        rmSync(work, { recursive: true, force: true });
    }
    process.stdout.write(`clients pack check: passed in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
});
