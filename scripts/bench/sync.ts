/**
 * The sync benchmark: how long a client takes to sync N external events of one identity over HTTP, as the official
 * client does it: start a run, page through its events (page size 200), finalize with a result per event, and repeat
 * while newUnsyncedExternalEventsExist. The identity is created over HTTP; its events are written by SQL (as the
 * server writes them: contiguous indexes and the owner's counter). Only the sync is timed.
 */
import { generateKeyPairSync, sign } from "node:crypto";

import type { Client } from "pg";

import { type Json, type LatencySummary, Recorder, type RequestSpec, type Response, type Send } from "./load";
import { idSql } from "./seed";

const PAGE_SIZE = 200;
const PASSWORD = "Bench!Passw0rd-for-sync";
const DATAWALLET_HEADER = { "x-supported-datawallet-version": "1" };

export interface SyncResult {
    events: number;
    runs: number;
    requests: number;
    seconds: number;
    eventsPerSecond: number;
    latency: LatencySummary;
}

async function ok(send: Send, request: RequestSpec, status: number | number[]): Promise<Json> {
    const answer: Response = await send(request);
    if (!(Array.isArray(status) ? status : [status]).includes(answer.status))
        throw new Error(`${request.method} ${request.path}: ${answer.status} ${answer.text}`);
    return answer.json();
}

/** A new identity over HTTP (challenge, onboarding, login), as the official client creates one. */
export async function createIdentity(send: Send, clientId: string, clientSecret: string): Promise<{ address: string; auth: string }> {
    const { publicKey, privateKey } = generateKeyPairSync("ed25519");
    const raw = Buffer.from(publicKey.export({ format: "jwk" }).x!, "base64url");
    const challenge = (await ok(send, { method: "POST", path: "/api/v2/Challenges", body: "{}" }, 201)).result;
    const text = JSON.stringify({ expiresAt: challenge.expiresAt, id: challenge.id, type: "Identity" });
    const signature = Buffer.from(
        JSON.stringify({ sig: sign(null, Buffer.from(text), privateKey).toString("base64url"), alg: 2 })
    ).toString("base64url");
    const created = (
        await ok(
            send,
            {
                method: "POST",
                path: "/api/v2/Identities",
                body: {
                    clientId,
                    clientSecret,
                    identityPublicKey: Buffer.from(JSON.stringify({ pub: raw.toString("base64url"), alg: 3 })).toString("base64url"),
                    devicePassword: PASSWORD,
                    identityVersion: 1,
                    signedChallenge: { challenge: text, signature }
                }
            },
            201
        )
    ).result;
    const token = await ok(
        send,
        {
            method: "POST",
            path: "/connect/token",
            form: {
                client_id: clientId,
                client_secret: clientSecret,
                grant_type: "password",
                username: created.device.username,
                password: PASSWORD
            }
        },
        200
    );
    return { address: created.address, auth: `Bearer ${token.access_token}` };
}

/** Records `count` MessageReceived events for the owner, numbered after the ones it has (as the server records them). */
export async function recordEvents(db: Client, owner: string, count: number, analyze = true): Promise<void> {
    await db.query("BEGIN");
    try {
        const counter = await db.query<{ next_index: string }>(
            `INSERT INTO external_event_counters (owner, next_index) VALUES ($1, $2)
             ON CONFLICT (owner) DO UPDATE SET next_index = external_event_counters.next_index + $2 RETURNING next_index`,
            [owner, count]
        );
        const first = Number(counter.rows[0]!.next_index) - count;
        await db.query(
            `INSERT INTO external_events (id, owner, index, type, payload, created_at, context, is_delivery_blocked, sync_run_id, sync_error_count)
             SELECT ${idSql("SYI", "'sync-bench:' || $1 || ':' || g")}, $1, g, 'MessageReceived',
                    jsonb_build_object('id', ${idSql("MSG", "'sync-bench:' || $1 || ':' || g")}), now(), NULL, false, NULL, 0
             FROM generate_series($2::bigint, $3::bigint) AS g`,
            [owner, first, first + count - 1]
        );
        await db.query("COMMIT");
    } catch (error) {
        await db.query("ROLLBACK");
        throw error;
    }
    if (analyze) await db.query("ANALYZE external_events");
}

/** Syncs `count` events of a new identity; `send` is a plain sender, `recordingSend` wraps it with the recorder. */
export async function syncBenchmark(
    db: Client,
    send: Send,
    clientId: string,
    clientSecret: string,
    count: number,
    log: (line: string) => void
): Promise<SyncResult> {
    const identity = await createIdentity(send, clientId, clientSecret);
    const auth = { authorization: identity.auth, ...DATAWALLET_HEADER };
    const upgrade = (
        await ok(send, { method: "POST", path: "/api/v2/SyncRuns", headers: auth, body: { type: "DatawalletVersionUpgrade" } }, 201)
    ).result;
    await ok(
        send,
        {
            method: "PUT",
            path: `/api/v2/SyncRuns/${upgrade.syncRun.id}/FinalizeDatawalletVersionUpgrade`,
            headers: auth,
            body: { newDatawalletVersion: 1 }
        },
        200
    );
    await recordEvents(db, identity.address, count);
    log(`  sync ${count}: events recorded, syncing`);

    const recorder = new Recorder();
    const timed: Send = async (request) => {
        const started = performance.now();
        const answer = await send(request);
        recorder.record(answer.status, (performance.now() - started) * 1000);
        return answer;
    };
    recorder.start();
    let synced = 0;
    let runs = 0;
    for (let more = true; more;) {
        const start = (
            await ok(
                timed,
                { method: "POST", path: "/api/v2/SyncRuns", headers: auth, body: { type: "ExternalEventSync", duration: 600 } },
                [200, 201]
            )
        ).result;
        if (start.status === "NoNewEvents") break;
        runs++;
        const results: Array<{ externalEventId: string }> = [];
        for (let page = 1, totalPages = 1; page <= totalPages; page++) {
            const body = await ok(
                timed,
                {
                    method: "GET",
                    path: `/api/v2/SyncRuns/${start.syncRun.id}/ExternalEvents?pageSize=${PAGE_SIZE}&pageNumber=${page}`,
                    headers: auth
                },
                200
            );
            totalPages = body.pagination?.totalPages ?? 1;
            for (const event of body.result) results.push({ externalEventId: event.id });
        }
        const done = await ok(
            timed,
            {
                method: "PUT",
                path: `/api/v2/SyncRuns/${start.syncRun.id}/FinalizeExternalEventSync`,
                headers: auth,
                body: { externalEventResults: results, datawalletModifications: [] }
            },
            200
        );
        synced += results.length;
        more = done.result.newUnsyncedExternalEventsExist;
    }
    recorder.stop();
    if (synced !== count) throw new Error(`synced ${synced} of ${count} events`);
    const latency = recorder.summary();
    return {
        events: synced,
        runs,
        requests: latency.requests,
        seconds: latency.seconds,
        eventsPerSecond: Math.round(synced / latency.seconds),
        latency
    };
}
