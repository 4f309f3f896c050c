import { Client } from "pg";
import { DataSource } from "typeorm";

import { identities } from "../factories/identities";
import { establishRelationship } from "../factories/relationships";
import type { TestIdentity } from "../support/identities";
import { useTestApp } from "../support/test-app";

const KEY = Buffer.alloc(40, 7).toString("base64url");
const BODY = Buffer.from("encrypted message body").toString("base64url");

/**
 * The send path under concurrency, on a real PostgreSQL: many senders sending at once to overlapping recipient sets
 * (listed in different orders) lock the recipients' rows in a fixed order, so no send fails or deadlocks, no
 * MessageReceived event is lost, and every identity's event indexes stay gap-free and unique.
 */
describe("sending messages concurrently", () => {
    const t = useTestApp();

    function send(sender: TestIdentity, recipients: TestIdentity[]) {
        return t.http
            .post("/api/v2/Messages")
            .set("authorization", sender.auth)
            .send({ recipients: recipients.map((r) => ({ address: r.address, encryptedKey: KEY })), body: BODY, attachments: [] });
    }

    it("delivers every message to overlapping recipients without an error, a lost event or a gap in the event indexes", async () => {
        const senders = await identities(t, 4);
        const recipients = await identities(t, 4);
        for (const sender of senders) for (const recipient of recipients) await establishRelationship(t, sender, recipient);
        const db = t.app.get(DataSource);
        const everyone = [...senders, ...recipients].map((i) => i.address);
        const before = new Map(
            (
                await db.query<Array<{ owner: string; n: string }>>(
                    "SELECT owner, count(*) AS n FROM external_events WHERE owner = ANY($1) GROUP BY owner",
                    [everyone]
                )
            ).map((row) => [row.owner, Number(row.n)])
        );

        // Every sender sends to every set of three recipients, forwards and backwards, all at once: 4 × 8 messages.
        const sends: Array<{ sender: TestIdentity; to: TestIdentity[] }> = [];
        for (const sender of senders) {
            for (let skip = 0; skip < recipients.length; skip++) {
                const to = recipients.filter((_, i) => i !== skip);
                sends.push({ sender, to }, { sender, to: [...to].reverse() });
            }
        }
        const responses = await Promise.all(sends.map(({ sender, to }) => send(sender, to)));
        expect(responses.map((r) => r.status)).toEqual(sends.map(() => 201));

        const sentTo = new Map<string, string[]>(recipients.map((r) => [r.address, []]));
        sends.forEach(({ to }, i) => {
            for (const recipient of to) sentTo.get(recipient.address)!.push(responses[i]!.body.result.id);
        });
        for (const recipient of recipients) {
            const received: Array<{ id: string }> = await db.query(
                "SELECT payload->>'id' AS id FROM external_events WHERE owner = $1 AND type = 'MessageReceived'",
                [recipient.address]
            );
            expect(received.map((r) => r.id).sort()).toEqual(sentTo.get(recipient.address)!.sort());
        }

        const indexes: Array<{ owner: string; indexes: string[]; next_index: string }> = await db.query(
            `SELECT e.owner, array_agg(e.index ORDER BY e.index) AS indexes, c.next_index
             FROM external_events e JOIN external_event_counters c ON c.owner = e.owner
             WHERE e.owner = ANY($1) GROUP BY e.owner, c.next_index`,
            [everyone]
        );
        for (const row of indexes) {
            const expected = Array.from({ length: row.indexes.length }, (_, i) => i);
            expect({ owner: row.owner, indexes: row.indexes.map(Number) }).toEqual({ owner: row.owner, indexes: expected });
            expect(Number(row.next_index)).toBe(row.indexes.length);
        }
        for (const recipient of recipients) {
            const row = indexes.find((r) => r.owner === recipient.address)!;
            expect(row.indexes.length).toBe((before.get(recipient.address) ?? 0) + sentTo.get(recipient.address)!.length);
        }
    }, 120_000);

    it("sends a message in one quota check and a transaction of eight statements whatever the number of recipients", async () => {
        const [sender, ...peers] = await identities(t, 4);
        for (const peer of peers) await establishRelationship(t, sender!, peer);
        const statements = async (to: TestIdentity[]): Promise<string[]> => {
            const sent: Array<{ client: Client; sql: string }> = [];
            const original = Client.prototype.query;
            Client.prototype.query = function (this: Client, ...args: unknown[]) {
                const first = args[0] as string | { text?: string };
                sent.push({ client: this, sql: typeof first === "string" ? first : (first.text ?? "") });
                return (original as (...a: unknown[]) => unknown).apply(this, args);
            } as typeof Client.prototype.query;
            try {
                await send(sender!, to).expect(201);
            } finally {
                Client.prototype.query = original;
            }
            // Work after a commit (the push to the recipients' devices) runs on its own connection, and may still be
            // running from the previous send: it is not part of the request.
            const request = sent.filter((s) => !/push_registrations/.test(s.sql));
            const start = request.findIndex((s) => s.sql === "START TRANSACTION");
            // Before the transaction, the quota check; then the transaction's statements, on its connection.
            expect(request.slice(0, start).map((s) => s.sql)).toEqual([expect.stringMatching(/individual_quotas/)]);
            const transaction = request.slice(start).filter((s) => s.client === request[start]!.client);
            return transaction.slice(0, transaction.findIndex((s) => s.sql === "COMMIT") + 1).map((s) => s.sql);
        };
        const one = await statements(peers.slice(0, 1));
        const three = await statements(peers);
        // One statement per concern whatever the number of recipients: the youngest relationships, the send locks, the
        // unreceived counts, the message with all its recipients, the recipients' statuses, all external events with
        // their counters and the announcement.
        expect(three).toHaveLength(one.length);
        expect(one).toHaveLength(8);
        expect(one.filter((sql) => /pg_notify/.test(sql))).toHaveLength(1);
        expect(one.filter((sql) => /external_event_counters/.test(sql))).toHaveLength(1);
        expect(three.filter((sql) => /INSERT INTO message_recipients/.test(sql))).toHaveLength(1);
        expect(three.filter((sql) => /FROM relationships/.test(sql))).toHaveLength(1);
        expect(three.filter((sql) => /FROM identities/.test(sql))).toHaveLength(1);
    });
});
