import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";

/** The repository root (scripts run from dist/scripts). */
export const ROOT = join(__dirname, "..", "..", "..");
/** Generated code and build output of the language tools (git-ignored). */
export const BUILD_DIR = join(ROOT, "build");
/** Downloads and environments reused across runs (git-ignored): the generator JAR, Python venvs, Java libraries. */
export const CACHE_DIR = join(BUILD_DIR, "cache");

export interface RunOptions {
    cwd?: string;
    env?: NodeJS.ProcessEnv;
    /** Stream the command's output instead of showing it only when it fails. */
    show?: boolean;
}

/** Runs a command without blocking the event loop (a live Backbone child keeps being read); fails on a non-zero exit. */
export async function run(command: string, args: string[], options: RunOptions = {}): Promise<string> {
    return await new Promise((resolve, reject) => {
        const child = spawn(command, args, {
            cwd: options.cwd ?? ROOT,
            env: options.env ?? process.env,
            stdio: ["ignore", "pipe", "pipe"]
        });
        const chunks: Buffer[] = [];
        const collect = (chunk: Buffer, stream: NodeJS.WriteStream): void => {
            chunks.push(chunk);
            if (options.show) stream.write(chunk);
        };
        child.stdout.on("data", (chunk: Buffer) => collect(chunk, process.stdout));
        child.stderr.on("data", (chunk: Buffer) => collect(chunk, process.stderr));
        child.once("error", reject);
        child.once("close", (code, signal) => {
            const output = Buffer.concat(chunks).toString("utf8");
            if (code === 0) resolve(output);
            else {
                const tail = options.show ? "" : `:\n${output.split("\n").slice(-60).join("\n")}`;
                reject(new Error(`${command} ${args.join(" ")} exited with ${code ?? signal}${tail}`));
            }
        });
    });
}

/** Runs `step` and prints how long it took. */
export async function timed<T>(label: string, step: () => Promise<T>): Promise<T> {
    const started = Date.now();
    const result = await step();
    process.stdout.write(`${label}: ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    return result;
}

function shortHash(...parts: string[]): string {
    const hash = createHash("sha256");
    for (const part of parts) hash.update(part).update("\0");
    return hash.digest("hex").substring(0, 12);
}

/**
 * A Python virtual environment with the pinned requirements of `requirementsFile`, created once per content of that
 * file and Python version under build/cache. Gives the environment's folder.
 */
export async function pythonEnvironment(name: string, requirementsFile: string): Promise<string> {
    const python = process.env.PYTHON ?? "python3";
    const version = (await run(python, ["--version"])).trim();
    const dir = join(CACHE_DIR, `${name}-${shortHash(version, readFileSync(requirementsFile, "utf8"))}`);
    const marker = join(dir, ".installed");
    if (existsSync(marker)) return dir;
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(CACHE_DIR, { recursive: true });
    await run(python, ["-m", "venv", dir]);
    await run(join(dir, "bin", "pip"), ["install", "--quiet", "--disable-pip-version-check", "-r", requirementsFile]);
    await run("touch", [marker]);
    return dir;
}

/** A JAR from Maven Central, copied once into build/cache (Maven's own cache is ~/.m2). Gives its path. */
export async function mavenJar(groupId: string, artifactId: string, version: string): Promise<string> {
    const jar = join(CACHE_DIR, `${artifactId}-${version}.jar`);
    if (existsSync(jar)) return jar;
    mkdirSync(CACHE_DIR, { recursive: true });
    await run("mvn", ["-B", "-q", "dependency:copy", `-Dartifact=${groupId}:${artifactId}:${version}`, `-DoutputDirectory=${CACHE_DIR}`]);
    return jar;
}

/** The compile-scope dependencies of a Maven project, copied once per content of its pom into build/cache. Gives the folder. */
export async function mavenDependencies(name: string, pom: string): Promise<string> {
    const dir = join(CACHE_DIR, `${name}-${shortHash(readFileSync(pom, "utf8"))}`);
    const marker = join(dir, ".copied");
    if (existsSync(marker)) return dir;
    rmSync(dir, { recursive: true, force: true });
    await run("mvn", ["-B", "-q", "-f", pom, "dependency:copy-dependencies", "-DincludeScope=compile", `-DoutputDirectory=${dir}`]);
    await run("touch", [marker]);
    return dir;
}
