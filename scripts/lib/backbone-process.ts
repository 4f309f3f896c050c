import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";

/** A built Backbone (`node dist/src/main.js`) running as a child process of a script. */
export interface BackboneChild {
    /** e.g. `http://127.0.0.1:41234` */
    url: string;
    child: ChildProcess;
    /** The last output the Backbone wrote (stdout and stderr). */
    output(): string;
    /** Stops it (SIGTERM, SIGKILL after 30 s), then runs `afterStop`. */
    stop(): Promise<void>;
}

export interface BackboneChildOptions {
    /** The Backbone's whole environment; it listens on `port` of 127.0.0.1. */
    env: NodeJS.ProcessEnv;
    port: number;
    /** Options of the Backbone's node. */
    nodeArgs?: string[];
    /** How many chunks of output to keep for error messages. */
    keepChunks: number;
    /** What to remove once it has stopped (its data folder, its database). */
    afterStop(): Promise<void> | void;
}

/**
 * Starts the built Backbone (`npm run build` first) and waits until `/health/ready` answers (at most 120 s); it is
 * killed when the script exits. If it exits or does not become ready, it is stopped and the error carries its output.
 */
export async function startBackboneChild(options: BackboneChildOptions): Promise<BackboneChild> {
    const output: string[] = [];
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), join(__dirname, "..", "..", "src", "main.js")], {
        env: options.env,
        stdio: ["ignore", "pipe", "pipe"]
    });
    const keep = (chunk: Buffer): void => {
        output.push(chunk.toString("utf8"));
        if (output.length > options.keepChunks) output.shift();
    };
    child.stdout!.on("data", keep);
    child.stderr!.on("data", keep);
    const killOnExit = (): void => void child.kill("SIGKILL");
    process.once("exit", killOnExit);
    const running = (): boolean => child.exitCode === null && child.signalCode === null;

    const stop = async (): Promise<void> => {
        process.removeListener("exit", killOnExit);
        if (running()) {
            const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
            child.kill("SIGTERM");
            const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
            await exited;
            clearTimeout(timer);
        }
        await options.afterStop();
    };

    const url = `http://127.0.0.1:${options.port}`;
    const deadline = Date.now() + 120_000;
    try {
        for (;;) {
            if (!running()) throw new Error("the Backbone exited during start-up");
            if (Date.now() > deadline) throw new Error("the Backbone did not become ready within 120 s");
            const ready = await fetch(`${url}/health/ready`).then(
                (response) => response.ok,
                () => false
            );
            if (ready) break;
            await new Promise((resolve) => setTimeout(resolve, 250));
        }
    } catch (error) {
        await stop();
        throw new Error(`${(error as Error).message}:\n${output.join("")}`, { cause: error });
    }
    return { url, child, output: () => output.join(""), stop };
}
