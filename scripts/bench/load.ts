/**
 * Load generation: closed loops with autocannon (single-request scenarios) or with virtual users over an undici
 * pool (multi-step flows), and an open loop at a fixed arrival rate over an undici pool, whose latencies count from
 * the moment a request was due (so a slow server cannot hide its queue: no coordinated omission).
 * Every response is recorded in an HdrHistogram (microseconds), with counts per status code and per network error.
 */
import autocannon from "autocannon";
import * as hdr from "hdr-histogram-js";
import { Pool } from "undici";

export interface RequestSpec {
    method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
    path: string;
    headers?: Record<string, string>;
    /** JSON (objects) or a prepared string. */
    body?: unknown;
    /** Form fields (application/x-www-form-urlencoded). */
    form?: Record<string, string>;
}

/** A parsed response body: the harness reads what the contract says is there. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export interface Response {
    status: number;
    text: string;
    json(): Json;
}

export type Send = (request: RequestSpec) => Promise<Response>;

/** A scenario that is one request per iteration; `lease` is what the iteration holds (an identity, a pair). */
export interface SingleRequestScenario<L = unknown> {
    kind: "single";
    acquire(): L | undefined;
    request(lease: L): RequestSpec;
    /** Called with every response (e.g. to update the lease's state) before the lease is released. */
    response?(lease: L, status: number, body: string): void;
    release(lease: L): void;
}

/** A scenario whose iteration is a flow of requests. */
export interface FlowScenario<L = unknown> {
    kind: "flow";
    acquire(): L | undefined;
    iterate(lease: L, send: Send): Promise<void>;
    release(lease: L, failed: boolean): void;
}

export type Runnable = SingleRequestScenario | FlowScenario;

export interface LatencySummary {
    requests: number;
    iterations: number;
    seconds: number;
    requestsPerSecond: number;
    p50: number;
    p90: number;
    p98: number;
    p99: number;
    max: number;
    mean: number;
    /** Responses per HTTP status. */
    statuses: Record<string, number>;
    /** Requests that got no response, per error code. */
    errors: Record<string, number>;
    /** Iterations an open loop could not start (too many in flight) or a closed loop found no free lease for. */
    skipped: number;
    /** Mean body sizes per request in kB (what a request carries and what it answers: the work it is). */
    kBSentPerRequest: number;
    kBReceivedPerRequest: number;
}

export class Recorder {
    private readonly histogram = hdr.build({
        lowestDiscernibleValue: 1,
        highestTrackableValue: 600_000_000,
        numberOfSignificantValueDigits: 3
    });
    readonly statuses = new Map<number, number>();
    readonly errors = new Map<string, number>();
    iterations = 0;
    skipped = 0;
    private bytesSent = 0;
    private bytesReceived = 0;
    private started = 0;
    private stopped = 0;

    start(): void {
        this.started = performance.now();
    }

    stop(): void {
        this.stopped = performance.now();
    }

    record(status: number, micros: number): void {
        this.histogram.recordValue(Math.max(1, Math.round(micros)));
        this.statuses.set(status, (this.statuses.get(status) ?? 0) + 1);
    }

    /** The body sizes of one request and its response. */
    bytes(sent: number, received: number): void {
        this.bytesSent += sent;
        this.bytesReceived += received;
    }

    error(code: string): void {
        this.errors.set(code, (this.errors.get(code) ?? 0) + 1);
    }

    summary(): LatencySummary {
        const seconds = ((this.stopped || performance.now()) - this.started) / 1000;
        const requests = [...this.statuses.values()].reduce((a, b) => a + b, 0);
        const ms = (value: number) => Math.round(value) / 1000;
        return {
            requests,
            iterations: this.iterations,
            seconds: Math.round(seconds * 100) / 100,
            requestsPerSecond: Math.round((requests / seconds) * 10) / 10,
            p50: ms(this.histogram.getValueAtPercentile(50)),
            p90: ms(this.histogram.getValueAtPercentile(90)),
            p98: ms(this.histogram.getValueAtPercentile(98)),
            p99: ms(this.histogram.getValueAtPercentile(99)),
            max: ms(this.histogram.maxValue),
            mean: ms(this.histogram.mean),
            statuses: Object.fromEntries([...this.statuses.entries()].sort((a, b) => a[0] - b[0]).map(([k, v]) => [String(k), v])),
            errors: Object.fromEntries(this.errors.entries()),
            skipped: this.skipped,
            kBSentPerRequest: Math.round(this.bytesSent / Math.max(1, requests) / 10.24) / 100,
            kBReceivedPerRequest: Math.round(this.bytesReceived / Math.max(1, requests) / 10.24) / 100
        };
    }
}

function encode(request: RequestSpec): { headers: Record<string, string>; body?: string } {
    const headers: Record<string, string> = { ...request.headers };
    if (request.form) {
        headers["content-type"] = "application/x-www-form-urlencoded";
        return { headers, body: new URLSearchParams(request.form).toString() };
    }
    if (request.body !== undefined) {
        headers["content-type"] = "application/json";
        return { headers, body: typeof request.body === "string" ? request.body : JSON.stringify(request.body) };
    }
    return { headers };
}

function response(status: number, text: string): Response {
    return { status, text, json: () => (text ? JSON.parse(text) : undefined) };
}

/** A sender over an undici pool that records every request (from `due()` when given: the open loop's schedule). */
function sender(pool: Pool, recorder: Recorder | undefined, due?: () => number | undefined): Send {
    return async (request) => {
        const { headers, body } = encode(request);
        const started = due?.() ?? performance.now();
        try {
            const result = await pool.request({ method: request.method, path: request.path, headers, body });
            const text = await result.body.text();
            recorder?.record(result.statusCode, (performance.now() - started) * 1000);
            recorder?.bytes(body === undefined ? 0 : Buffer.byteLength(body), Buffer.byteLength(text));
            return response(result.statusCode, text);
        } catch (error) {
            recorder?.error((error as NodeJS.ErrnoException).code ?? (error as Error).name);
            throw error;
        }
    };
}

/** A plain sender for preparation (not recorded). */
export function plainSender(baseUrl: string, connections = 8): { send: Send; close(): Promise<void> } {
    const pool = new Pool(baseUrl, { connections, pipelining: 1 });
    return { send: sender(pool, undefined), close: () => pool.close() };
}

export interface LoadOptions {
    baseUrl: string;
    connections: number;
    durationSeconds: number;
    /** Iterations per second for the open loop; absent: closed loop. */
    rate?: number;
}

/**
 * Closed loop with autocannon: every connection sends the scenario's next request as soon as it has an answer. The
 * caller keeps `connections` within the scenario's capacity, so every request finds a free lease.
 */
async function autocannonClosedLoop(scenario: SingleRequestScenario, options: LoadOptions, recorder: Recorder): Promise<void> {
    type Context = { lease?: unknown; sent?: number };
    // Without a callback autocannon's instance is also a promise of the result.
    const instance = autocannon({
        url: options.baseUrl,
        connections: options.connections,
        duration: options.durationSeconds,
        timeout: 60,
        requests: [
            {
                setupRequest: ((request: autocannon.Request, context: Context) => {
                    const lease = scenario.acquire();
                    if (lease === undefined) throw new Error("no free lease: more connections than the scenario's capacity");
                    context.lease = lease;
                    const spec = scenario.request(lease);
                    const { headers, body } = encode(spec);
                    context.sent = body === undefined ? 0 : Buffer.byteLength(body);
                    return { ...request, method: spec.method, path: spec.path, headers, body };
                }) as unknown as autocannon.Request["setupRequest"],
                onResponse: ((status: number, body: string, context: Context) => {
                    if (context.lease === undefined) return;
                    recorder.bytes(context.sent ?? 0, Buffer.byteLength(body));
                    scenario.response?.(context.lease, status, body);
                    scenario.release(context.lease);
                    recorder.iterations++;
                    context.lease = undefined;
                }) as unknown as autocannon.Request["onResponse"]
            }
        ]
    }) as unknown as autocannon.Instance & PromiseLike<autocannon.Result>;
    instance.on("response", (_client: unknown, status: number, _bytes: number, responseTime: number) =>
        recorder.record(status, responseTime * 1000)
    );
    instance.on("reqError", (error: NodeJS.ErrnoException) => recorder.error(error.code ?? error.name));
    recorder.start();
    await instance;
    recorder.stop();
}

/** Closed loop with virtual users: `connections` users, each running iterations back to back over a shared pool. */
async function virtualUsersClosedLoop(scenario: Runnable, options: LoadOptions, recorder: Recorder): Promise<void> {
    const pool = new Pool(options.baseUrl, { connections: options.connections, pipelining: 1 });
    const send = sender(pool, recorder);
    const end = performance.now() + options.durationSeconds * 1000;
    recorder.start();
    const user = async (): Promise<void> => {
        while (performance.now() < end) {
            if (!(await runIteration(scenario, send, recorder))) await new Promise((resolve) => setTimeout(resolve, 5));
        }
    };
    await Promise.all(Array.from({ length: options.connections }, () => user()));
    recorder.stop();
    await pool.close();
}

/** One iteration; false when no lease was free. */
async function runIteration(scenario: Runnable, send: Send, recorder: Recorder): Promise<boolean> {
    const lease = scenario.acquire();
    if (lease === undefined) {
        recorder.skipped++;
        return false;
    }
    if (scenario.kind === "single") {
        let status = 0;
        let body = "";
        try {
            const answer = await send(scenario.request(lease));
            status = answer.status;
            body = answer.text;
        } catch {
            // counted as an error by the sender
        }
        scenario.response?.(lease, status, body);
        scenario.release(lease);
    } else {
        let failed = false;
        try {
            await scenario.iterate(lease, send);
        } catch {
            failed = true;
        }
        scenario.release(lease, failed);
    }
    recorder.iterations++;
    return true;
}

/** Open loop: iterations start at a fixed rate whatever the server does; at most `maxInFlight` at once. */
async function openLoop(scenario: Runnable, options: LoadOptions & { rate: number }, recorder: Recorder): Promise<void> {
    const pool = new Pool(options.baseUrl, { connections: options.connections, pipelining: 1 });
    const maxInFlight = Math.max(1000, options.rate * 10);
    const interval = 1000 / options.rate;
    const total = Math.floor(options.durationSeconds * options.rate);
    const inFlight = new Set<Promise<void>>();
    recorder.start();
    const startedAt = performance.now();
    for (let i = 0; i < total; i++) {
        const dueAt = startedAt + i * interval;
        const wait = dueAt - performance.now();
        if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
        if (inFlight.size >= maxInFlight) {
            recorder.skipped++;
            continue;
        }
        // The first request of the iteration counts from when it was due; later ones from when they are sent.
        let first = true;
        const send = sender(pool, recorder, () => {
            if (!first) return undefined;
            first = false;
            return dueAt;
        });
        const iteration = runIteration(scenario, send, recorder).then(() => undefined);
        inFlight.add(iteration);
        void iteration.finally(() => inFlight.delete(iteration));
    }
    await Promise.all(inFlight);
    recorder.stop();
    await pool.close();
}

export type Engine = "autocannon" | "virtual users" | "open loop";

export async function runLoad(scenario: Runnable, options: LoadOptions): Promise<{ engine: Engine; summary: LatencySummary }> {
    const recorder = new Recorder();
    let engine: Engine;
    if (options.rate !== undefined) {
        engine = "open loop";
        await openLoop(scenario, { ...options, rate: options.rate }, recorder);
    } else if (scenario.kind === "single") {
        engine = "autocannon";
        await autocannonClosedLoop(scenario, options, recorder);
    } else {
        engine = "virtual users";
        await virtualUsersClosedLoop(scenario, options, recorder);
    }
    return { engine, summary: recorder.summary() };
}
