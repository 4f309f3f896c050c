/**
 * Generates Python, Java and Go clients from the committed openapi/consumer-api.json with openapi-generator, and runs
 * each language's smoke program (tools/languages/<language>) against a live Backbone started for the run:
 *
 *   npm run clients:languages                      # all three
 *   npm run clients:languages -- --only python,go  # some
 *
 * Needs Java 17 with Maven, Python 3 (venv), Go. The clients are written to build/languages/<language>; the generator
 * JAR, the Python environment and the Java client's libraries are kept in build/cache for the next run. The Backbone
 * gets a throw-away database on the server of DATABASE_URL, or its embedded PostgreSQL when that is unset.
 */
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";

import { startLiveBackbone } from "./lib/live-backbone";
import { BUILD_DIR, mavenDependencies, mavenJar, pythonEnvironment, ROOT, run, timed } from "./lib/toolchains";

const GENERATOR_VERSION = "7.25.0";

const SPEC = join(ROOT, "openapi", "consumer-api.json");
const OUT = join(BUILD_DIR, "languages");
const TOOLS = join(ROOT, "tools", "languages");

/** The generator's options per language (README, "Clients in other languages", shows the same commands). */
const GENERATORS: Record<Language, string[]> = {
    python: ["-g", "python", "--package-name", "backbone_client"],
    java: [
        "-g",
        "java",
        "--library",
        "native",
        "--api-package",
        "backbone.client.api",
        "--model-package",
        "backbone.client.model",
        "--invoker-package",
        "backbone.client",
        "--group-id",
        "org.example",
        "--artifact-id",
        "backbone-client",
        "--additional-properties",
        "hideGenerationTimestamp=true"
    ],
    go: [
        "-g",
        "go",
        "--package-name",
        "backbone",
        "--git-user-id",
        "enmeshed",
        "--git-repo-id",
        "backbone-go",
        "--additional-properties",
        "enumClassPrefix=true"
    ]
};

type Language = "python" | "java" | "go";
const LANGUAGES: Language[] = ["python", "java", "go"];

interface Prepared {
    /** The smoke program's command line, to which the Backbone URL and the OAuth client are appended. */
    command: string;
    args: string[];
    env?: NodeJS.ProcessEnv;
}

async function generate(jar: string, language: Language): Promise<void> {
    const out = join(OUT, language);
    rmSync(out, { recursive: true, force: true });
    await run("java", [
        "-jar",
        jar,
        "generate",
        "-i",
        SPEC,
        "-o",
        out,
        ...GENERATORS[language],
        "--global-property",
        "apiTests=false,modelTests=false,apiDocs=false,modelDocs=false"
    ]);
}

async function prepare(language: Language): Promise<Prepared> {
    switch (language) {
        case "python": {
            const venv = await pythonEnvironment("python-smoke", join(TOOLS, "python", "requirements.txt"));
            return {
                command: join(venv, "bin", "python"),
                args: [join(TOOLS, "python", "smoke.py")],
                env: { ...process.env, PYTHONPATH: join(OUT, "python") }
            };
        }
        case "java": {
            const libs = await mavenDependencies("java-client-libs", join(OUT, "java", "pom.xml"));
            const classes = join(OUT, "java-classes");
            rmSync(classes, { recursive: true, force: true });
            mkdirSync(classes, { recursive: true });
            const sources = (await run("find", [join(OUT, "java", "src", "main", "java"), "-name", "*.java"])).trim().split("\n");
            const classpath = `${join(libs, "*")}`;
            await run("javac", [
                "-nowarn",
                "-encoding",
                "UTF-8",
                "-d",
                classes,
                "-cp",
                classpath,
                ...sources,
                join(TOOLS, "java", "Smoke.java")
            ]);
            return { command: "java", args: ["-cp", `${classes}:${classpath}`, "Smoke"] };
        }
        case "go": {
            const binary = join(OUT, "go-smoke");
            await run("go", ["build", "-o", binary, "."], { cwd: join(TOOLS, "go") });
            return { command: binary, args: [] };
        }
    }
}

async function main(): Promise<void> {
    const onlyIndex = process.argv.indexOf("--only");
    const languages = onlyIndex >= 0 ? (process.argv[onlyIndex + 1] ?? "").split(",").map((l) => l.trim()) : LANGUAGES;
    for (const language of languages) {
        if (!LANGUAGES.includes(language as Language)) throw new Error(`unknown language ${language}: one of ${LANGUAGES.join(", ")}`);
    }
    const selected = languages as Language[];

    const jar = await timed("languages: openapi-generator-cli JAR", () =>
        mavenJar("org.openapitools", "openapi-generator-cli", GENERATOR_VERSION)
    );
    // The languages are independent: generate and build them side by side.
    const prepared = new Map<Language, Prepared>(
        await Promise.all(
            selected.map(async (language) => {
                await timed(`languages: ${language}: generate`, () => generate(jar, language));
                return [language, await timed(`languages: ${language}: build`, () => prepare(language))] as const;
            })
        )
    );

    const backbone = await timed("languages: start the Backbone", () => startLiveBackbone());
    const failed: string[] = [];
    try {
        for (const [language, smoke] of prepared) {
            process.stdout.write(`languages: ${language}: smoke program against ${backbone.url}\n`);
            try {
                await timed(`languages: ${language}: smoke`, () =>
                    run(smoke.command, [...smoke.args, backbone.url, backbone.clientId, backbone.clientSecret], {
                        env: smoke.env,
                        show: true
                    })
                );
            } catch (error) {
                process.stderr.write(`${(error as Error).message}\n`);
                failed.push(language);
            }
        }
    } finally {
        await backbone.stop();
    }
    const passed = selected.filter((language) => !failed.includes(language));
    process.stdout.write(
        `languages: smoke programs ${passed.length} passed, ${failed.length} failed${failed.length ? ` (${failed.join(", ")})` : ""}\n`
    );
    if (failed.length > 0) process.exit(1);
}

main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
});
