/**
 * SSE delivery under load: new identities, paired by active relationships, each hold the Backbone's event stream
 * (`GET /api/v2/sse`) open while a scenario of the catalogue loads the server; every identity's partner sends it
 * messages, one at a time, and each delivery is timed from the send to the `ExternalEventCreated` line on the
 * receiver's stream. The identities are new so that the load (which sends to the seeded identities) never writes to
 * their streams: every event a receiver sees is the one it waits for.
 */
import { Agent, get, type IncomingMessage } from "node:http";

import * as hdr from "hdr-histogram-js";

import { type Json, plainSender, type RequestSpec, type Send } from "./load";
import { createIdentity } from "./sync";

const API = "/api/v2";
/** A delivery not seen within this time counts as lost. */
const DELIVERY_TIMEOUT_MS = 10_000;
const b64url = (bytes: Buffer) => bytes.toString("base64url");

export interface DeliveryLatency {
    p50: number;
    p90: number;
    p99: number;
    max: number;
    mean: number;
}

export interface SseResult {
    receivers: number;
    deliveries: number;
    /** Deliveries whose event did not arrive within DELIVERY_TIMEOUT_MS (or whose send failed). */
    lost: number;
    /** Deliveries whose event arrived before the send's response (the notification after commit won the race). */
    beforeResponse: number;
    seconds: number;
    /** From the moment the send's response arrived to the event (0 when the event came first): the target's figure. */
    afterResponse: DeliveryLatency;
    /** From just before the send to the event (includes the send itself). */
    afterSend: DeliveryLatency;
    /** The target: p99 after the response < 20 ms, nothing lost. */
    passed: boolean;
}

export const SSE_TARGET_P99_MS = 20;

function histogram() {
    return hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 600_000_000, numberOfSignificantValueDigits: 3 });
}

function latencyOf(h: ReturnType<typeof histogram>): DeliveryLatency {
    const ms = (micros: number) => Math.round(micros) / 1000;
    return {
        p50: ms(h.getValueAtPercentile(50)),
        p90: ms(h.getValueAtPercentile(90)),
        p99: ms(h.getValueAtPercentile(99)),
        max: ms(h.maxValue),
        mean: ms(h.mean)
    };
}

/** An open event stream that hands out the arrival time of each `ExternalEventCreated`, in order. */
class EventStream {
    private text = "";
    private readonly arrivals: number[] = [];
    private waiter?: (at: number) => void;
    private isOpen = false;

    private constructor(private readonly response: IncomingMessage) {
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => this.receive(chunk, performance.now()));
    }

    static async open(baseUrl: string, auth: string, agent: Agent): Promise<EventStream> {
        const response = await new Promise<IncomingMessage>((resolve, reject) =>
            get(`${baseUrl}${API}/sse`, { headers: { authorization: auth }, agent }, resolve).on("error", reject)
        );
        if (response.statusCode !== 200) throw new Error(`GET ${API}/sse: ${response.statusCode}`);
        const stream = new EventStream(response);
        await stream.opened();
        return stream;
    }

    /** The arrival time of the next event, or undefined after `timeoutMs`. */
    async next(timeoutMs: number): Promise<number | undefined> {
        const waiting = this.arrivals.shift();
        if (waiting !== undefined) return waiting;
        return await new Promise((resolve) => {
            const timer = setTimeout(() => {
                this.waiter = undefined;
                resolve(undefined);
            }, timeoutMs);
            this.waiter = (at) => {
                clearTimeout(timer);
                this.waiter = undefined;
                resolve(at);
            };
        });
    }

    /** Forgets events that arrived unasked (e.g. a late one after a timeout), so they are not taken for the next. */
    drain(): void {
        this.arrivals.length = 0;
    }

    close(): void {
        this.response.destroy();
    }

    /** Resolves once the stream's first event (`ConnectionOpened`) arrived: from then on, notifications reach it. */
    private async opened(): Promise<void> {
        while (!this.isOpen) await new Promise<void>((resolve) => this.response.once("data", () => resolve()));
    }

    private receive(chunk: string, at: number): void {
        this.text += chunk;
        const blocks = this.text.split("\n\n");
        // The last piece is an unfinished block (or empty): kept for the next chunk.
        this.text = blocks.pop()!;
        for (const block of blocks) {
            if (block.includes("event: ConnectionOpened")) this.isOpen = true;
            if (!block.includes("event: ExternalEventCreated")) continue;
            if (this.waiter) this.waiter(at);
            else this.arrivals.push(at);
        }
    }
}

async function ok(send: Send, request: RequestSpec, status: number): Promise<Json> {
    const answer = await send(request);
    if (answer.status !== status) throw new Error(`${request.method} ${request.path}: ${answer.status} ${answer.text}`);
    return answer.json()?.result;
}

/** An active relationship between two identities: `a` offers a template, `b` loads it and asks, `a` accepts. */
async function relate(send: Send, a: { auth: string }, b: { auth: string }): Promise<void> {
    const content = b64url(Buffer.alloc(500, 7));
    const expiresAt = new Date(Date.now() + 24 * 3600 * 1000).toISOString();
    const template = await ok(
        send,
        { method: "POST", path: `${API}/RelationshipTemplates`, headers: { authorization: a.auth }, body: { content, expiresAt } },
        201
    );
    // `b` fetches the template first: that allocates it, as a relationship on it requires.
    await ok(send, { method: "GET", path: `${API}/RelationshipTemplates/${template.id}`, headers: { authorization: b.auth } }, 200);
    const relationship = await ok(
        send,
        {
            method: "POST",
            path: `${API}/Relationships`,
            headers: { authorization: b.auth },
            body: { relationshipTemplateId: template.id, creationContent: content }
        },
        201
    );
    await ok(
        send,
        { method: "PUT", path: `${API}/Relationships/${relationship.id}/Accept`, headers: { authorization: a.auth }, body: "{}" },
        200
    );
}

export interface SseSetup {
    pairs: Array<{ sender: { address: string; auth: string }; receiver: { address: string; auth: string }; stream: EventStream }>;
    close(): Promise<void>;
}

/**
 * `receivers` new identities (an even number) in pairs with an active relationship, each with its stream open; each
 * identity receives from its partner. Done before the load starts, so that it is not timed.
 */
export async function prepareSse(baseUrl: string, clientId: string, clientSecret: string, receivers: number): Promise<SseSetup> {
    const setup = plainSender(baseUrl, 4);
    const agent = new Agent({ keepAlive: false, maxSockets: Infinity });
    const streams: EventStream[] = [];
    try {
        const identities: Array<{ address: string; auth: string }> = [];
        for (let i = 0; i < receivers; i += 4) {
            const batch = Math.min(4, receivers - i);
            identities.push(
                ...(await Promise.all(Array.from({ length: batch }, () => createIdentity(setup.send, clientId, clientSecret))))
            );
        }
        const pairs: SseSetup["pairs"] = [];
        for (let i = 0; i + 1 < identities.length; i += 2) {
            const [a, b] = [identities[i]!, identities[i + 1]!];
            await relate(setup.send, a, b);
            for (const [sender, receiver] of [
                [a, b],
                [b, a]
            ] as const) {
                const stream = await EventStream.open(baseUrl, receiver.auth, agent);
                streams.push(stream);
                pairs.push({ sender, receiver, stream });
            }
        }
        return {
            pairs,
            close: async () => {
                streams.forEach((s) => s.close());
                agent.destroy();
                await setup.close();
            }
        };
    } catch (error) {
        streams.forEach((s) => s.close());
        agent.destroy();
        await setup.close();
        throw error;
    }
}

/**
 * Sends `deliveries` messages, spread evenly over the receivers and over `spreadSeconds` (each receiver waits for its
 * event before its partner sends the next one), and times each delivery.
 */
export async function measureSse(baseUrl: string, setup: SseSetup, deliveries: number, spreadSeconds: number): Promise<SseResult> {
    const senders = plainSender(baseUrl, setup.pairs.length);
    const afterResponse = histogram();
    const afterSend = histogram();
    const perReceiver = Math.max(1, Math.ceil(deliveries / setup.pairs.length));
    const gapMs = (spreadSeconds * 1000) / perReceiver;
    const body = b64url(Buffer.alloc(1024, 3));
    const key = b64url(Buffer.alloc(120, 5));
    let lost = 0;
    let beforeResponse = 0;
    let done = 0;
    const started = performance.now();
    const receiver = async (pair: SseSetup["pairs"][number]): Promise<void> => {
        // A random start within the first gap spreads the receivers' sends instead of sending them in step.
        await sleep(Math.random() * gapMs);
        for (let i = 0; i < perReceiver && done < deliveries; i++) {
            const due = performance.now() + gapMs;
            done++;
            pair.stream.drain();
            const sent = performance.now();
            const arrival = pair.stream.next(DELIVERY_TIMEOUT_MS);
            const status = await senders
                .send({
                    method: "POST",
                    path: `${API}/Messages`,
                    headers: { authorization: pair.sender.auth },
                    body: { recipients: [{ address: pair.receiver.address, encryptedKey: key }], body, attachments: [] }
                })
                .then((answer) => answer.status)
                .catch(() => 0);
            const responded = performance.now();
            const arrived = await arrival;
            if (status !== 201 || arrived === undefined) {
                lost++;
            } else {
                afterSend.recordValue(Math.max(1, Math.round((arrived - sent) * 1000)));
                if (arrived <= responded) beforeResponse++;
                afterResponse.recordValue(Math.max(1, Math.round(Math.max(0, arrived - responded) * 1000)));
            }
            await sleep(due - performance.now());
        }
    };
    try {
        await Promise.all(setup.pairs.map((pair) => receiver(pair)));
    } finally {
        await senders.close();
    }
    const result = {
        receivers: setup.pairs.length,
        deliveries: done,
        lost,
        beforeResponse,
        seconds: Math.round((performance.now() - started) / 10) / 100,
        afterResponse: latencyOf(afterResponse),
        afterSend: latencyOf(afterSend)
    };
    return { ...result, passed: lost === 0 && afterResponse.totalCount > 0 && result.afterResponse.p99 < SSE_TARGET_P99_MS };
}

async function sleep(ms: number): Promise<void> {
    if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
}
