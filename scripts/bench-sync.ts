/**
 * Benchmark (not a test): how long does a client take to sync 10,000 external events of one identity over HTTP?
 *   npm run build && DATABASE_URL=postgres://... node dist/scripts/bench-sync.js [eventCount]
 * Boots the Backbone on a throw-away database, creates an identity and its datawallet, records the events, then
 * syncs like the official client: start a run, page through its events (pageSize 200), finalize with a result per
 * event, and repeat while newUnsyncedExternalEventsExist. Only the sync is timed.
 */
import "reflect-metadata";

import { generateKeyPairSync, sign } from "node:crypto";
import type { AddressInfo } from "node:net";

import { DataSource } from "typeorm";

import { createApp } from "../src/app.setup";
import { loadConfig } from "../src/config/config";
import { ExternalEventsService } from "../src/modules/synchronization/external-events.service";
import { createDatabase, dropDatabase, openScratchServer } from "./lib/scratch-database";

const PASSWORD = "Bench!Passw0rd-for-sync";
const PAGE_SIZE = 200;

async function call(
    baseUrl: string,
    method: string,
    path: string,
    options: { auth?: string; body?: unknown; form?: Record<string, string> } = {}
) {
    const headers: Record<string, string> = { "x-supported-datawallet-version": "1" };
    if (options.auth) headers.authorization = options.auth;
    let body: string | undefined;
    if (options.form) {
        headers["content-type"] = "application/x-www-form-urlencoded";
        body = new URLSearchParams(options.form).toString();
    } else if (options.body !== undefined) {
        headers["content-type"] = "application/json";
        body = JSON.stringify(options.body);
    }
    const response = await fetch(`${baseUrl}${path}`, { method, headers, body });
    const text = await response.text();
    if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
}

async function createIdentity(baseUrl: string): Promise<{ address: string; auth: string }> {
    const { publicKey, privateKey } = generateKeyPairSync("ed25519");
    const raw = Buffer.from(publicKey.export({ format: "jwk" }).x!, "base64url");
    const challenge = (await call(baseUrl, "POST", "/api/v2/Challenges", { body: {} })).result;
    const text = JSON.stringify({ expiresAt: challenge.expiresAt, id: challenge.id, type: "Identity" });
    const signature = Buffer.from(
        JSON.stringify({ sig: sign(null, Buffer.from(text), privateKey).toString("base64url"), alg: 2 })
    ).toString("base64url");
    const created = (
        await call(baseUrl, "POST", "/api/v2/Identities", {
            body: {
                clientId: "bench",
                clientSecret: "bench",
                identityPublicKey: Buffer.from(JSON.stringify({ pub: raw.toString("base64url"), alg: 3 })).toString("base64url"),
                devicePassword: PASSWORD,
                identityVersion: 1,
                signedChallenge: { challenge: text, signature }
            }
        })
    ).result;
    const token = await call(baseUrl, "POST", "/connect/token", {
        form: { client_id: "bench", client_secret: "bench", grant_type: "password", username: created.device.username, password: PASSWORD }
    });
    return { address: created.address, auth: `Bearer ${token.access_token}` };
}

async function main(): Promise<void> {
    const eventCount = Number(process.argv[2] ?? 10_000);
    const server = await openScratchServer();
    const database = await createDatabase(server.adminUrl, "bb_bench");
    const config = loadConfig({
        ...process.env,
        LOG_LEVEL: "warn",
        BOOTSTRAP_CLIENT_ID: "bench",
        BOOTSTRAP_CLIENT_SECRET: "bench",
        SWAGGER_UI: "false"
    });
    const app = await createApp({ config, databaseUrl: database.url });
    try {
        await app.listen(0, "127.0.0.1");
        const baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
        const identity = await createIdentity(baseUrl);
        const upgrade = (
            await call(baseUrl, "POST", "/api/v2/SyncRuns", { auth: identity.auth, body: { type: "DatawalletVersionUpgrade" } })
        ).result;
        await call(baseUrl, "PUT", `/api/v2/SyncRuns/${upgrade.syncRun.id}/FinalizeDatawalletVersionUpgrade`, {
            auth: identity.auth,
            body: { newDatawalletVersion: 1 }
        });

        const events = app.get(ExternalEventsService);
        for (let written = 0; written < eventCount; written += 1000) {
            const batch = Array.from({ length: Math.min(1000, eventCount - written) }, (_, i) => ({
                owner: identity.address,
                type: "MessageReceived" as const,
                payload: { id: `MSG${String(written + i).padStart(17, "0")}` }
            }));
            await app.get(DataSource).transaction(async (manager) => await events.record(manager, batch));
        }

        const started = process.hrtime.bigint();
        let synced = 0;
        let runs = 0;
        let requests = 0;
        for (let more = true; more;) {
            const start = (
                await call(baseUrl, "POST", "/api/v2/SyncRuns", { auth: identity.auth, body: { type: "ExternalEventSync", duration: 600 } })
            ).result;
            requests++;
            if (start.status === "NoNewEvents") break;
            runs++;
            const results: Array<{ externalEventId: string }> = [];
            for (let page = 1, totalPages = 1; page <= totalPages; page++) {
                const body = await call(
                    baseUrl,
                    "GET",
                    `/api/v2/SyncRuns/${start.syncRun.id}/ExternalEvents?pageSize=${PAGE_SIZE}&pageNumber=${page}`,
                    {
                        auth: identity.auth
                    }
                );
                requests++;
                totalPages = body.pagination?.totalPages ?? 1;
                for (const event of body.result) results.push({ externalEventId: event.id });
            }
            const done = await call(baseUrl, "PUT", `/api/v2/SyncRuns/${start.syncRun.id}/FinalizeExternalEventSync`, {
                auth: identity.auth,
                body: { externalEventResults: results, datawalletModifications: [] }
            });
            requests++;
            synced += results.length;
            more = done.result.newUnsyncedExternalEventsExist;
        }
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        if (synced !== eventCount) throw new Error(`synced ${synced} of ${eventCount} events`);
        process.stdout.write(
            `bench-sync: ${synced} events in ${runs} run(s), ${requests} requests, ${ms.toFixed(0)} ms (${Math.round((synced / ms) * 1000)} events/s)\n`
        );
    } finally {
        await app.close();
        await dropDatabase(server.adminUrl, database.name);
        await server.stop();
    }
}

main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
});
