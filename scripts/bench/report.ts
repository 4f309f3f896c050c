/** The benchmark's report: JSON (everything) and Markdown (the tables a reader compares). */
import type { LatencySummary } from "./load";
import type { Threshold } from "./scenarios";
import type { SyncResult } from "./sync";

export interface ScenarioResult {
    name: string;
    official?: string;
    title: string;
    /** "closed loop, 50 connections" or "open loop, 200/s". */
    mode: string;
    engine: string;
    connections: number;
    rate?: number;
    latency: LatencySummary;
    /** CPU ms of the Backbone's node process per request. */
    nodeCpuMsPerRequest: number;
    /** CPU ms of PostgreSQL per request. */
    postgresCpuMsPerRequest: number;
    /** Share of one core used on average by node / PostgreSQL during the run. */
    nodeCores: number;
    postgresCores: number;
    /** Cores used by the load generator (this process). */
    loadGeneratorCores: number;
    /** Cores used by everything else on the machine during the run (other work: the noise). */
    otherCores: number;
    nodeRssPeakMb: number;
    threshold: Threshold;
    passed: boolean;
    error?: string;
}

export interface BenchReport {
    date: string;
    machine: { cpus: number; model: string; memoryGb: number; node: string; loadBefore: string; loadAfter: string; uptimeBefore: string };
    postgres: string;
    dataset: { name: string; scale: number; rows: Record<string, number>; seedingSeconds: Record<string, number> };
    options: Record<string, unknown>;
    /** CPU the idle Backbone and PostgreSQL use, measured for 3 s before the first scenario. */
    idle?: { nodeCpuMsPerSecond: number; postgresCpuMsPerSecond: number };
    scenarios: ScenarioResult[];
    sync: SyncResult[];
    totalSeconds: number;
}

export function passes(latency: LatencySummary, threshold: Threshold): boolean {
    const errors = Object.values(latency.errors).reduce((a, b) => a + b, 0);
    const failures = Object.entries(latency.statuses)
        .filter(([status]) => Number(status) >= 400)
        .reduce((a, [, n]) => a + n, 0);
    return (
        latency.requests > 0 &&
        errors === 0 &&
        failures === 0 &&
        latency.p90 < threshold.p90 &&
        (threshold.p98 === undefined || latency.p98 < threshold.p98)
    );
}

const fixed = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : "–");

function statuses(latency: LatencySummary): string {
    const parts = Object.entries(latency.statuses)
        .filter(([status]) => !status.startsWith("2"))
        .map(([status, n]) => `${n}×${status}`);
    parts.push(...Object.entries(latency.errors).map(([code, n]) => `${n}×${code}`));
    if (latency.skipped > 0) parts.push(`${latency.skipped} not started`);
    return parts.length === 0 ? "0" : parts.join(", ");
}

export function markdown(report: BenchReport): string {
    const lines: string[] = [];
    lines.push(`# Benchmark: ${report.dataset.name} dataset${report.dataset.scale === 1 ? "" : ` × ${report.dataset.scale}`}`);
    lines.push("");
    lines.push(`- Date: ${report.date}; total ${fixed(report.totalSeconds, 0)} s`);
    lines.push(
        `- Machine: ${report.machine.cpus} × ${report.machine.model}, ${report.machine.memoryGb} GB, Node ${report.machine.node}; ` +
            `load average (1/5/15 min) before ${report.machine.loadBefore}, after ${report.machine.loadAfter} (\`uptime\` before: ${report.machine.uptimeBefore})`
    );
    lines.push(`- PostgreSQL: ${report.postgres}`);
    lines.push(
        `- Options: ${Object.entries(report.options)
            .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join(",") : String(v)}`)
            .join(", ")}`
    );
    lines.push(
        `- Seeding: ${fixed(report.dataset.seedingSeconds.total ?? 0)} s; ` +
            [
                "identities",
                "devices",
                "relationship_templates",
                "relationships",
                "messages",
                "message_recipients",
                "datawallet_modifications",
                "external_events",
                "tokens",
                "files"
            ]
                .map((table) => `${table} ${(report.dataset.rows[table] ?? 0).toLocaleString("en-US")}`)
                .join(", ")
    );
    if (report.idle) {
        lines.push(
            `- Idle before the first scenario: node ${fixed(report.idle.nodeCpuMsPerSecond)} ms CPU per second, ` +
                `PostgreSQL ${fixed(report.idle.postgresCpuMsPerSecond)} ms per second (included in the CPU per request)`
        );
    }
    lines.push("");
    lines.push(
        "Latencies in ms; CPU in ms per request (node: the Backbone process; PostgreSQL: its server processes); errors are the non-2xx responses per status and the requests without a response."
    );
    lines.push(
        "Thresholds (official): p90 < 50 ms and p98 < 100 ms; tokens and files p90 < 160 ms. The load generator runs on the same cores as the server; " +
            "'other cores' is what the rest of the machine used meanwhile (of 2 cores here): a run with much of it is noisy."
    );
    lines.push("");
    lines.push(
        "| scenario | mode | req/s | p50 | p90 | p98 | p99 | max | requests | errors | node CPU/req | PG CPU/req | node cores | PG cores | load gen. cores | other cores | node RSS MB | threshold |"
    );
    lines.push("|---|---|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---|");
    for (const s of report.scenarios) {
        const name = `${s.official ? `${s.official} ` : ""}${s.name}`;
        if (s.error) {
            lines.push(
                `| ${name} | ${s.mode} | – | – | – | – | – | – | – | ${s.error.replace(/\|/g, "/").slice(0, 120)} | – | – | – | – | – | – | – | not run |`
            );
            continue;
        }
        const l = s.latency;
        const limit = `p90<${s.threshold.p90}${s.threshold.p98 === undefined ? "" : `, p98<${s.threshold.p98}`}`;
        lines.push(
            `| ${name} | ${s.mode} | ${fixed(l.requestsPerSecond)} | ${fixed(l.p50)} | ${fixed(l.p90)} | ${fixed(l.p98)} | ${fixed(l.p99)} | ${fixed(l.max)} | ${l.requests} | ${statuses(l)} | ` +
                `${fixed(s.nodeCpuMsPerRequest, 2)} | ${fixed(s.postgresCpuMsPerRequest, 2)} | ${fixed(s.nodeCores, 2)} | ${fixed(s.postgresCores, 2)} | ${fixed(s.loadGeneratorCores, 2)} | ${fixed(s.otherCores, 2)} | ${fixed(s.nodeRssPeakMb, 0)} | ${s.passed ? "pass" : "FAIL"} (${limit}) |`
        );
    }
    if (report.sync.length > 0) {
        lines.push("");
        lines.push(
            "Sync of one identity's external events (start run, all pages of 200, finalize with every result; repeated while new events exist):"
        );
        lines.push("");
        lines.push("| events | runs | requests | seconds | events/s | request p50 | request p99 | request max |");
        lines.push("|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (const s of report.sync) {
            lines.push(
                `| ${s.events.toLocaleString("en-US")} | ${s.runs} | ${s.requests} | ${fixed(s.seconds, 2)} | ${s.eventsPerSecond.toLocaleString("en-US")} | ` +
                    `${fixed(s.latency.p50)} | ${fixed(s.latency.p99)} | ${fixed(s.latency.max)} |`
            );
        }
    }
    lines.push("");
    return lines.join("\n");
}
