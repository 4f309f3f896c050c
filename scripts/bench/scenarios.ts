/**
 * The official scenario catalogue (nmshd/backbone, Applications/ConsumerApi/test/ConsumerApi.Tests.Performance,
 * src/scenarios/README.md: scenarios 01 to 10), plus a file download, each run against the seeded identities.
 * Identities log in once before the load (every seeded device has SEED_PASSWORD); a scenario's iteration takes a
 * "lease" (an identity, a pair of identities) and gives it back, exclusively where the server allows one thing at a
 * time (a datawallet's next index, an identity's sync run, a relationship's state).
 */
import { generateKeyPairSync, randomBytes, sign } from "node:crypto";

import type { Client } from "pg";

import type { Dataset } from "./datasets";
import type { FlowScenario, Json, RequestSpec, Runnable, Send, SingleRequestScenario } from "./load";
import { SEED_PASSWORD, seededIdentities, type SeededIdentity } from "./seed";
import { recordEvents } from "./sync";

export interface Threshold {
    p90: number;
    p98?: number;
}

/** The official thresholds: p90 < 50 ms, p98 < 100 ms; files and tokens p90 < 160 ms. */
export const DEFAULT_THRESHOLD: Threshold = { p90: 50, p98: 100 };
export const FILES_AND_TOKENS_THRESHOLD: Threshold = { p90: 160 };

export interface BenchEnv {
    db: Client;
    set: Dataset;
    baseUrl: string;
    clientId: string;
    clientSecret: string;
    /** Unrecorded requests (preparation). */
    send: Send;
}

export interface PreparedScenario {
    runnable: Runnable;
    /** Called before the warm-up and before the measured run. */
    beforeRun?(): Promise<void>;
    /** Started with the warm-up and with the measured run, stopped (the function it returns) when each ends. */
    whileRunning?(): () => Promise<void>;
    /** How many iterations can run at once (exclusive leases); connections are capped to it. */
    capacity: number;
}

export interface ScenarioDefinition {
    name: string;
    /** Number in the official catalogue. */
    official?: string;
    title: string;
    threshold: Threshold;
    prepare(env: BenchEnv): Promise<PreparedScenario>;
}

const API = "/api/v2";
/** External events recorded for every connector before a connector-sync run. */
const NEW_EVENTS_PER_CONNECTOR = 50;
const b64url = (bytes: Buffer) => bytes.toString("base64url");
const contents = (count: number, size: number) => Array.from({ length: count }, () => b64url(randomBytes(size)));
const inADay = () => new Date(Date.now() + 24 * 3600 * 1000).toISOString();

function check(condition: unknown, message: string): asserts condition {
    if (!condition) throw new Error(message);
}

/** Bearer tokens of logged-in seeded identities, by address. */
const sessions = new Map<string, string>();

async function login(env: BenchEnv, identity: SeededIdentity): Promise<string> {
    const known = sessions.get(identity.address);
    if (known) return known;
    const answer = await env.send({
        method: "POST",
        path: "/connect/token",
        form: {
            client_id: env.clientId,
            client_secret: env.clientSecret,
            grant_type: "password",
            username: identity.username,
            password: SEED_PASSWORD
        }
    });
    check(answer.status === 200, `login of ${identity.username} failed: ${answer.status} ${answer.text}`);
    const auth = `Bearer ${answer.json().access_token}`;
    sessions.set(identity.address, auth);
    return auth;
}

export interface Session extends SeededIdentity {
    auth: string;
}

/** Logs identities in, four at a time (each login is an scrypt verification on the server). */
async function loginAll(env: BenchEnv, identities: SeededIdentity[]): Promise<Session[]> {
    const out: Session[] = [];
    for (let i = 0; i < identities.length; i += 4) {
        const batch = identities.slice(i, i + 4);
        const tokens = await Promise.all(batch.map((identity) => login(env, identity)));
        batch.forEach((identity, j) => out.push({ ...identity, auth: tokens[j]! }));
    }
    return out;
}

async function poolSessions(env: BenchEnv, aliases: string[], perPool: number): Promise<Session[]> {
    const identities: SeededIdentity[] = [];
    for (const alias of aliases) identities.push(...(await seededIdentities(env.db, env.set, alias, perPool)));
    return await loginAll(env, identities);
}

/**
 * The connectors that sync in `connector-sync`: as many in every dataset as the light one has (each syncs alone, so
 * their number is the scenario's concurrency, and latencies compare across datasets at the same concurrency), taken
 * from the three connector pools in turn.
 */
const SYNCING_CONNECTORS = 32;
async function connectorsForSync(env: BenchEnv): Promise<Session[]> {
    const pools = await Promise.all(["c1", "c2", "c3"].map((alias) => seededIdentities(env.db, env.set, alias, SYNCING_CONNECTORS)));
    const chosen: SeededIdentity[] = [];
    for (let i = 0; chosen.length < SYNCING_CONNECTORS && pools.some((pool) => i < pool.length); i++) {
        for (const pool of pools) if (i < pool.length && chosen.length < SYNCING_CONNECTORS) chosen.push(pool[i]!);
    }
    return await loginAll(env, chosen);
}

const withAuth = (session: Session, extra: Record<string, string> = {}) => ({ authorization: session.auth, ...extra });
const DATAWALLET_HEADER = { "x-supported-datawallet-version": "1" };

/** Round robin over shared leases (any number of iterations may hold the same one). */
function shared<T>(items: T[]): { acquire(): T; release(): void; capacity: number } {
    check(items.length > 0, "no identities for the scenario");
    let next = 0;
    return { acquire: () => items[next++ % items.length]!, release: () => undefined, capacity: Number.MAX_SAFE_INTEGER };
}

/** Exclusive leases: an iteration holds one alone; a lease that failed is dropped when `dropFailed`. */
function exclusive<T>(items: T[]): { acquire(): T | undefined; release(item: T, failed?: boolean): void; capacity: number } {
    check(items.length > 0, "no identities for the scenario");
    const free = [...items];
    return {
        acquire: () => free.shift(),
        release: (item) => void free.push(item),
        capacity: items.length
    };
}

function single<L>(
    leases: { acquire(): L | undefined; release(item: L): void; capacity: number },
    request: (lease: L) => RequestSpec,
    response?: (lease: L, status: number, body: string) => void
): PreparedScenario {
    const runnable: SingleRequestScenario<L> = {
        kind: "single",
        acquire: () => leases.acquire(),
        request,
        response,
        release: (lease) => leases.release(lease)
    };
    return { runnable: runnable as SingleRequestScenario, capacity: leases.capacity };
}

function flow<L>(
    leases: { acquire(): L | undefined; release(item: L, failed?: boolean): void; capacity: number },
    iterate: (lease: L, send: Send) => Promise<void>
): PreparedScenario {
    const runnable: FlowScenario<L> = {
        kind: "flow",
        acquire: () => leases.acquire(),
        iterate,
        release: (lease, failed) => leases.release(lease, failed)
    };
    return { runnable: runnable as FlowScenario, capacity: leases.capacity };
}

/**
 * The recipients fetch what they were sent, as between two runs of the message scenarios (their recipients never
 * fetch during a run): a recipient may hold only so many unreceived messages from one sender.
 */
async function recipientsFetchedAll(env: BenchEnv): Promise<void> {
    await env.db.query("UPDATE message_recipients SET received_at = now() WHERE received_at IS NULL");
}

/** Creates records with one of `payloads` as content each, expiring in a day, by `POST /<resource>` from the sessions in turn. */
function createWithContent(sessions: Session[], resource: string, payloads: string[]): PreparedScenario {
    const bodies = payloads.map((content) => JSON.stringify({ content, expiresAt: inADay() }));
    let n = 0;
    return single(shared(sessions), (s) => ({
        method: "POST",
        path: `${API}/${resource}`,
        headers: withAuth(s),
        body: bodies[n++ % bodies.length]
    }));
}

/** `POST /Messages` from `sender` with `body` to `recipients`, without attachments. */
function messageRequest(sender: Session, recipients: Array<{ address: string; encryptedKey: string }>, body: string): RequestSpec {
    return { method: "POST", path: `${API}/Messages`, headers: withAuth(sender), body: { recipients, body, attachments: [] } };
}

/** Sends and insists on the expected status; the flow stops at the first unexpected answer. */
async function expect(send: Send, request: RequestSpec, status: number | number[]): Promise<Json> {
    const answer = await send(request);
    check((Array.isArray(status) ? status : [status]).includes(answer.status), `${request.method} ${request.path}: ${answer.status}`);
    return answer.json()?.result;
}

/** A challenge's text as the official client signs it. */
function challengeText(challenge: { id: string; expiresAt: string; createdBy?: string | null; createdByDevice?: string | null }): string {
    const creator: Record<string, string> = {};
    if (challenge.createdBy) creator.createdBy = challenge.createdBy;
    if (challenge.createdByDevice) creator.createdByDevice = challenge.createdByDevice;
    return JSON.stringify({ ...creator, expiresAt: challenge.expiresAt, id: challenge.id, type: "Identity" });
}

/** All pages of a list. */
async function allPages(send: Send, path: string, auth: Record<string, string>, pageSize = 200): Promise<Json[]> {
    const items: Json[] = [];
    const separator = path.includes("?") ? "&" : "?";
    for (let page = 1, totalPages = 1; page <= totalPages; page++) {
        const answer = await send({ method: "GET", path: `${path}${separator}pageNumber=${page}&pageSize=${pageSize}`, headers: auth });
        check(answer.status === 200, `GET ${path}: ${answer.status}`);
        const body = answer.json();
        items.push(...body.result);
        totalPages = body.pagination?.totalPages ?? 1;
    }
    return items;
}

const idsQuery = (ids: string[]) => ids.map((id) => `ids=${id}`).join("&");

export const SCENARIOS: ScenarioDefinition[] = [
    {
        name: "challenge",
        official: "01",
        title: "Create a challenge (apps and connectors, authenticated)",
        threshold: DEFAULT_THRESHOLD,
        async prepare(env) {
            const sessions = await poolSessions(env, ["a2", "a3", "c2", "c3"], 10);
            return single(shared(sessions), (s) => ({ method: "POST", path: `${API}/Challenges`, headers: withAuth(s), body: "{}" }));
        }
    },
    {
        name: "identity",
        official: "02",
        title: "Create an identity (challenge, signed identity creation)",
        threshold: DEFAULT_THRESHOLD,
        async prepare(env) {
            const password = "Bench!Passw0rd-new-identity";
            const leases = shared([0]);
            return flow(leases, async (_lease, send) => {
                const { publicKey, privateKey } = generateKeyPairSync("ed25519");
                const raw = Buffer.from(publicKey.export({ format: "jwk" }).x!, "base64url");
                const challenge = await expect(send, { method: "POST", path: `${API}/Challenges`, body: "{}" }, 201);
                const text = challengeText(challenge);
                const signature = b64url(Buffer.from(JSON.stringify({ sig: b64url(sign(null, Buffer.from(text), privateKey)), alg: 2 })));
                await expect(
                    send,
                    {
                        method: "POST",
                        path: `${API}/Identities`,
                        body: {
                            clientId: env.clientId,
                            clientSecret: env.clientSecret,
                            identityPublicKey: b64url(Buffer.from(JSON.stringify({ pub: b64url(raw), alg: 3 }))),
                            devicePassword: password,
                            identityVersion: 1,
                            signedChallenge: { challenge: text, signature }
                        }
                    },
                    201
                );
            });
        }
    },
    {
        name: "datawallet",
        official: "03",
        title: "Push a datawallet modification (300 B)",
        threshold: DEFAULT_THRESHOLD,
        async prepare(env) {
            const sessions = await poolSessions(env, ["a1", "a2", "a3"], 40);
            const latest = await env.db.query<{ owner: string; next_index: string }>(
                "SELECT owner, next_index FROM datawallets WHERE owner = ANY($1)",
                [sessions.map((s) => s.address)]
            );
            const index = new Map(latest.rows.map((r) => [r.owner, Number(r.next_index) - 1]));
            const payloads = contents(50, 300);
            let n = 0;
            return single(
                exclusive(sessions),
                (s) => ({
                    method: "POST",
                    path: `${API}/Datawallet/Modifications`,
                    headers: withAuth(s, DATAWALLET_HEADER),
                    body: {
                        localIndex: (index.get(s.address) ?? -1) < 0 ? null : index.get(s.address),
                        modifications: [
                            {
                                type: "Create",
                                objectIdentifier: `ATT${(n++).toString(36).padStart(17, "0")}`,
                                collection: "Attributes",
                                payloadCategory: "Content",
                                encryptedPayload: payloads[n % payloads.length],
                                datawalletVersion: 1
                            }
                        ]
                    }
                }),
                (s, status, body) => {
                    if (status === 201) index.set(s.address, JSON.parse(body).result.newIndex);
                }
            );
        }
    },
    {
        name: "token",
        official: "04",
        title: "Create a token (1 kB)",
        threshold: FILES_AND_TOKENS_THRESHOLD,
        async prepare(env) {
            return createWithContent(await poolSessions(env, ["a2", "a3", "c2", "c3"], 10), "Tokens", contents(50, 1024));
        }
    },
    {
        name: "template",
        official: "05",
        title: "Create a relationship template (8 kB)",
        threshold: DEFAULT_THRESHOLD,
        async prepare(env) {
            return createWithContent(await poolSessions(env, ["c1", "c2", "c3"], 20), "RelationshipTemplates", contents(20, 8 * 1024));
        }
    },
    {
        name: "template-read",
        title: "Get a relationship template by its creator (no allocation)",
        threshold: DEFAULT_THRESHOLD,
        async prepare(env) {
            const sessions = await poolSessions(env, ["c1", "c2", "c3"], 20);
            const rows = await env.db.query<{ id: string; created_by: string }>(
                `SELECT DISTINCT ON (created_by) id, created_by FROM relationship_templates
                 WHERE created_by = ANY($1) AND expires_at > now() ORDER BY created_by, id`,
                [sessions.map((s) => s.address)]
            );
            const byCreator = new Map(rows.rows.map((r) => [r.created_by, r.id]));
            const reads = sessions.filter((s) => byCreator.has(s.address)).map((s) => ({ id: byCreator.get(s.address)!, session: s }));
            return single(shared(reads), ({ id, session }) => ({
                method: "GET",
                path: `${API}/RelationshipTemplates/${id}`,
                headers: withAuth(session)
            }));
        }
    },
    {
        name: "relationship-lifecycle",
        official: "06",
        title: "Relationship lifecycle (create, reject, revoke, accept, terminate, reactivations, decompose; 30 requests)",
        threshold: DEFAULT_THRESHOLD,
        async prepare(env) {
            const connectors = await poolSessions(env, ["c2", "c3"], 25);
            const apps = await poolSessions(env, ["a1"], 50);
            // Apps of the AppLight pool have no relationship yet; each pair is used by one iteration at a time.
            const pairs = apps.map((app, i) => ({ connector: connectors[i % connectors.length]!, app }));
            const content = b64url(randomBytes(500));
            const leases = exclusive(pairs);
            return flow(
                {
                    acquire: () => leases.acquire(),
                    // A pair whose flow broke off may be left in a state the next flow cannot start from: drop it.
                    release: (pair, failed) => (failed ? undefined : leases.release(pair)),
                    capacity: leases.capacity
                },
                async ({ connector: i1, app: i2 }, send) => {
                    const put = (who: Session, id: string, action: string) =>
                        expect(
                            send,
                            { method: "PUT", path: `${API}/Relationships/${id}/${action}`, headers: withAuth(who), body: "{}" },
                            200
                        );
                    const get = (who: Session, id: string) =>
                        expect(send, { method: "GET", path: `${API}/Relationships/${id}`, headers: withAuth(who) }, 200);
                    const create = async (templateId: string) =>
                        (
                            await expect(
                                send,
                                {
                                    method: "POST",
                                    path: `${API}/Relationships`,
                                    headers: withAuth(i2),
                                    body: { relationshipTemplateId: templateId, creationContent: content }
                                },
                                201
                            )
                        ).id as string;
                    const template = await expect(
                        send,
                        {
                            method: "POST",
                            path: `${API}/RelationshipTemplates`,
                            headers: withAuth(i1),
                            body: { content, expiresAt: inADay() }
                        },
                        201
                    );
                    await expect(send, { method: "GET", path: `${API}/RelationshipTemplates/${template.id}`, headers: withAuth(i2) }, 200);
                    let id = await create(template.id);
                    await get(i1, id);
                    await put(i1, id, "Reject");
                    await get(i2, id);
                    id = await create(template.id);
                    await get(i1, id);
                    await put(i2, id, "Revoke");
                    await get(i1, id);
                    id = await create(template.id);
                    await get(i1, id);
                    await put(i1, id, "Accept");
                    await get(i2, id);
                    await put(i1, id, "Terminate");
                    await get(i2, id);
                    await put(i1, id, "Reactivate");
                    await get(i2, id);
                    await put(i2, id, "Reactivate/Reject");
                    await get(i1, id);
                    await put(i1, id, "Reactivate");
                    await get(i2, id);
                    await put(i1, id, "Reactivate/Revoke");
                    await get(i2, id);
                    await put(i1, id, "Reactivate");
                    await get(i2, id);
                    await put(i2, id, "Reactivate/Accept");
                    await get(i1, id);
                    await put(i1, id, "Terminate");
                    await put(i1, id, "Decompose");
                    await get(i2, id);
                    await put(i2, id, "Decompose");
                }
            );
        }
    },
    {
        name: "message",
        official: "07",
        title: "Send a personalized message (one recipient, 1 kB)",
        threshold: DEFAULT_THRESHOLD,
        async prepare(env) {
            const sessions = await poolSessions(env, ["a2", "a3", "c2", "c3"], 25);
            const byAddress = new Map(sessions.map((s) => [s.address, s]));
            const related = await env.db.query<{ from_address: string; to_address: string }>(
                `SELECT from_address, to_address FROM relationships WHERE status = 'Active' AND (from_address = ANY($1) OR to_address = ANY($1))`,
                [[...byAddress.keys()]]
            );
            const pairs: Array<{ sender: Session; recipient: string }> = [];
            for (const r of related.rows) {
                const from = byAddress.get(r.from_address);
                const to = byAddress.get(r.to_address);
                if (from) pairs.push({ sender: from, recipient: r.to_address });
                if (to) pairs.push({ sender: to, recipient: r.from_address });
            }
            const bodies = contents(20, 1024);
            const keys = contents(20, 120);
            let n = 0;
            const prepared = single(shared(pairs), ({ sender, recipient }) =>
                messageRequest(sender, [{ address: recipient, encryptedKey: keys[n % keys.length]! }], bodies[n++ % bodies.length]!)
            );
            return { ...prepared, beforeRun: () => recipientsFetchedAll(env) };
        }
    },
    {
        name: "message-2",
        title: "Send a message to two recipients (1 kB)",
        threshold: DEFAULT_THRESHOLD,
        async prepare(env) {
            const sessions = await poolSessions(env, ["a2", "a3", "c2", "c3"], 25);
            const peers = await env.db.query<{ sender: string; peers: string[] }>(
                `SELECT s.address AS sender, array_agg(CASE WHEN r.from_address = s.address THEN r.to_address ELSE r.from_address END) AS peers
                 FROM unnest($1::text[]) AS s(address) JOIN relationships r ON r.status = 'Active' AND (r.from_address = s.address OR r.to_address = s.address)
                 GROUP BY s.address HAVING count(*) >= 2`,
                [sessions.map((s) => s.address)]
            );
            // Every sender with every two of its peers in turn, round robin over all of them: each pair of identities
            // gets as many messages as another (a recipient may hold only so many unreceived ones from one sender).
            const sends = peers.rows.flatMap((row) => {
                const sender = sessions.find((s) => s.address === row.sender)!;
                return row.peers.map((peer, i) => ({ sender, to: [peer, row.peers[(i + 1) % row.peers.length]!] }));
            });
            check(sends.length > 0, "no identity with two active relationships");
            const bodies = contents(20, 1024);
            const keys = contents(20, 120);
            let n = 0;
            const prepared = single(shared(sends), ({ sender, to }) =>
                messageRequest(
                    sender,
                    to.map((address) => ({ address, encryptedKey: keys[n % keys.length]! })),
                    bodies[n++ % bodies.length]!
                )
            );
            return { ...prepared, beforeRun: () => recipientsFetchedAll(env) };
        }
    },
    {
        name: "message-many",
        official: "08",
        title: "Send a message to 50 to 1,000 recipients (connectors with many relationships)",
        threshold: DEFAULT_THRESHOLD,
        async prepare(env) {
            const connectors = await poolSessions(env, ["c2", "c3"], 30);
            const peers = await env.db.query<{ connector: string; peers: string[] }>(
                `SELECT to_address AS connector, array_agg(from_address) AS peers FROM relationships
                 WHERE status = 'Active' AND to_address = ANY($1) GROUP BY to_address HAVING count(*) >= 50`,
                [connectors.map((c) => c.address)]
            );
            const senders = peers.rows.map((row) => ({ sender: connectors.find((c) => c.address === row.connector)!, peers: row.peers }));
            check(senders.length > 0, "no connector with at least 50 active relationships (use a larger dataset or scale)");
            const body = b64url(randomBytes(1024));
            const key = b64url(randomBytes(120));
            const prepared = single(shared(senders), ({ sender, peers }) => {
                const count = 50 + Math.floor(Math.random() * (Math.min(1000, peers.length) - 50 + 1));
                const chosen = [...peers].sort(() => Math.random() - 0.5).slice(0, count);
                return messageRequest(
                    sender,
                    chosen.map((address) => ({ address, encryptedKey: key })),
                    body
                );
            });
            // A connector sends each of its peers more messages per second than the unreceived limit (at most 100
            // from one sender) lets pile up over a run: its peers fetch what they were sent, here by SQL twice a second
            // (that PostgreSQL work is in the scenario's figures).
            const whileRunning = () => {
                let fetching = Promise.resolve();
                const timer = setInterval(() => (fetching = fetching.then(() => recipientsFetchedAll(env)).catch(() => undefined)), 500);
                return async () => {
                    clearInterval(timer);
                    await fetching;
                };
            };
            return { ...prepared, beforeRun: () => recipientsFetchedAll(env), whileRunning };
        }
    },
    {
        name: "connector-sync",
        official: "09",
        title: "Connector external event sync (datawallet, start run, event pages, finalize with results and modifications)",
        threshold: DEFAULT_THRESHOLD,
        async prepare(env) {
            const connectors = await connectorsForSync(env);
            const known = new Map<string, number | null>();
            const payload = b64url(randomBytes(300));
            const prepared = flow(exclusive(connectors), async (c, send) => {
                const auth = withAuth(c, DATAWALLET_HEADER);
                const since = known.get(c.address);
                const modifications = await allPages(
                    send,
                    `${API}/Datawallet/Modifications${since === undefined || since === null ? "" : `?localIndex=${since}`}`,
                    auth
                );
                for (const m of modifications) known.set(c.address, Math.max(known.get(c.address) ?? -1, m.index));
                const start = await expect(
                    send,
                    { method: "POST", path: `${API}/SyncRuns`, headers: auth, body: { type: "ExternalEventSync", duration: 60 } },
                    [200, 201]
                );
                if (start.status !== "Created") return;
                const events = await allPages(send, `${API}/SyncRuns/${start.syncRun.id}/ExternalEvents`, auth);
                const done = await expect(
                    send,
                    {
                        method: "PUT",
                        path: `${API}/SyncRuns/${start.syncRun.id}/FinalizeExternalEventSync`,
                        headers: auth,
                        body: {
                            externalEventResults: events.map((e, i) =>
                                i % 5 === 0 ? { externalEventId: e.id, errorCode: "error.bench.failed" } : { externalEventId: e.id }
                            ),
                            datawalletModifications: events.map((e) => ({
                                type: "Create",
                                objectIdentifier: e.id,
                                collection: "Requests",
                                payloadCategory: "Content",
                                encryptedPayload: payload,
                                datawalletVersion: 1
                            }))
                        }
                    },
                    200
                );
                if (done.newDatawalletModificationIndex !== null && done.newDatawalletModificationIndex !== undefined) {
                    known.set(c.address, done.newDatawalletModificationIndex);
                }
            });
            // Every connector finds new events at its first iteration of a run; later iterations poll, as connectors do.
            const beforeRun = async () => {
                for (const c of connectors) await recordEvents(env.db, c.address, NEW_EVENTS_PER_CONNECTOR, false);
            };
            return { ...prepared, beforeRun };
        }
    },
    {
        name: "onboarding",
        official: "10",
        title: "Device onboarding (all datawallet modifications, messages, templates, relationships, tokens; paged)",
        threshold: DEFAULT_THRESHOLD,
        async prepare(env) {
            const apps = await poolSessions(env, ["a3"], 50);
            const ids = async (sql: string) => {
                const rows = await env.db.query<{ owner: string; ids: string[] }>(sql, [apps.map((a) => a.address)]);
                return new Map(rows.rows.map((r) => [r.owner, r.ids]));
            };
            const relationships = await ids(
                `SELECT from_address AS owner, array_agg(id) AS ids FROM relationships WHERE from_address = ANY($1) GROUP BY from_address`
            );
            const templates = await ids(
                `SELECT from_address AS owner, array_agg(relationship_template_id) AS ids FROM relationships
                 WHERE from_address = ANY($1) AND relationship_template_id IS NOT NULL GROUP BY from_address`
            );
            const tokens = await ids(
                `SELECT created_by AS owner, array_agg(id) AS ids FROM tokens WHERE created_by = ANY($1) GROUP BY created_by`
            );
            return flow(shared(apps), async (app, send) => {
                const auth = withAuth(app, DATAWALLET_HEADER);
                await allPages(send, `${API}/Datawallet/Modifications`, auth);
                await allPages(send, `${API}/Messages`, auth);
                const byIds = async (path: string, list: string[] | undefined) => {
                    for (let i = 0; list && i < list.length; i += 100)
                        await allPages(send, `${API}/${path}?${idsQuery(list.slice(i, i + 100))}`, auth);
                };
                await byIds("RelationshipTemplates", templates.get(app.address));
                await byIds("Relationships", relationships.get(app.address));
                await byIds("Tokens", tokens.get(app.address));
            });
        }
    },
    {
        name: "token-get",
        title: "Read a token by its id (its creator)",
        threshold: FILES_AND_TOKENS_THRESHOLD,
        async prepare(env) {
            const sessions = await poolSessions(env, ["a2", "a3", "c2", "c3"], 10);
            const rows = await env.db.query<{ id: string; created_by: string }>(
                "SELECT id, created_by FROM tokens WHERE created_by = ANY($1) AND expires_at > now() + interval '1 hour' ORDER BY id LIMIT 2000",
                [sessions.map((s) => s.address)]
            );
            const byAddress = new Map(sessions.map((s) => [s.address, s]));
            const reads = rows.rows.map((r) => ({ id: r.id, session: byAddress.get(r.created_by)! }));
            return single(shared(reads), ({ id, session }) => ({ method: "GET", path: `${API}/Tokens/${id}`, headers: withAuth(session) }));
        }
    },
    {
        name: "file-download",
        title: "Download a file (10 kB) by its owner",
        threshold: FILES_AND_TOKENS_THRESHOLD,
        async prepare(env) {
            const files = await env.db.query<{ id: string; owner: string }>(
                "SELECT id, owner FROM files WHERE cipher_size = $1 ORDER BY id LIMIT $2",
                [10 * 1024, env.set.filesWithContent]
            );
            check(files.rows.length > 0, "the dataset has no file with content");
            const owners = [...new Set(files.rows.map((f) => f.owner))].slice(0, 40);
            const sessionsByOwner = new Map<string, Session>();
            for (const owner of owners) {
                const row = await env.db.query<{ id: string; username: string }>(
                    "SELECT id, username FROM devices WHERE identity_address = $1 ORDER BY created_at LIMIT 1",
                    [owner]
                );
                const identity: SeededIdentity = {
                    n: 0,
                    alias: "?",
                    kind: "app",
                    address: owner,
                    deviceId: row.rows[0]!.id,
                    username: row.rows[0]!.username
                };
                sessionsByOwner.set(owner, { ...identity, auth: await login(env, identity) });
            }
            const downloads = files.rows
                .filter((f) => sessionsByOwner.has(f.owner))
                .map((f) => ({ id: f.id, session: sessionsByOwner.get(f.owner)! }));
            return single(shared(downloads), ({ id, session }) => ({
                method: "GET",
                path: `${API}/Files/${id}`,
                headers: withAuth(session)
            }));
        }
    }
];

export const SCENARIO_NAMES = SCENARIOS.map((s) => s.name);

export function scenarioByName(name: string): ScenarioDefinition {
    const found = SCENARIOS.find((s) => s.name === name);
    if (!found) throw new Error(`unknown scenario '${name}' (${SCENARIO_NAMES.join(", ")})`);
    return found;
}
