import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { TEST_CLIENT } from "./test-app";

export interface ChildBackbone {
    baseUrl: string;
    process: ChildProcess;
    /** What the process wrote to stderr (for the message of a failed start). */
    stderr(): string;
    /** SIGKILL: the process dies at once, as in a crash or an out-of-memory kill. */
    crash(): Promise<void>;
}

/** A port that was free a moment ago. */
export async function freePort(): Promise<number> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    return typeof address === "object" && address ? address.port : 0;
}

/**
 * The Backbone as a process of its own (src/main.ts, compiled on the fly), so that a test can kill it in the middle
 * of a request. `env` adds to a quiet test configuration; DATABASE_URL must name a test database.
 */
export async function startChildBackbone(env: Record<string, string> & { DATABASE_URL: string }): Promise<ChildBackbone> {
    const port = await freePort();
    const root = join(__dirname, "..", "..");
    const child = spawn(process.execPath, ["-r", join(__dirname, "register-ts.js"), join(root, "src", "main.ts")], {
        cwd: root,
        env: {
            PATH: process.env.PATH,
            PORT: String(port),
            HOST: "127.0.0.1",
            LOG_LEVEL: "warn",
            BOOTSTRAP_CLIENT_ID: TEST_CLIENT.id,
            BOOTSTRAP_CLIENT_SECRET: TEST_CLIENT.secret,
            SWAGGER_UI: "false",
            RATE_LIMIT_ENABLED: "false",
            HOUSEKEEPING_ENABLED: "false",
            DATA_DIR: join(tmpdir(), `backbone-child-${process.pid}`),
            NODE_NO_WARNINGS: "1",
            ...env
        },
        stdio: ["ignore", "pipe", "pipe"]
    });
    let stderr = "";
    child.stderr!.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
    child.stdout!.resume();
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    const baseUrl = `http://127.0.0.1:${port}`;
    for (let attempt = 0; ; attempt++) {
        if (child.exitCode !== null) throw new Error(`the Backbone process exited at start-up: ${stderr}`);
        const live = await fetch(`${baseUrl}/health/live`).catch(() => undefined);
        if (live?.ok) break;
        if (attempt > 600) {
            child.kill("SIGKILL");
            throw new Error(`the Backbone process did not start: ${stderr}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return {
        baseUrl,
        process: child,
        stderr: () => stderr,
        async crash() {
            if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
            await exited;
        }
    };
}
