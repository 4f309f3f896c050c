import { type ChildProcess, execFile, spawn } from "node:child_process";
import { closeSync, existsSync, openSync, readdirSync, readFileSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

import { S3BlobStorage, type S3Settings } from "../../src/core/blob-storage/s3-blob-storage";
import { freePort } from "./child-backbone";

const run = promisify(execFile);

/** The tempauth user of the s3api: its S3 access key is `account:user`, its secret the password. */
export const SWIFT_CREDENTIALS = { accessKey: "test:tester", secretKey: "testing" };
const PYTHON = "/usr/bin/python3";
const SERVERS = ["account", "container", "object"] as const;
type Server = (typeof SERVERS)[number] | "proxy";

export interface TestSwift {
    endpoint: string;
    bucket: string;
    /** The S3 settings of the Backbone for this Swift. */
    env: Record<string, string>;
    storage(settings?: Partial<S3Settings>): S3BlobStorage;
    /** Stops the proxy server (the S3 endpoint): connections are refused until startProxy(). */
    stopProxy(): Promise<void>;
    startProxy(): Promise<void>;
    /** Suspends the proxy process (SIGSTOP): connections are accepted and never answered, until resumeProxy(). */
    pauseProxy(): void;
    resumeProxy(): void;
    close(): Promise<void>;
}

function swiftRoot(): string {
    const root = process.env.SWIFT_ROOT ?? join(__dirname, "..", "..", ".cache", "swift", "root");
    if (!existsSync(join(root, "usr", "lib", "python3", "dist-packages", "swift"))) {
        throw new Error(`Swift is not unpacked under ${root}: run scripts/swift/prepare-swift.sh (npm run test:s3-swift does)`);
    }
    return root;
}

async function accepts(port: number): Promise<boolean> {
    return await new Promise((resolve) => {
        const socket = connect(port, "127.0.0.1");
        socket.once("connect", () => {
            socket.destroy();
            resolve(true);
        });
        socket.once("error", () => resolve(false));
    });
}

/**
 * A one-node OpenStack Swift (account, container, object and proxy servers, one replica each) with the s3api and
 * tempauth middlewares, from the Debian packages that scripts/swift/prepare-swift.sh unpacked. Its data lives in a
 * temporary folder (Swift keeps object metadata in user xattrs, which the folder must support).
 */
export async function startSwift(bucket = "backbone-swift"): Promise<TestSwift> {
    const root = swiftRoot();
    const libDir = readdirSync(join(root, "usr", "lib")).find((name) => name.endsWith("-linux-gnu"));
    const env = {
        PATH: process.env.PATH,
        PYTHONPATH: join(root, "usr", "lib", "python3", "dist-packages"),
        LD_LIBRARY_PATH: libDir ? join(root, "usr", "lib", libDir) : "",
        PYTHONDONTWRITEBYTECODE: "1"
    };
    const bin = (name: string) => join(root, "usr", "bin", name);
    const dir = await mkdtemp(join(tmpdir(), "swift-"));
    await mkdir(join(dir, "srv", "d1"), { recursive: true });
    await mkdir(join(dir, "log"));
    await run(PYTHON, ["-c", `import os; p = os.path.join(${JSON.stringify(dir)}, "srv", "d1"); os.setxattr(p, "user.swift.test", b"1")`], {
        env
    }).catch(() => {
        throw new Error(`the folder ${dir} does not support user xattrs, which Swift's object server needs`);
    });

    const ports: Record<Server, number> = {
        account: await freePort(),
        container: await freePort(),
        object: await freePort(),
        proxy: await freePort()
    };
    const common = (server: Server) =>
        [
            "[DEFAULT]",
            "bind_ip = 127.0.0.1",
            `bind_port = ${ports[server]}`,
            // One process per server: the test controls it by its process id.
            "workers = 0",
            `swift_dir = ${dir}`,
            `devices = ${join(dir, "srv")}`,
            "mount_check = false",
            `log_name = ${server}`,
            "log_level = WARNING",
            // No syslog here: log records go to a UDP port nobody listens on; `-v` copies them to the console log.
            "log_udp_host = 127.0.0.1",
            "log_udp_port = 9",
            ""
        ].join("\n");
    for (const server of SERVERS) {
        const builder = join(dir, `${server}.builder`);
        await run(PYTHON, [bin("swift-ring-builder"), builder, "create", "6", "1", "1"], { env });
        await run(PYTHON, [bin("swift-ring-builder"), builder, "add", `r1z1-127.0.0.1:${ports[server]}/d1`, "1"], { env });
        await run(PYTHON, [bin("swift-ring-builder"), builder, "rebalance"], { env });
        await writeFile(
            join(dir, `${server}-server.conf`),
            `${common(server)}\n[pipeline:main]\npipeline = ${server}-server\n\n[app:${server}-server]\nuse = egg:swift#${server}\n`
        );
    }
    // Filter name in the pipeline → entry point of the swift egg.
    const filters: Record<string, string> = {
        catch_errors: "catch_errors",
        gatekeeper: "gatekeeper",
        healthcheck: "healthcheck",
        "proxy-logging": "proxy_logging",
        cache: "memcache",
        listing_formats: "listing_formats",
        copy: "copy",
        slo: "slo",
        dlo: "dlo"
    };
    await writeFile(
        join(dir, "proxy-server.conf"),
        [
            common("proxy"),
            "[pipeline:main]",
            // s3api before the auth middleware (tempauth checks the S3 signatures), slo for multipart uploads. tempauth
            // looks tokens up through the cache middleware; with no memcached running it falls back to checking them.
            "pipeline = catch_errors gatekeeper healthcheck proxy-logging cache listing_formats s3api tempauth copy slo dlo proxy-logging proxy-server",
            "",
            "[app:proxy-server]",
            "use = egg:swift#proxy",
            "account_autocreate = true",
            "",
            "[filter:tempauth]",
            "use = egg:swift#tempauth",
            `user_test_tester = ${SWIFT_CREDENTIALS.secretKey} .admin`,
            "",
            "[filter:s3api]",
            "use = egg:swift#s3api",
            "location = us-east-1",
            "",
            ...Object.entries(filters).map(([name, entryPoint]) => `[filter:${name}]\nuse = egg:swift#${entryPoint}\n`)
        ].join("\n")
    );

    const processes = new Map<Server, ChildProcess>();
    const log = (server: Server) => join(dir, "log", `${server}.log`);
    const tail = (server: Server) => (existsSync(log(server)) ? readFileSync(log(server), "utf8").slice(-3000) : "");
    const start = async (server: Server): Promise<void> => {
        const out = openSync(log(server), "a");
        const child = spawn(PYTHON, [bin(`swift-${server}-server`), join(dir, `${server}-server.conf`), "-v"], {
            env,
            stdio: ["ignore", out, out]
        });
        closeSync(out);
        processes.set(server, child);
        for (let attempt = 0; !(await accepts(ports[server])); attempt++) {
            if (child.exitCode !== null || attempt > 300) throw new Error(`the Swift ${server} server did not start:\n${tail(server)}`);
            await new Promise((resolve) => setTimeout(resolve, 100));
        }
    };
    const stop = async (server: Server): Promise<void> => {
        const child = processes.get(server);
        processes.delete(server);
        if (!child || child.exitCode !== null || child.signalCode !== null) return;
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGCONT");
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
        await exited;
        clearTimeout(timer);
    };
    const close = async (): Promise<void> => {
        for (const server of [...processes.keys()]) await stop(server);
        await rm(dir, { recursive: true, force: true });
    };

    const endpoint = `http://127.0.0.1:${ports.proxy}`;
    try {
        for (const server of [...SERVERS, "proxy"] as const) await start(server);
        for (let attempt = 0; ; attempt++) {
            const health = await fetch(`${endpoint}/healthcheck`).catch(() => undefined);
            if (health?.ok) break;
            if (attempt > 300) throw new Error(`the Swift proxy does not answer:\n${tail("proxy")}`);
            await new Promise((resolve) => setTimeout(resolve, 100));
        }
    } catch (error) {
        await close();
        throw error;
    }

    const settings = (extra: Partial<S3Settings> = {}): S3Settings => ({
        endpoint,
        bucket,
        region: "us-east-1",
        partSize: 5 * 1024 * 1024,
        connectTimeoutMs: 3000,
        requestTimeoutMs: 10_000,
        ...SWIFT_CREDENTIALS,
        ...extra
    });
    return {
        endpoint,
        bucket,
        env: {
            BLOB_STORAGE: "s3",
            S3_ENDPOINT: endpoint,
            S3_BUCKET: bucket,
            S3_ACCESS_KEY: SWIFT_CREDENTIALS.accessKey,
            S3_SECRET_KEY: SWIFT_CREDENTIALS.secretKey,
            S3_REGION: "us-east-1",
            S3_PART_SIZE_MB: "5"
        },
        storage: (extra) => new S3BlobStorage(settings(extra)),
        stopProxy: () => stop("proxy"),
        startProxy: () => start("proxy"),
        pauseProxy: () => void processes.get("proxy")?.kill("SIGSTOP"),
        resumeProxy: () => void processes.get("proxy")?.kill("SIGCONT"),
        close
    };
}
