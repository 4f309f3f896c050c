/**
 * Seeds a dataset (datasets.ts) into a migrated, empty Backbone database by bulk SQL: rows are generated inside
 * PostgreSQL (generate_series, INSERT ... SELECT) from a numbered list of identities, so that ids, addresses and
 * foreign keys are derived, not looked up. The indexes of a table are dropped while it is filled and built again
 * afterwards (from their own definitions, so whatever the migrations define is restored), and the two halves of the
 * work (identity-owned data; templates, relationships, messages and events) run on two connections at once.
 *
 * What a seeded database holds:
 * - ids in the project's format (3-letter prefix and 17 alphanumerics, pseudo-random), addresses with a valid checksum
 *   under the given DID domain;
 * - devices that can log in: every device's password is SEED_PASSWORD (its scrypt hash computed once and reused);
 * - contents of realistic sizes (random, incompressible bytes): template 1 kB, message body 1.2 kB, message key 120 B,
 *   datawallet modification 300 B, token 500 B, relationship creation content 500 B;
 * - per identity: devices, a datawallet (version 1) with its modifications, challenges, tokens, files (metadata;
 *   content in the blob folder only for the first `filesWithContent` files, when a folder is given);
 * - relationships between apps and connectors in a mix of statuses with their audit logs, each from a template of
 *   the connector that the app allocated; messages over the relationships that were active; the external events of
 *   all of it (MessageReceived, RelationshipStatusChanged) in contiguous per-identity order, synced by a finalized
 *   sync run except the newest few of every connector (so that a connector's first sync finds work).
 */
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import { Client } from "pg";

import { hashPassword } from "../../src/core/crypto/passwords";
import type { Dataset, PoolKind } from "./datasets";

/** The password of every seeded device. */
export const SEED_PASSWORD = "Bench!Passw0rd-seeded-device";

/** Unsynced external events left per connector. */
const CONNECTOR_BACKLOG = 20;
/** Distinct random contents per kind; rows pick one by number. */
const VARIANTS = 101;
const FILE_CONTENT_BYTES = 10 * 1024;

const CONTENT_SIZES: Record<string, number> = {
    template: 1000,
    message: 1200,
    key: 120,
    dwm: 300,
    token: 500,
    creation: 500,
    response: 300,
    signature: 100,
    hash: 64,
    fileProperties: 300
};

export interface SeedOptions {
    /** DID domain of the addresses (the Backbone's DID_DOMAIN). */
    didDomain: string;
    /** OAuth client the identities belong to. */
    clientId: string;
    /** Where the filesystem blob store keeps file contents (BLOB_DIR); without it no content is written. */
    blobDir?: string;
    /** Progress lines. */
    log?: (line: string) => void;
}

export interface SeedResult {
    /** Rows per table after seeding. */
    rows: Record<string, number>;
    /** Seconds per step, and in all. */
    seconds: Record<string, number>;
}

/** A seeded identity: its pool and the username of its first device. */
export interface SeededIdentity {
    n: number;
    alias: string;
    kind: PoolKind;
    address: string;
    deviceId: string;
    username: string;
}

/** SQL: a pseudo-random id with the prefix, derived from a number (same number, same id). */
export function idSql(prefix: string, numberSql: string): string {
    return `('${prefix}' || substr(translate(encode(decode(md5('${prefix}' || (${numberSql})::text), 'hex'), 'base64'), '+/', 'xY'), 1, 17))`;
}

/** SQL: the main phrase of the address of identity number n (the address is it plus a 2-digit checksum). */
function addressSql(domain: string, numberSql: string): string {
    const main = `('did:e:${domain}:dids:' || substr(md5('bench-identity:' || (${numberSql})::text), 1, 20))`;
    return `(${main} || substr(encode(sha256(convert_to(${main}, 'UTF8')), 'hex'), 1, 2))`;
}

const deviceIdSql = (numberSql: string, k = "0") => idSql("DVC", `(${numberSql})::bigint * 10 + ${k}`);
const usernameSql = (numberSql: string, k = "0") => idSql("USR", `(${numberSql})::bigint * 10 + ${k}`);
const isoSql = (ts: string) => `to_char((${ts}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
/** SQL: a number in [0, modulo) from a text, stable. */
const hashSql = (text: string, modulo: number) => `(abs(hashtext(${text})::bigint) % ${modulo})`;

function assertDomain(domain: string): void {
    if (!/^(?:[a-z0-9-]+\.)*[a-z]{2,}$/.test(domain)) throw new Error(`invalid DID domain '${domain}'`);
}

function identifier(value: string): string {
    if (!/^[A-Za-z0-9_]+$/.test(value)) throw new Error(`unexpected identifier '${value}'`);
    return value;
}

/**
 * Drops a table's indexes and unique/primary constraints (except those other tables' foreign keys depend on) and
 * returns the statements that build them again.
 */
async function dropIndexes(client: Client, table: string): Promise<string[]> {
    const constraints = await client.query<{ name: string; definition: string; index: string }>(
        `SELECT c.conname AS name, pg_get_constraintdef(c.oid) AS definition, c.conindid::regclass::text AS index
         FROM pg_constraint c
         WHERE c.conrelid = $1::regclass AND c.contype IN ('p', 'u')
           AND NOT EXISTS (SELECT 1 FROM pg_constraint f WHERE f.contype = 'f' AND f.conindid = c.conindid)`,
        [table]
    );
    const indexes = await client.query<{ name: string; definition: string }>(
        `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
         FROM pg_index i
         WHERE i.indrelid = $1::regclass AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`,
        [table]
    );
    const rebuild: string[] = [];
    for (const c of constraints.rows) {
        await client.query(`ALTER TABLE ${table} DROP CONSTRAINT "${c.name}"`);
        rebuild.push(`ALTER TABLE ${table} ADD CONSTRAINT "${c.name}" ${c.definition}`);
    }
    for (const index of indexes.rows) {
        await client.query(`DROP INDEX ${index.name}`);
        rebuild.push(index.definition);
    }
    return rebuild;
}

class Seeder {
    readonly seconds: Record<string, number> = {};

    constructor(
        private readonly set: Dataset,
        private readonly options: SeedOptions
    ) {}

    private log(line: string): void {
        this.options.log?.(line);
    }

    /** Runs the statements of one step, timed; with `tables`, their indexes are dropped first and built again after. */
    async step(client: Client, name: string, tables: string[], statements: Array<[string, unknown[]?]>): Promise<void> {
        const started = Date.now();
        const rebuild: string[] = [];
        for (const table of tables) rebuild.push(...(await dropIndexes(client, table)));
        for (const [sql, params] of statements) await client.query(sql, params);
        for (const statement of rebuild) await client.query(statement);
        this.seconds[name] = (Date.now() - started) / 1000;
        this.log(`  ${name}: ${this.seconds[name]!.toFixed(1)} s`);
    }

    /** A step of one statement that fills `table`. */
    async insertStep(client: Client, table: string, sql: string, params?: unknown[]): Promise<void> {
        await this.step(client, table, [table], [[sql, params]]);
    }

    async prepare(client: Client): Promise<void> {
        assertDomain(this.options.didDomain);
        const pools = this.set.pools;
        let start = 1;
        const values = pools.map((p) => {
            const row = `('${identifier(p.alias)}', '${p.kind}', ${start}, ${p.amount}, ${p.devices}, ${p.relationshipTemplates}, ${p.relationships}, ${p.messages}, ${p.datawalletModifications}, ${p.challenges}, ${p.tokens}, ${p.files})`;
            start += p.amount;
            return row;
        });
        await this.step(
            client,
            "identity list",
            [],
            [
                ["DROP TABLE IF EXISTS bench_seed_identities, bench_seed_contents, bench_seed_relationships"],
                [
                    `CREATE UNLOGGED TABLE bench_seed_identities AS
                 SELECT p.start + g AS n, p.alias, p.kind, p.devices, p.templates, p.relationships, p.messages, p.dwm,
                        p.challenges, p.tokens, p.files,
                        ${addressSql(this.options.didDomain, "p.start + g")} AS address,
                        ${deviceIdSql("p.start + g")} AS device_id,
                        now() - interval '400 days' + (p.start + g) * interval '1 second' AS created_at
                 FROM (VALUES ${values.join(", ")})
                      AS p(alias, kind, start, amount, devices, templates, relationships, messages, dwm, challenges, tokens, files)
                 CROSS JOIN LATERAL generate_series(0, p.amount - 1) AS g`
                ],
                ["ALTER TABLE bench_seed_identities ADD PRIMARY KEY (n)"],
                ["CREATE INDEX ON bench_seed_identities (address)"],
                ["CREATE UNLOGGED TABLE bench_seed_contents (kind text, i int, b bytea, PRIMARY KEY (kind, i))"]
            ]
        );
        for (const [kind, size] of Object.entries(CONTENT_SIZES)) {
            const params: unknown[] = [];
            const rows: string[] = [];
            for (let i = 0; i < VARIANTS; i++) {
                params.push(randomBytes(size));
                rows.push(`('${kind}', ${i}, $${params.length})`);
            }
            await client.query(`INSERT INTO bench_seed_contents (kind, i, b) VALUES ${rows.join(", ")}`, params);
        }
        await client.query("ANALYZE bench_seed_identities");
        await client.query("ANALYZE bench_seed_contents");
    }

    /** Identities, devices, datawallets and their modifications, challenges, tokens, files. */
    async identityOwned(client: Client, passwordHash: string): Promise<void> {
        const content = (alias: string, kind: string, numberSql: string) =>
            `JOIN bench_seed_contents ${alias} ON ${alias}.kind = '${kind}' AND ${alias}.i = ((${numberSql}) % ${VARIANTS})::int`;
        await this.insertStep(
            client,
            "identities",
            `INSERT INTO identities (address, client_id, public_key, identity_version, tier_id, status, deletion_grace_period_ends_at, created_at)
                 SELECT address, $1,
                        convert_to('{"pub":"' || rtrim(translate(encode(sha256(convert_to('bench-key:' || n, 'UTF8')), 'base64'), '+/', '-_'), '=') || '","alg":3}', 'UTF8'),
                        1, NULL, 'Active', NULL, created_at
                 FROM bench_seed_identities`,
            [this.options.clientId]
        );
        await this.insertStep(
            client,
            "devices",
            `INSERT INTO devices (id, identity_address, username, password_hash, created_at, created_by_device, last_login_at,
                                      communication_language, is_backup_device, failed_login_count, lockout_ends_at)
                 SELECT ${deviceIdSql("i.n", "k")}, i.address, ${usernameSql("i.n", "k")}, $1, i.created_at + k * interval '1 day',
                        i.device_id, NULL, 'en', false, 0, NULL
                 FROM bench_seed_identities i CROSS JOIN LATERAL generate_series(0, i.devices - 1) AS k`,
            [passwordHash]
        );
        await this.insertStep(
            client,
            "datawallets",
            `INSERT INTO datawallets (owner, version, next_index, created_at)
                 SELECT address, 1, dwm, created_at FROM bench_seed_identities`
        );
        const collections = `(ARRAY['Attributes', 'Messages', 'Relationships', 'RelationshipTemplates', 'Tokens'])`;
        const prefixes = `(ARRAY['ATT', 'MSG', 'REL', 'RLT', 'TOK'])`;
        await this.step(
            client,
            "datawallet modifications",
            ["datawallet_modifications"],
            [
                [
                    `INSERT INTO datawallet_modifications (id, owner, index, type, object_identifier, collection, payload_category,
                                                       encrypted_payload, datawallet_version, created_at, created_by_device)
                 SELECT ${idSql("DWM", "i.n::bigint * 100000 + g")}, i.address, g,
                        CASE WHEN g % 10 < 7 THEN 'Create' WHEN g % 10 < 9 THEN 'Update' ELSE 'Delete' END,
                        ${prefixes}[g % 5 + 1] || substr(md5(i.n || ':' || (g / 3)), 1, 17),
                        ${collections}[g % 5 + 1],
                        CASE WHEN g % 10 = 9 THEN NULL WHEN g % 2 = 0 THEN 'Content' ELSE 'Metadata' END,
                        CASE WHEN g % 10 = 9 THEN NULL ELSE c.b END,
                        1, i.created_at + g * interval '1 minute', i.device_id
                 FROM bench_seed_identities i
                 CROSS JOIN LATERAL generate_series(0, i.dwm - 1) AS g
                 ${content("c", "dwm", "i.n * 7 + g")}
                 ORDER BY i.address, g`
                ]
            ]
        );
        await this.insertStep(
            client,
            "challenges",
            `INSERT INTO challenges (id, expires_at, created_by, created_by_device)
                 SELECT ${idSql("CHL", "i.n::bigint * 1000 + g")}, now() + (g % 10 + 1) * interval '1 minute', i.address, i.device_id
                 FROM bench_seed_identities i CROSS JOIN LATERAL generate_series(0, i.challenges - 1) AS g`
        );
        await this.insertStep(
            client,
            "tokens",
            `INSERT INTO tokens (id, created_by, created_by_device, for_identity, created_at, expires_at, content, password_hash,
                                     failed_password_attempts)
                 SELECT ${idSql("TOK", "i.n::bigint * 1000 + g")}, i.address, i.device_id, NULL,
                        now() - (g % 300) * interval '1 day', now() + (g % 300 + 30) * interval '1 day', c.b, NULL, 0
                 FROM bench_seed_identities i
                 CROSS JOIN LATERAL generate_series(0, i.tokens - 1) AS g
                 ${content("c", "token", "i.n * 3 + g")}`
        );
        await this.insertStep(
            client,
            "files",
            `INSERT INTO files (id, created_at, created_by, created_by_device, modified_at, modified_by, modified_by_device, owner,
                                    owner_signature, ownership_token_hash, ownership_is_locked, last_ownership_claim_at, cipher_size,
                                    cipher_hash, expires_at, encrypted_properties)
                 SELECT ${idSql("FIL", "i.n::bigint * 1000 + g")}, now() - (g % 200) * interval '1 day', i.address, i.device_id,
                        now() - (g % 200) * interval '1 day', i.address, i.device_id, i.address, s.b, substr(h.b, 1, 32), false, NULL,
                        CASE WHEN row_number() OVER (ORDER BY i.n, g) <= $1 THEN ${FILE_CONTENT_BYTES} ELSE 10000 + (i.n * 37 + g) % 2000000 END,
                        h.b, now() + (g % 300 + 30) * interval '1 day', p.b
                 FROM bench_seed_identities i
                 CROSS JOIN LATERAL generate_series(0, i.files - 1) AS g
                 ${content("s", "signature", "i.n + g")}
                 ${content("h", "hash", "i.n * 5 + g")}
                 ${content("p", "fileProperties", "i.n * 3 + g")}`,
            [this.set.filesWithContent]
        );
    }

    /** Templates, relationships, allocations, messages and recipients, external events, sync runs, counters. */
    async relationshipsAndMessages(client: Client): Promise<void> {
        const content = (alias: string, kind: string, numberSql: string) =>
            `JOIN bench_seed_contents ${alias} ON ${alias}.kind = '${kind}' AND ${alias}.i = ((${numberSql}) % ${VARIANTS})::int`;
        const templateId = (numberSql: string, t: string) => idSql("RLT", `(${numberSql})::bigint * 100000 + ${t}`);
        await this.step(
            client,
            "relationship templates",
            ["relationship_templates"],
            [
                [
                    `INSERT INTO relationship_templates (id, created_by, created_by_device, max_number_of_allocations, expires_at, content,
                                                     created_at, for_identity, password)
                 SELECT ${templateId("i.n", "g")}, i.address, i.device_id, CASE WHEN g % 4 = 0 THEN 1 ELSE NULL END,
                        now() + (g % 365 + 30) * interval '1 day', c.b, now() - (g % 365) * interval '1 day' - interval '1 day', NULL, NULL
                 FROM bench_seed_identities i
                 CROSS JOIN LATERAL generate_series(0, i.templates - 1) AS g
                 ${content("c", "template", "i.n * 11 + g")}
                 WHERE i.kind = 'connector'`
                ]
            ]
        );
        // Relationship slots: every app's slots in turn meet the connectors' slots taken round by round, so that an
        // app's relationships go to different connectors.
        const status = hashSql("'status:' || k", 100);
        await this.step(
            client,
            "relationship list",
            [],
            [
                [
                    `CREATE UNLOGGED TABLE bench_seed_relationships AS
                 WITH app_slots AS (
                     SELECT i.n AS app, row_number() OVER (ORDER BY i.n, s) - 1 AS k
                     FROM bench_seed_identities i CROSS JOIN LATERAL generate_series(1, i.relationships) AS s
                     WHERE i.kind = 'app'),
                 connector_slots AS (
                     SELECT i.n AS connector, s AS slot, row_number() OVER (ORDER BY s, i.n) - 1 AS k
                     FROM bench_seed_identities i CROSS JOIN LATERAL generate_series(0, i.relationships - 1) AS s
                     WHERE i.kind = 'connector'),
                 pairs AS (
                     SELECT DISTINCT ON (a.app, c.connector) a.app, c.connector, c.slot, a.k
                     FROM app_slots a JOIN connector_slots c USING (k)
                     ORDER BY a.app, c.connector, a.k)
                 SELECT p.k, ${idSql("REL", "p.k")} AS id, a.n AS app_n, a.address AS app, a.device_id AS app_device,
                        a.messages::float / greatest(a.relationships, 1) AS weight,
                        c.n AS connector_n, c.address AS connector, c.device_id AS connector_device,
                        CASE WHEN c.templates > 0 THEN ${templateId("c.n", "(p.slot % c.templates)")} END AS template_id,
                        CASE WHEN ${status} < 4 THEN 'Pending' WHEN ${status} < 7 THEN 'Rejected' WHEN ${status} < 9 THEN 'Revoked'
                             WHEN ${status} < 12 THEN 'Terminated' WHEN ${status} < 14 THEN 'DeletionProposed' ELSE 'Active' END AS status,
                        now() - interval '300 days' + (p.k % 250) * interval '1 day' + (p.k % 86400) * interval '1 second' AS created_at
                 FROM pairs p
                 JOIN bench_seed_identities a ON a.n = p.app
                 JOIN bench_seed_identities c ON c.n = p.connector`
                ],
                ["ALTER TABLE bench_seed_relationships ADD PRIMARY KEY (k)"],
                ["ANALYZE bench_seed_relationships"]
            ]
        );
        const entry = (n: number, by: string, device: string, reason: string, from: string, to: string, at: string) =>
            `jsonb_build_object('id', ${idSql("RAL", `r.k * 10 + ${n}`)}, 'createdAt', ${isoSql(at)}, 'createdBy', ${by},
                 'createdByDevice', ${device}, 'reason', '${reason}', 'oldStatus', ${from === "null" ? "NULL" : `'${from}'`}, 'newStatus', '${to}')`;
        const created = entry(0, "r.app", "r.app_device", "Creation", "null", "Pending", "r.created_at");
        const accepted = entry(
            1,
            "r.connector",
            "r.connector_device",
            "AcceptanceOfCreation",
            "Pending",
            "Active",
            "r.created_at + interval '1 hour'"
        );
        const terminated = entry(
            2,
            "r.connector",
            "r.connector_device",
            "Termination",
            "Active",
            "Terminated",
            "r.created_at + interval '30 days'"
        );
        await this.step(
            client,
            "relationships",
            ["relationships", "relationship_template_allocations"],
            [
                [
                    `INSERT INTO relationships (id, relationship_template_id, from_address, to_address, pair, created_at, status, creation_content,
                                            creation_response_content, from_has_decomposed, to_has_decomposed, audit_log, has_deleted_participant)
                 SELECT r.id, r.template_id, r.app, r.connector,
                        CASE WHEN r.app < r.connector THEN r.app || '|' || r.connector ELSE r.connector || '|' || r.app END,
                        r.created_at, r.status, cc.b, CASE WHEN r.status IN ('Pending', 'Rejected', 'Revoked') THEN NULL ELSE rc.b END,
                        false, r.status = 'DeletionProposed',
                        CASE r.status
                            WHEN 'Pending' THEN jsonb_build_array(${created})
                            WHEN 'Rejected' THEN jsonb_build_array(${created}, ${entry(1, "r.connector", "r.connector_device", "RejectionOfCreation", "Pending", "Rejected", "r.created_at + interval '1 hour'")})
                            WHEN 'Revoked' THEN jsonb_build_array(${created}, ${entry(1, "r.app", "r.app_device", "RevocationOfCreation", "Pending", "Revoked", "r.created_at + interval '1 hour'")})
                            WHEN 'Active' THEN jsonb_build_array(${created}, ${accepted})
                            WHEN 'Terminated' THEN jsonb_build_array(${created}, ${accepted}, ${terminated})
                            ELSE jsonb_build_array(${created}, ${accepted}, ${terminated}, ${entry(3, "r.connector", "r.connector_device", "Decomposition", "Terminated", "DeletionProposed", "r.created_at + interval '31 days'")})
                        END,
                        false
                 FROM bench_seed_relationships r
                 ${content("cc", "creation", "r.k")}
                 ${content("rc", "response", "r.k * 3")}`
                ],
                [
                    `INSERT INTO relationship_template_allocations (relationship_template_id, allocated_by, allocated_by_device, allocated_at)
                 SELECT template_id, app, app_device, created_at - interval '1 minute' FROM bench_seed_relationships WHERE template_id IS NOT NULL`
                ]
            ]
        );

        // Messages per relationship that was active: the app's weight, scaled so that they add up to the dataset's count.
        const messaging = `r.status IN ('Active', 'Terminated', 'DeletionProposed')`;
        const total = await client.query<{ w: number | null }>(
            `SELECT sum(weight) AS w FROM bench_seed_relationships r WHERE ${messaging}`
        );
        const factor = total.rows[0]!.w ? this.set.messages / Number(total.rows[0]!.w) : 0;
        const perRelationship = `floor(r.weight * ${factor} + ${hashSql("'count:' || r.k", 1000)} / 1000.0)::int`;
        const fromConnector = `${hashSql("'sender:' || r.k || ':' || j", 1000)} < ${Math.round(this.set.sentByConnector * 1000)}`;
        const generated = `FROM bench_seed_relationships r
                 CROSS JOIN LATERAL generate_series(0, ${perRelationship} - 1) AS j
                 CROSS JOIN LATERAL (SELECT r.created_at + interval '2 hours'
                     + (least(now(), r.created_at + interval '29 days') - r.created_at - interval '2 hours') * (j + 1) / (${perRelationship} + 1) AS at) t
                 WHERE ${messaging}`;
        const messageId = idSql("MSG", "r.k * 100000 + j");
        await this.step(
            client,
            "messages",
            ["messages", "message_recipients"],
            [
                [
                    `INSERT INTO messages (id, created_at, created_by, created_by_device, body, attachments)
                 SELECT ${messageId}, t.at, CASE WHEN ${fromConnector} THEN r.connector ELSE r.app END,
                        CASE WHEN ${fromConnector} THEN r.connector_device ELSE r.app_device END, b.b, '[]'::jsonb
                 ${generated.replace("WHERE", `${content("b", "message", "r.k * 7 + j")} WHERE`)}`
                ],
                [
                    `INSERT INTO message_recipients (message_id, position, address, encrypted_key, relationship_id, received_at, received_by_device,
                                                 is_relationship_decomposed_by_sender, is_relationship_decomposed_by_recipient)
                 SELECT ${messageId}, 0, CASE WHEN ${fromConnector} THEN r.app ELSE r.connector END, key.b, r.id,
                        CASE WHEN ${hashSql("'received:' || r.k || ':' || j", 10)} < 9 THEN t.at + interval '1 hour' END,
                        CASE WHEN ${hashSql("'received:' || r.k || ':' || j", 10)} < 9 THEN
                            CASE WHEN ${fromConnector} THEN r.app_device ELSE r.connector_device END END,
                        r.status = 'DeletionProposed' AND ${fromConnector}, r.status = 'DeletionProposed' AND NOT ${fromConnector}
                 ${generated.replace("WHERE", `${content("key", "key", "r.k * 5 + j")} WHERE`)}`
                ]
            ]
        );

        await this.step(
            client,
            "external events",
            ["external_events", "sync_runs", "external_event_counters"],
            [
                [
                    `CREATE TEMP TABLE bench_seed_events AS
                 WITH events AS (
                     SELECT mr.address AS owner, 'MessageReceived' AS type, jsonb_build_object('id', m.id) AS payload,
                            m.created_at, mr.relationship_id AS context, m.id AS tiebreak
                     FROM message_recipients mr JOIN messages m ON m.id = mr.message_id
                     UNION ALL
                     SELECT r.connector, 'RelationshipStatusChanged', jsonb_build_object('relationshipId', r.id), r.created_at, NULL, r.id
                     FROM bench_seed_relationships r
                     UNION ALL
                     SELECT r.app, 'RelationshipStatusChanged', jsonb_build_object('relationshipId', r.id), r.created_at + interval '1 hour', NULL, r.id || '+'
                     FROM bench_seed_relationships r WHERE r.status <> 'Pending')
                 SELECT e.*, i.n AS owner_n, i.kind AS owner_kind, i.device_id AS owner_device,
                        row_number() OVER (PARTITION BY e.owner ORDER BY e.created_at, e.tiebreak) - 1 AS index,
                        count(*) OVER (PARTITION BY e.owner) AS total
                 FROM events e JOIN bench_seed_identities i ON i.address = e.owner`
                ],
                [
                    `INSERT INTO external_events (id, owner, index, type, payload, created_at, context, is_delivery_blocked, sync_run_id, sync_error_count)
                 SELECT ${idSql("SYI", "e.owner_n::bigint * 10000000 + e.index")}, e.owner, e.index, e.type, e.payload, e.created_at, e.context, false,
                        CASE WHEN e.owner_kind = 'connector' AND e.index >= e.total - ${CONNECTOR_BACKLOG} THEN NULL ELSE ${idSql("SYR", "e.owner_n")} END,
                        0
                 FROM bench_seed_events e ORDER BY e.owner, e.index`
                ],
                [
                    `INSERT INTO sync_runs (id, type, index, created_by, created_by_device, created_at, expires_at, finalized_at, event_count)
                 SELECT ${idSql("SYR", "e.owner_n")}, 'ExternalEventSync', 0, e.owner, min(e.owner_device), max(e.created_at) + interval '1 minute',
                        max(e.created_at) + interval '11 minutes', max(e.created_at) + interval '70 seconds', count(*)
                 FROM bench_seed_events e
                 WHERE NOT (e.owner_kind = 'connector' AND e.index >= e.total - ${CONNECTOR_BACKLOG})
                 GROUP BY e.owner, e.owner_n`
                ],
                [`INSERT INTO external_event_counters (owner, next_index) SELECT owner, count(*) FROM bench_seed_events GROUP BY owner`],
                ["DROP TABLE bench_seed_events"]
            ]
        );
    }

    async finish(client: Client): Promise<Record<string, number>> {
        await this.step(
            client,
            "analyze",
            [],
            [["DROP TABLE bench_seed_identities, bench_seed_contents, bench_seed_relationships"], ["ANALYZE"]]
        );
        const tables = await client.query<{ table: string }>(
            `SELECT relname AS table FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace ORDER BY relname`
        );
        const rows: Record<string, number> = {};
        for (const { table } of tables.rows) {
            const result = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "${identifier(table)}"`);
            rows[table] = Number(result.rows[0]!.n);
        }
        return rows;
    }
}

async function connect(url: string): Promise<Client> {
    const client = new Client({ connectionString: url });
    await client.connect();
    // Bulk loading: no need to wait for the WAL flush of every statement; room to sort and build indexes.
    await client.query("SET synchronous_commit = off");
    await client.query("SET maintenance_work_mem = '256MB'");
    await client.query("SET work_mem = '64MB'");
    return client;
}

/** Seeds `set` into the (migrated, empty) database at `url`. */
export async function seedDatabase(url: string, set: Dataset, options: SeedOptions): Promise<SeedResult> {
    const started = Date.now();
    const seeder = new Seeder(set, options);
    const passwordHash = await hashPassword(SEED_PASSWORD);
    const first = await connect(url);
    const second = await connect(url);
    try {
        const existing = await first.query<{ n: string }>("SELECT count(*) AS n FROM identities");
        if (Number(existing.rows[0]!.n) > 0) throw new Error("the database already holds identities: seed a fresh one");
        await seeder.prepare(first);
        await Promise.all([seeder.identityOwned(first, passwordHash), seeder.relationshipsAndMessages(second)]);
        const rows = await seeder.finish(first);
        if (options.blobDir && set.filesWithContent > 0) {
            mkdirSync(options.blobDir, { recursive: true });
            const files = await first.query<{ id: string }>(`SELECT id FROM files WHERE cipher_size = $1 ORDER BY id LIMIT $2`, [
                FILE_CONTENT_BYTES,
                set.filesWithContent
            ]);
            for (const { id } of files.rows) writeFileSync(join(options.blobDir, id), randomBytes(FILE_CONTENT_BYTES));
        }
        seeder.seconds.total = (Date.now() - started) / 1000;
        return { rows, seconds: seeder.seconds };
    } finally {
        await first.end();
        await second.end();
    }
}

/** The tables that grow with the scenarios, children first: each statement deletes what was written since $1. */
const SCENARIO_WRITES: Array<[table: string, sql: string]> = [
    ["message_recipients", "DELETE FROM message_recipients WHERE message_id IN (SELECT id FROM messages WHERE created_at > $1)"],
    ["messages", "DELETE FROM messages WHERE created_at > $1"],
    ["external_events", "DELETE FROM external_events WHERE created_at > $1"],
    ["datawallet_modifications", "DELETE FROM datawallet_modifications WHERE created_at > $1"],
    ["tokens", "DELETE FROM tokens WHERE created_at > $1"],
    ["relationships", "DELETE FROM relationships WHERE created_at > $1"],
    [
        "relationship_template_allocations",
        "DELETE FROM relationship_template_allocations WHERE relationship_template_id IN (SELECT id FROM relationship_templates WHERE created_at > $1)"
    ],
    ["relationship_templates", "DELETE FROM relationship_templates WHERE created_at > $1"]
];

/**
 * Deletes what scenarios wrote since `since` to the tables that grow with them (messages with their recipients,
 * external events, datawallet modifications, tokens, relationships and templates), so that the next scenario meets
 * the dataset as seeded: what it reads would otherwise depend on which scenarios ran before and how fast the server
 * let them write. Vacuums and analyses the tables that lost rows. Answers how many rows went.
 */
export async function removeScenarioWrites(client: Client, since: Date): Promise<number> {
    const changed: string[] = [];
    let removed = 0;
    for (const [table, sql] of SCENARIO_WRITES) {
        const count = (await client.query(sql, [since])).rowCount ?? 0;
        if (count > 0) changed.push(table);
        removed += count;
    }
    if (changed.length > 0) await client.query(`VACUUM (ANALYZE) ${changed.join(", ")}`);
    return removed;
}

/** Identities of a pool (by alias), in order, with the username of their first device. */
export async function seededIdentities(client: Client, set: Dataset, alias: string, limit: number): Promise<SeededIdentity[]> {
    let start = 1;
    for (const pool of set.pools) {
        if (pool.alias === alias) {
            const count = Math.min(limit, pool.amount);
            const result = await client.query<{ n: number; address: string; device_id: string; username: string }>(
                `SELECT n, ${addressSql(await didDomainOf(client), "n")} AS address, ${deviceIdSql("n")} AS device_id, ${usernameSql("n")} AS username
                 FROM generate_series($1::int, $2::int) AS n`,
                [start, start + count - 1]
            );
            return result.rows.map((r) => ({
                n: r.n,
                alias,
                kind: pool.kind,
                address: r.address,
                deviceId: r.device_id,
                username: r.username
            }));
        }
        start += pool.amount;
    }
    throw new Error(`no pool '${alias}' in dataset ${set.name}`);
}

/** The DID domain the seeded addresses were made with (read back from the first identity). */
async function didDomainOf(client: Client): Promise<string> {
    const result = await client.query<{ address: string }>("SELECT address FROM identities ORDER BY created_at LIMIT 1");
    const match = /^did:e:(.+):dids:/.exec(result.rows[0]?.address ?? "");
    if (!match) throw new Error("the database holds no seeded identity");
    assertDomain(match[1]!);
    return match[1]!;
}
