/**
 * Every statement that the hot paths send is planned without a sequential scan of a large table.
 *
 * A scratch database is seeded with a few hundred thousand rows (the benchmark's "plans" dataset, bulk SQL) and
 * analysed; the hot-path requests then run through the Backbone while every statement that reaches PostgreSQL is
 * recorded (pg's Client#query is wrapped, so whatever builds the SQL is covered); each distinct statement is
 * EXPLAINed with the parameters it was sent with (and, for a prepared statement, also with the generic plan PostgreSQL
 * may switch to): no plan node may be a Seq Scan of a table with more than LARGE_TABLE_ROWS rows, and no statement may skip rows of such a table with a non-zero OFFSET (the cost of a page
 * would grow with its number; the hot paths request a second page where a client pages through much).
 */
import "reflect-metadata";

import { Client } from "pg";

import { dataset } from "../../scripts/bench/datasets";
import { SEED_PASSWORD, seedDatabase, seededIdentities, type SeededIdentity } from "../../scripts/bench/seed";
import { dropDatabase } from "../../scripts/lib/scratch-database";
import { passwordGrant } from "../support/identities";
import { createTestDatabase, startTestApp, TEST_CLIENT, type TestApp } from "../support/test-app";

const LARGE_TABLE_ROWS = 10_000;

/**
 * What a statement does that grows with a table rather than with the page: a sequential scan of a large table, or
 * rows of a large table skipped with a non-zero OFFSET (reading page n costs n pages).
 */
type Finding = "Seq Scan" | "OFFSET";

/**
 * Requests whose pages the contract numbers over a list no index holds in order, so that page n must skip what the
 * pages before it hold (OFFSET): the latest datawallet modification per key, as the official Backbone pages it. Their
 * statements are checked on their own (below): the latest per key found in the key index alone, the table read only
 * for the page's rows.
 */
const OFFSET_BY_CONTRACT = new Set([
    "GET /Datawallet/Modifications",
    "GET /Datawallet/Modifications (counted)",
    "GET /Datawallet/Modifications (page 2)"
]);

/**
 * The tables each hot-path request must be seen to read or write (from the plans of the statements it sent): a
 * refactor that changes the SQL is still covered, and a capture that missed statements fails.
 */
const EXPECTED_TABLES: Record<string, string[]> = {
    "POST /connect/token": ["devices", "identities"],
    "GET /Identities/Self": ["identities"],
    "GET /Devices/Self": ["devices"],
    "GET /Quotas": ["individual_quotas"],
    "POST /Challenges": ["challenges"],
    "GET /Messages": ["messages", "message_recipients"],
    "GET /Messages (connector)": ["messages", "message_recipients"],
    "GET /Messages/{id}": ["messages", "message_recipients"],
    "POST /Messages": ["messages", "message_recipients", "relationships", "external_events", "external_event_counters"],
    "POST /Messages (connector)": ["messages", "message_recipients", "relationships", "external_events", "external_event_counters"],
    "GET /Relationships": ["relationships"],
    "GET /Relationships/{id}": ["relationships"],
    "GET /RelationshipTemplates/{id}": ["relationship_templates", "relationship_template_allocations"],
    "GET /RelationshipTemplates/{id} (creator)": ["relationship_templates"],
    "GET /RelationshipTemplates/{id} (first access)": ["relationship_templates", "relationship_template_allocations"],
    "GET /Relationships/CanCreate": ["identities", "relationships"],
    "GET /RelationshipTemplates": ["relationship_templates"],
    "POST /RelationshipTemplates": ["relationship_templates"],
    "GET /Tokens": ["tokens"],
    "GET /Tokens/{id}": ["tokens"],
    "POST /Tokens": ["tokens"],
    "GET /Datawallet": ["datawallets"],
    "POST /Datawallet/Modifications": ["datawallets", "datawallet_modifications"],
    "POST /SyncRuns": ["identities", "datawallets", "sync_runs", "external_events"],
    "POST /SyncRuns (cancelling an expired run)": ["sync_runs", "external_events"],
    "POST /SyncRuns (no new events)": ["sync_runs", "external_events"],
    "GET /SyncRuns/{id}": ["sync_runs"],
    "GET /SyncRuns/{id}/ExternalEvents": ["sync_runs", "external_events"],
    "PUT /SyncRuns/{id}/RefreshExpirationTime": ["sync_runs"],
    "PUT /SyncRuns/{id}/FinalizeExternalEventSync": ["datawallets", "sync_runs", "external_events", "datawallet_modifications"]
};

interface Captured {
    request: string;
    text: string;
    values: unknown[];
    /** Sent as a named (prepared) statement: PostgreSQL may run it with a generic plan after a few executions. */
    prepared: boolean;
}

type PlanNode = { "Node Type": string; "Relation Name"?: string; Plans?: PlanNode[]; [key: string]: unknown };

/** Visits every node of a plan with the nodes above it (the root first). */
function walk(node: PlanNode, visit: (node: PlanNode, above: PlanNode[]) => void, above: PlanNode[] = []): void {
    visit(node, above);
    for (const child of node.Plans ?? []) walk(child, visit, [...above, node]);
}

const normalized = (sql: string) => sql.replace(/\s+/g, " ").trim();
const explainable = (sql: string) => /^\s*(select|insert|update|delete|with)\b/i.test(sql);

describe("query plans of the hot paths on a large database", () => {
    let databaseName: string;
    let databaseUrl: string;
    let t: TestApp;
    let db: Client;
    const captured: Captured[] = [];
    let current: string | undefined;
    const originalQuery = Client.prototype.query;

    beforeAll(async () => {
        const database = await createTestDatabase();
        databaseName = database.name;
        databaseUrl = database.url;
        const set = dataset("plans");
        await seedDatabase(databaseUrl, set, { didDomain: "localhost", clientId: TEST_CLIENT.id });
        db = new Client({ connectionString: databaseUrl });
        await db.connect();
        // Deterministic plans: statistics from every row (not a random sample) and the visibility map of a vacuumed
        // database, as autovacuum keeps it in production.
        await db.query("SET default_statistics_target = 10000");
        await db.query("VACUUM ANALYZE");
        t = await startTestApp({ databaseUrl });
        expect(t.config.DID_DOMAIN).toBe("localhost");

        // Record every statement sent while a labelled request runs.
        Client.prototype.query = function (this: Client, ...args: unknown[]) {
            const [first, second] = args as [unknown, unknown];
            if (current && this !== db) {
                const text = typeof first === "string" ? first : (first as { text?: string } | undefined)?.text;
                const values = Array.isArray(second) ? second : ((first as { values?: unknown[] } | undefined)?.values ?? []);
                const prepared = typeof first === "object" && first !== null && Boolean((first as { name?: string }).name);
                if (typeof text === "string") captured.push({ request: current, text, values, prepared });
            }
            return (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
        } as typeof Client.prototype.query;

        await runHotPaths(set);
    }, 120_000);

    afterAll(async () => {
        Client.prototype.query = originalQuery;
        await t?.close();
        await db?.end();
        if (databaseName) await dropDatabase(process.env.TEST_ADMIN_URL!, databaseName);
    });

    /**
     * The plan of a statement for the parameters it was sent with; for a prepared one also its generic plan (for any
     * parameters), which PostgreSQL may switch to after five executions when it does not look costlier.
     */
    async function plansOf(statement: Captured): Promise<Array<["custom" | "generic", PlanNode]>> {
        type Explained = { "QUERY PLAN": Array<{ Plan: PlanNode }> };
        const custom = await db.query<Explained>(`EXPLAIN (FORMAT JSON) ${statement.text}`, statement.values);
        const plans: Array<["custom" | "generic", PlanNode]> = [["custom", custom.rows[0]!["QUERY PLAN"][0]!.Plan]];
        if (!statement.prepared) return plans;
        await db.query(`PREPARE plan_check AS ${statement.text}`);
        try {
            await db.query("SET plan_cache_mode = force_generic_plan");
            // A generic plan does not depend on the values (and EXPLAIN EXECUTE takes no bound parameters): NULLs do.
            const parameters = statement.values.map(() => "NULL").join(", ");
            const generic = await db.query<Explained>(`EXPLAIN (FORMAT JSON) EXECUTE plan_check${parameters ? `(${parameters})` : ""}`);
            plans.push(["generic", generic.rows[0]!["QUERY PLAN"][0]!.Plan]);
        } finally {
            await db.query("RESET plan_cache_mode");
            await db.query("DEALLOCATE plan_check");
        }
        return plans;
    }

    async function as<T>(request: string, call: () => Promise<T>): Promise<T> {
        current = request;
        try {
            return await call();
        } finally {
            current = undefined;
        }
    }

    async function login(identity: SeededIdentity): Promise<string> {
        const response = await as("POST /connect/token", () => passwordGrant(t, identity.username, SEED_PASSWORD).expect(200));
        return `Bearer ${response.body.access_token}`;
    }

    async function runHotPaths(set: ReturnType<typeof dataset>): Promise<void> {
        const [app] = await seededIdentities(db, set, "a3", 1);
        const [connector] = await seededIdentities(db, set, "c3", 1);
        const appAuth = await login(app!);
        const connectorAuth = await login(connector!);
        const dw = { "x-supported-datawallet-version": "1" };
        const get = (request: string, path: string, auth: string, status = 200) =>
            as(request, () => t.http.get(`/api/v2${path}`).set("authorization", auth).set(dw).expect(status));
        const send = (request: string, method: "post" | "put", path: string, auth: string, body: object, status: number) =>
            as(request, () => t.http[method](`/api/v2${path}`).set("authorization", auth).set(dw).send(body).expect(status));

        await get("GET /Identities/Self", "/Identities/Self", appAuth);
        await get("GET /Devices/Self", "/Devices/Self", appAuth);
        await get("GET /Quotas", "/Quotas", appAuth);
        await send("POST /Challenges", "post", "/Challenges", appAuth, {}, 201);

        const messages = await get("GET /Messages", "/Messages?pageSize=50", appAuth);
        expect(messages.body.result.length).toBeGreaterThan(0);
        await get("GET /Messages/{id}", `/Messages/${messages.body.result[0].id}`, appAuth);
        const active = await db.query<{ id: string; to_address: string; relationship_template_id: string }>(
            "SELECT id, to_address, relationship_template_id FROM relationships WHERE from_address = $1 AND status = 'Active' LIMIT 1",
            [app!.address]
        );
        const relationship = active.rows[0]!;
        const key = Buffer.alloc(64, 1).toString("base64url");
        await send(
            "POST /Messages",
            "post",
            "/Messages",
            appAuth,
            {
                recipients: [{ address: relationship.to_address, encryptedKey: key }],
                body: Buffer.alloc(500, 2).toString("base64url"),
                attachments: []
            },
            201
        );

        await get("GET /Messages (connector)", "/Messages?pageSize=50", connectorAuth);
        const peer = await db.query<{ from_address: string }>(
            "SELECT from_address FROM relationships WHERE to_address = $1 AND status = 'Active' LIMIT 1",
            [connector!.address]
        );
        await send(
            "POST /Messages (connector)",
            "post",
            "/Messages",
            connectorAuth,
            {
                recipients: [{ address: peer.rows[0]!.from_address, encryptedKey: key }],
                body: Buffer.alloc(500, 3).toString("base64url"),
                attachments: []
            },
            201
        );

        const relationships = await db.query<{ id: string }>("SELECT id FROM relationships WHERE from_address = $1", [app!.address]);
        await get("GET /Relationships", `/Relationships?${relationships.rows.map((r) => `ids=${r.id}`).join("&")}`, appAuth);
        await get("GET /Relationships/{id}", `/Relationships/${relationship.id}`, appAuth);
        await get("GET /RelationshipTemplates/{id}", `/RelationshipTemplates/${relationship.relationship_template_id}`, appAuth);
        await get("GET /RelationshipTemplates", `/RelationshipTemplates?ids=${relationship.relationship_template_id}`, appAuth);
        const unallocated = await db.query<{ id: string }>(
            `SELECT t.id FROM relationship_templates t WHERE t.created_by = $1 AND t.expires_at > now() AND t.max_number_of_allocations IS NULL
             AND NOT EXISTS (SELECT 1 FROM relationship_template_allocations a WHERE a.relationship_template_id = t.id AND a.allocated_by = $2)
             ORDER BY t.id LIMIT 1`,
            [connector!.address, app!.address]
        );
        await get("GET /RelationshipTemplates/{id} (creator)", `/RelationshipTemplates/${unallocated.rows[0]!.id}`, connectorAuth);
        await get("GET /RelationshipTemplates/{id} (first access)", `/RelationshipTemplates/${unallocated.rows[0]!.id}`, appAuth);
        await get("GET /Relationships/CanCreate", `/Relationships/CanCreate?peer=${relationship.to_address}`, appAuth);
        await send("POST /RelationshipTemplates", "post", "/RelationshipTemplates", connectorAuth, { content: key }, 201);

        const tokens = await db.query<{ id: string }>("SELECT id FROM tokens WHERE created_by = $1", [app!.address]);
        await get("GET /Tokens", `/Tokens?${tokens.rows.map((r) => `ids=${r.id}`).join("&")}`, appAuth);
        await get("GET /Tokens/{id}", `/Tokens/${tokens.rows[0]!.id}`, appAuth);
        await send(
            "POST /Tokens",
            "post",
            "/Tokens",
            appAuth,
            { content: key, expiresAt: new Date(Date.now() + 3600_000).toISOString() },
            201
        );

        await get("GET /Datawallet", "/Datawallet", appAuth);
        const modifications = await get("GET /Datawallet/Modifications", "/Datawallet/Modifications?pageSize=50", appAuth);
        // A full first page counts the total; the second page skips the first.
        const counted = await get("GET /Datawallet/Modifications (counted)", "/Datawallet/Modifications?pageSize=4", appAuth);
        expect(counted.body.pagination.totalRecords).toBe(modifications.body.result.length);
        await get("GET /Datawallet/Modifications (page 2)", "/Datawallet/Modifications?pageSize=4&pageNumber=2", appAuth);
        const latest = await db.query<{ next_index: string }>("SELECT next_index FROM datawallets WHERE owner = $1", [app!.address]);
        await send(
            "POST /Datawallet/Modifications",
            "post",
            "/Datawallet/Modifications",
            appAuth,
            {
                localIndex: Number(latest.rows[0]!.next_index) - 1,
                modifications: [
                    {
                        type: "Create",
                        objectIdentifier: "ATTbench",
                        collection: "Attributes",
                        payloadCategory: "Content",
                        encryptedPayload: key,
                        datawalletVersion: 1
                    }
                ]
            },
            201
        );
        expect(modifications.body.result.length).toBeGreaterThan(0);

        // The connector has unsynced events (the seed leaves the newest of every connector unsynced). A run that expires
        // at once is cancelled by the next start, which takes its events again.
        await send("POST /SyncRuns", "post", "/SyncRuns", connectorAuth, { type: "ExternalEventSync", duration: 0 }, 201);
        const start = await send(
            "POST /SyncRuns (cancelling an expired run)",
            "post",
            "/SyncRuns",
            connectorAuth,
            { type: "ExternalEventSync", duration: 600 },
            201
        );
        const run = start.body.result.syncRun.id as string;
        expect(start.body.result.syncRun.eventCount).toBeGreaterThan(10);
        await get("GET /SyncRuns/{id}", `/SyncRuns/${run}`, connectorAuth);
        await send("PUT /SyncRuns/{id}/RefreshExpirationTime", "put", `/SyncRuns/${run}/RefreshExpirationTime`, connectorAuth, {}, 200);
        const events = await get(
            "GET /SyncRuns/{id}/ExternalEvents",
            `/SyncRuns/${run}/ExternalEvents?pageSize=10&pageNumber=2`,
            connectorAuth
        );
        const all = await get(
            "GET /SyncRuns/{id}/ExternalEvents",
            `/SyncRuns/${run}/ExternalEvents?pageSize=200&pageNumber=1`,
            connectorAuth
        );
        expect(events.body.result.length).toBeGreaterThan(0);
        await send(
            "PUT /SyncRuns/{id}/FinalizeExternalEventSync",
            "put",
            `/SyncRuns/${run}/FinalizeExternalEventSync`,
            connectorAuth,
            {
                externalEventResults: all.body.result.map((e: { id: string }, i: number) => ({
                    externalEventId: e.id,
                    ...(i === 0 ? { errorCode: "error.bench" } : {})
                })),
                datawalletModifications: [
                    {
                        type: "Create",
                        objectIdentifier: "ATTsync",
                        collection: "Attributes",
                        payloadCategory: "Content",
                        encryptedPayload: key,
                        datawalletVersion: 1
                    }
                ]
            },
            200
        );
        // The failed event alone is deliverable again; once it is taken, nothing is left.
        const again = await send("POST /SyncRuns", "post", "/SyncRuns", connectorAuth, { type: "ExternalEventSync", duration: 600 }, 201);
        expect(again.body.result.syncRun.eventCount).toBe(1);
        await send(
            "PUT /SyncRuns/{id}/FinalizeExternalEventSync",
            "put",
            `/SyncRuns/${again.body.result.syncRun.id}/FinalizeExternalEventSync`,
            connectorAuth,
            { externalEventResults: [], datawalletModifications: [] },
            200
        );
        await send("POST /SyncRuns (no new events)", "post", "/SyncRuns", connectorAuth, { type: "ExternalEventSync" }, 200);
    }

    /** The tables with more than LARGE_TABLE_ROWS rows. */
    async function largeTables(): Promise<Set<string>> {
        const sizes = await db.query<{ table: string; rows: number }>(
            "SELECT relname AS table, reltuples::bigint AS rows FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace"
        );
        return new Set(sizes.rows.filter((r) => Number(r.rows) > LARGE_TABLE_ROWS).map((r) => r.table));
    }

    it("captured the statements of every hot path", () => {
        const requests = new Set(captured.map((c) => c.request));
        expect(Object.keys(EXPECTED_TABLES).filter((request) => !requests.has(request))).toEqual([]);
    });

    it("sends no statement that scans a large table sequentially or skips its rows by OFFSET", async () => {
        const sizes = await db.query<{ table: string; rows: number }>(
            "SELECT relname AS table, reltuples::bigint AS rows FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace"
        );
        const large = new Set(sizes.rows.filter((r) => Number(r.rows) > LARGE_TABLE_ROWS).map((r) => r.table));
        expect([...large]).toEqual(
            expect.arrayContaining(["messages", "message_recipients", "relationships", "relationship_templates", "external_events"])
        );

        const distinct = new Map<string, Captured>();
        for (const statement of captured) {
            if (!explainable(statement.text) || OFFSET_BY_CONTRACT.has(statement.request)) continue;
            const id = `${statement.request}\n${normalized(statement.text)}`;
            if (!distinct.has(id)) distinct.set(id, statement);
        }
        const touched = new Map<string, Set<string>>();
        const scans: Array<{ request: string; finding: Finding; table: string; sql: string }> = [];
        let planned = 0;
        for (const statement of distinct.values()) {
            const sql = normalized(statement.text);
            const tables = new Set<string>();
            for (const [kind, plan] of await plansOf(statement)) {
                planned++;
                walk(plan, (node) => {
                    const table = node["Relation Name"];
                    if (!table) return;
                    tables.add(table);
                    touched.set(statement.request, (touched.get(statement.request) ?? new Set()).add(table));
                    if (node["Node Type"] === "Seq Scan" && large.has(table))
                        scans.push({ request: statement.request, finding: "Seq Scan", table, sql: `(${kind} plan) ${sql}` });
                });
            }
            const offset = /\bOFFSET\s+(?:(\d+)|\$(\d+))/i.exec(statement.text);
            const skipped = offset ? Number(offset[1] ?? statement.values[Number(offset[2]) - 1]) : 0;
            if (skipped > 0) {
                for (const table of tables) if (large.has(table)) scans.push({ request: statement.request, finding: "OFFSET", table, sql });
            }
        }

        const report = scans.map((f) => `- ${f.request}: ${f.finding} on ${f.table}\n    ${f.sql}`).join("\n");
        expect(report).toBe("");
        // Prepared statements were seen and their generic plans checked too.
        expect(planned).toBeGreaterThan(distinct.size);

        const missing = Object.entries(EXPECTED_TABLES).flatMap(([request, tables]) =>
            tables.filter((table) => !touched.get(request)?.has(table)).map((table) => `${request} never reached ${table}`)
        );
        expect(missing).toEqual([]);
    });

    it("pages the datawallet modifications from the key index alone, reading the table only for the page's rows", async () => {
        const large = await largeTables();
        const statements = captured.filter((c) => OFFSET_BY_CONTRACT.has(c.request) && explainable(c.text));
        const findings: string[] = [];
        const touched = new Set<string>();
        for (const statement of statements) {
            for (const [mode, plan] of await plansOf(statement)) {
                walk(plan, (node, above) => {
                    const table = node["Relation Name"];
                    if (!table) return;
                    touched.add(`${statement.request}: ${table}`);
                    const where = `${statement.request} (${mode} plan)`;
                    if (node["Node Type"] === "Seq Scan" && large.has(table)) findings.push(`${where}: Seq Scan on ${table}`);
                    if (table !== "datawallet_modifications") return;
                    // Below the page's LIMIT only the key index is read (the latest per key and their number); the
                    // table's rows are read above it, for the page's rows alone.
                    const belowLimit = above.some((n) => n["Node Type"] === "Limit");
                    if (belowLimit && node["Node Type"] !== "Index Only Scan")
                        findings.push(`${where}: ${node["Node Type"]} of ${table} for every candidate`);
                    if (belowLimit) touched.add(`${statement.request}: key index only`);
                });
            }
        }
        expect(large.has("datawallet_modifications")).toBe(true);
        expect(findings).toEqual([]);
        expect([...OFFSET_BY_CONTRACT].filter((request) => !touched.has(`${request}: datawallet_modifications`))).toEqual([]);
        expect([...OFFSET_BY_CONTRACT].filter((request) => !touched.has(`${request}: key index only`))).toEqual([]);
        // The second page skips the first (OFFSET 4); the first page counts the latest per key on the way.
        const offsets = statements
            .map((s) => /\bOFFSET\s+\$(\d+)/i.exec(s.text))
            .map((m, i) => (m ? statements[i]!.values[Number(m[1]) - 1] : undefined));
        expect(offsets).toContain(4);
        expect(statements.some((s) => s.request === "GET /Datawallet/Modifications (counted)" && /count\(/i.test(s.text))).toBe(true);
    });
});
