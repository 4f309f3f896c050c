import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = join(__dirname, "..", "..");

/**
 * A folder that looks like a checkout (the sources, package.json and node_modules linked in) with the Backbone built
 * into its own dist/ by `npm run build`, so that the tests neither run a stale dist/ nor touch the working tree's.
 */
export interface BuiltBackbone {
    dir: string;
    main: string;
    remove(): void;
}

export function buildBackbone(): BuiltBackbone {
    const dir = mkdtempSync(join(tmpdir(), "backbone-build-"));
    chmodSync(dir, 0o755);
    for (const entry of [
        "src",
        "scripts",
        "migrations",
        "admin-console",
        "node_modules",
        "package.json",
        ".swcrc",
        "nest-cli.json",
        "tsconfig.json"
    ]) {
        symlinkSync(join(root, entry), join(dir, entry));
    }
    execFileSync("npm", ["run", "-s", "build"], { cwd: dir, stdio: "pipe" });
    return { dir, main: join(dir, "dist", "src", "main.js"), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export { freePort } from "../../src/core/net/free-port";

/**
 * A Backbone started as `npm start` starts it, with stdout and stderr captured (pipes, not a terminal). It runs in a
 * process group of its own, so that interrupt() signals it as a terminal's Ctrl-C does.
 */
export class BackboneProcess {
    readonly stdout: string[] = [];
    readonly stderr: string[] = [];
    readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
    private readonly child: ChildProcess;
    private waiters: Array<() => void> = [];

    /** `command` is e.g. `[process.execPath, main]`, or `["npm", "start"]` with `cwd` a checkout. */
    constructor(command: string[], env: Record<string, string>, options: { cwd?: string } = {}) {
        // Only what the test names: no DATABASE_URL or other settings of the test run leak into the server.
        this.child = spawn(command[0]!, command.slice(1), {
            cwd: options.cwd ?? tmpdir(),
            env: { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: process.env.HOME ?? tmpdir(), NO_COLOR: "1", ...env },
            stdio: ["ignore", "pipe", "pipe"],
            detached: true
        });
        const collect = (target: string[]) => {
            let rest = "";
            return (chunk: Buffer) => {
                const parts = (rest + chunk.toString("utf8")).split("\n");
                rest = parts.pop() ?? "";
                target.push(...parts);
                for (const wake of this.waiters.splice(0)) wake();
            };
        };
        this.child.stdout!.on("data", collect(this.stdout));
        this.child.stderr!.on("data", collect(this.stderr));
        this.exited = new Promise((resolve) => this.child.once("exit", (code, signal) => resolve({ code, signal })));
        void this.exited.then(() => setTimeout(() => this.waiters.splice(0).forEach((wake) => wake()), 50));
    }

    get running(): boolean {
        return this.child.exitCode === null && this.child.signalCode === null;
    }

    /** Index of the first stdout line that matches, waiting for it (fails when the process exits first). */
    async waitForLine(matches: (line: string) => boolean, timeoutMs = 60_000): Promise<number> {
        const deadline = Date.now() + timeoutMs;
        for (;;) {
            const index = this.stdout.findIndex(matches);
            if (index >= 0) return index;
            if (!this.running) throw new Error(`exited before the line appeared:\n${this.output()}`);
            if (Date.now() > deadline) throw new Error(`line did not appear in time:\n${this.output()}`);
            await new Promise<void>((resolve) => {
                const timer = setTimeout(resolve, 200);
                this.waiters.push(() => {
                    clearTimeout(timer);
                    resolve();
                });
            });
        }
    }

    /** Ctrl-C in a terminal: SIGINT to the whole process group. */
    interrupt(): void {
        this.signal("SIGINT");
    }

    /** Sends a signal to the process group. */
    signal(signal: NodeJS.Signals): void {
        process.kill(-this.child.pid!, signal);
    }

    /** Stops the process if it still runs (SIGTERM, so that it stops its embedded database too). */
    async stop(): Promise<void> {
        if (this.running) this.child.kill("SIGTERM");
        await this.exited;
    }

    output(): string {
        return [...this.stdout, ...this.stderr].join("\n");
    }
}
