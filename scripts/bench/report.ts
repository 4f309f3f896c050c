/** The benchmark's report: JSON (everything) and Markdown (the tables a reader compares). */
import type { LatencySummary } from "./load";
import type { Threshold } from "./scenarios";
import { SSE_TARGET_P99_MS, type SseResult } from "./sse";
import type { SyncResult } from "./sync";
import { UPLOAD_RSS_GROWTH_SHARE, UPLOAD_TARGET_RATIO, type UploadResult } from "./upload";

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

export interface SseReport extends SseResult {
    /** The scenario that loaded the server meanwhile (absent: none). */
    load?: { scenario: string; mode: string; latency: LatencySummary };
    nodeCores: number;
    postgresCores: number;
    loadGeneratorCores: number;
    otherCores: number;
}

export interface UploadReport extends UploadResult {
    /** Cores the whole machine used during the upload and the disk writes around it. */
    machineCores: number;
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
    sse?: SseReport;
    upload?: UploadReport;
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
    if (report.scenarios.length > 0) lines.push(...scenarioSection(report));
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
    if (report.sse) lines.push(...sseSection(report.sse));
    if (report.upload) lines.push(...uploadSection(report.upload));
    lines.push("");
    return lines.join("\n");
}

/** The scenario table (left out when no scenario ran, e.g. a run of the SSE and upload measurements alone). */
function scenarioSection(report: BenchReport): string[] {
    const lines: string[] = [];
    lines.push("");
    lines.push(
        "Latencies in ms; CPU in ms per request (node: the Backbone process; PostgreSQL: its server processes); errors are the non-2xx responses per status and the requests without a response; " +
            "kB sent / received: the mean body of a request and of its response (the work a request is: a page of 200 items, a message to many recipients)."
    );
    lines.push(
        "Thresholds (official): p90 < 50 ms and p98 < 100 ms; tokens and files p90 < 160 ms. The load generator runs on the same cores as the server; " +
            "'other cores' is what the rest of the machine used meanwhile (of 2 cores here): a run with much of it is noisy."
    );
    lines.push("");
    lines.push(
        "| scenario | mode | req/s | p50 | p90 | p98 | p99 | max | requests | errors | kB sent / received | node CPU/req | PG CPU/req | node cores | PG cores | load gen. cores | other cores | node RSS MB | threshold |"
    );
    lines.push("|---|---|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
    for (const s of report.scenarios) {
        const name = `${s.official ? `${s.official} ` : ""}${s.name}`;
        if (s.error) {
            lines.push(
                `| ${name} | ${s.mode} | – | – | – | – | – | – | – | ${s.error.replace(/\|/g, "/").slice(0, 120)} | – | – | – | – | – | – | – | – | not run |`
            );
            continue;
        }
        const l = s.latency;
        const limit = `p90<${s.threshold.p90}${s.threshold.p98 === undefined ? "" : `, p98<${s.threshold.p98}`}`;
        lines.push(
            `| ${name} | ${s.mode} | ${fixed(l.requestsPerSecond)} | ${fixed(l.p50)} | ${fixed(l.p90)} | ${fixed(l.p98)} | ${fixed(l.p99)} | ${fixed(l.max)} | ${l.requests} | ${statuses(l)} | ` +
                `${fixed(l.kBSentPerRequest, 1)} / ${fixed(l.kBReceivedPerRequest, 1)} | ${fixed(s.nodeCpuMsPerRequest, 2)} | ${fixed(s.postgresCpuMsPerRequest, 2)} | ${fixed(s.nodeCores, 2)} | ${fixed(s.postgresCores, 2)} | ${fixed(s.loadGeneratorCores, 2)} | ${fixed(s.otherCores, 2)} | ${fixed(s.nodeRssPeakMb, 0)} | ${s.passed ? "pass" : "FAIL"} (${limit}) |`
        );
    }
    return lines;
}

function sseSection(sse: SseReport): string[] {
    const load = sse.load
        ? `while \`${sse.load.scenario}\` ran (${sse.load.mode}: ${fixed(sse.load.latency.requestsPerSecond)} req/s, ` +
          `p99 ${fixed(sse.load.latency.p99)} ms, errors ${statuses(sse.load.latency)})`
        : "without other load";
    const a = sse.afterResponse;
    const s = sse.afterSend;
    return [
        "",
        `SSE delivery ${load}: ${sse.receivers} new identities, paired by active relationships, hold \`GET /api/v2/sse\` open; ` +
            "each one's partner sends it a message (1 kB), waits for the `ExternalEventCreated` line on the receiver's stream, and sends the next " +
            `after a pause (the deliveries spread over the load's run). 'after response': from the send's response to the event (0 when the event came first); ` +
            `'after send': from just before the send. Target: p99 after the response < ${SSE_TARGET_P99_MS} ms, nothing lost.`,

        "",
        "| deliveries | lost | seconds | after response p50 | p90 | p99 | max | after send p50 | p90 | p99 | max | node cores | PG cores | load gen. cores | other cores | target |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
        `| ${sse.deliveries} | ${sse.lost} | ${fixed(sse.seconds)} | ${fixed(a.p50)} | ${fixed(a.p90)} | ${fixed(a.p99)} | ${fixed(a.max)} | ` +
            `${fixed(s.p50)} | ${fixed(s.p90)} | ${fixed(s.p99)} | ${fixed(s.max)} | ${fixed(sse.nodeCores, 2)} | ${fixed(sse.postgresCores, 2)} | ` +
            `${fixed(sse.loadGeneratorCores, 2)} | ${fixed(sse.otherCores, 2)} | ${sse.passed ? "pass" : "FAIL"} (p99<${SSE_TARGET_P99_MS}) |`,
        "",
        `${sse.beforeResponse} of ${sse.deliveries - sse.lost} events arrived before the send's response.`
    ];
}

function uploadSection(upload: UploadReport): string[] {
    const growth = upload.rssMb.peak - upload.rssMb.before;
    return [
        "",
        `Large upload: one file of ${upload.mebibytes} MiB through \`POST /api/v2/Files\` (multipart, generated while sent, after a 1 MiB warm-up) into the ` +
            "filesystem blob store, timed from the first byte to the response; the disk: the same bytes written to a file in the blob folder and fsynced, " +
            `before and after the upload. Target: at least ${UPLOAD_TARGET_RATIO * 100} % of the faster disk write, and flat memory ` +
            `(the Backbone's peak RSS less than ${UPLOAD_RSS_GROWTH_SHARE * 100} % of the file above its level before). ` +
            "The Backbone hashes every byte (SHA-512, to check the declared cipherHash) on one core: 'SHA-512 MiB/s' is that hash alone in the " +
            "benchmark's process, a bound on the upload whatever the disk does; 'node cores' near 1 means the upload is CPU-bound.",
        "",
        "| MiB | seconds | MiB/s | disk MiB/s (before / after) | ratio | SHA-512 MiB/s | node cores | RSS MB before | peak | after | machine cores | target |",
        "|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---|",
        `| ${upload.mebibytes} | ${fixed(upload.seconds, 2)} | ${fixed(upload.mebibytesPerSecond)} | ${upload.diskMebibytesPerSecond.map((r) => fixed(r)).join(" / ")} | ` +
            `${fixed(upload.ratio * 100, 0)} % | ${upload.sha512MebibytesPerSecond} | ${fixed(upload.nodeCores, 2)} | ${upload.rssMb.before} | ${upload.rssMb.peak} (+${growth}) | ${upload.rssMb.after} | ${fixed(upload.machineCores, 2)} | ` +
            `${upload.fastEnough ? "pass" : "FAIL"} (≥ ${UPLOAD_TARGET_RATIO * 100} %), RSS ${upload.flatMemory ? "flat" : "NOT flat"} |`
    ];
}
