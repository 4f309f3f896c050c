import { DataSource } from "typeorm";

import { anonymizedAddress } from "../../src/core/crypto/identity-address";
import { DomainEvents } from "../../src/core/events/domain-events";
import { IdentityDeleted } from "../../src/modules/identities/identities.events";
import { IdentityDeletionService } from "../../src/modules/identities/identity-deletion.service";
import { pairKey } from "../../src/modules/relationships/relationship.entity";
import { aStartedDeletionProcess, deletedIdentities } from "../factories/identities";
import {
    anActiveRelationship,
    type Body,
    createTemplate,
    establishRelationship,
    eventsOf,
    loadTemplate,
    put,
    requestFromTemplate,
    requestRelationship
} from "../factories/relationships";
import { createIdentity, type TestIdentity } from "../support/identities";
import { untilWaitingForLocks, withHolder } from "../support/races";
import { useTestApp } from "../support/test-app";

const KEY = Buffer.alloc(40, 7).toString("base64url");
const BODY = Buffer.from("encrypted message body").toString("base64url");
const DAY_MS = 86_400_000;

describe("identity deletion: relationships, templates and messages", () => {
    const t = useTestApp();
    let anonymous: string;
    beforeAll(async () => {
        anonymous = anonymizedAddress(t.config.DID_DOMAIN);
    });
    afterEach(() => t.clock.set(new Date()));

    async function cancelDeletion(identity: TestIdentity, id: string): Promise<void> {
        await t.http.put(`/api/v2/Identities/Self/DeletionProcesses/${id}/Cancel`).set("authorization", identity.auth).send({}).expect(200);
    }

    async function relationship(id: string): Promise<Body> {
        const rows = await t.app
            .get(DataSource)
            .query(
                "SELECT from_address, to_address, status, audit_log, pair, has_deleted_participant, relationship_template_id FROM relationships WHERE id = $1",
                [id]
            );
        return rows[0];
    }

    async function send(from: TestIdentity, to: TestIdentity[]): Promise<string> {
        const response = await t.http
            .post("/api/v2/Messages")
            .set("authorization", from.auth)
            .send({ recipients: to.map((r) => ({ address: r.address, encryptedKey: KEY })), body: BODY, attachments: [] })
            .expect(201);
        return response.body.result.id;
    }

    async function terminated(from: TestIdentity, to: TestIdentity): Promise<string> {
        const id = await establishRelationship(t, from, to);
        await put(t, from, `${id}/Terminate`, 200);
        return id;
    }

    it("tells the peers of Pending, Active and Terminated relationships that the identity will be deleted, and that it cancelled", async () => {
        const [leaving, active, pending, ended, rejected] = await Promise.all([
            createIdentity(t),
            createIdentity(t),
            createIdentity(t),
            createIdentity(t),
            createIdentity(t)
        ]);
        const activeId = await establishRelationship(t, active, leaving);
        const pendingId = await requestRelationship(t, leaving, pending);
        const endedId = await terminated(ended, leaving);
        const rejectedId = await requestRelationship(t, rejected, leaving);
        await put(t, leaving, `${rejectedId}/Reject`, 200);
        const before = await Promise.all([active, pending, ended, rejected].map(async (p) => (await eventsOf(t, p.address)).length));

        const process = await aStartedDeletionProcess(t, leaving, 5);
        const deletionDate = new Date(t.clock.now().getTime() + 5 * DAY_MS).toISOString();
        const peers: Array<[TestIdentity, string]> = [
            [active, activeId],
            [pending, pendingId],
            [ended, endedId]
        ];
        for (const [index, [peer, relationshipId]] of peers.entries()) {
            const events = (await eventsOf(t, peer.address)).slice(before[index]);
            expect(events).toEqual([
                {
                    owner: peer.address,
                    type: "PeerToBeDeleted",
                    payload: { relationshipId, deletionDate },
                    context: null,
                    isDeliveryBlocked: false
                }
            ]);
        }
        expect((await eventsOf(t, rejected.address)).length).toBe(before[3]);
        expect((await eventsOf(t, leaving.address)).some((e) => e.type.startsWith("Peer"))).toBe(false);

        await cancelDeletion(leaving, process.id);
        for (const [index, [peer, relationshipId]] of peers.entries()) {
            const events = (await eventsOf(t, peer.address)).slice(before[index] + 1);
            expect(events.map((e) => [e.type, e.payload])).toEqual([["PeerDeletionCancelled", { relationshipId }]]);
        }
        expect((await eventsOf(t, rejected.address)).length).toBe(before[3]);
    });

    it("on deletion: PeerDeleted, then the relationship is DeletionProposed with the anonymised address everywhere", async () => {
        const { from: leaving, to: peer, id } = await anActiveRelationship(t);
        const before = (await eventsOf(t, peer.address)).length;
        await aStartedDeletionProcess(t, leaving, 0);
        t.clock.advance(1000);
        const deletedAt = t.clock.now().toISOString();
        expect(await t.app.get(IdentityDeletionService).deleteDueIdentities()).toBe(1);

        const events = (await eventsOf(t, peer.address)).slice(before + 1);
        expect(events.map((e) => [e.type, e.payload])).toEqual([
            ["PeerDeleted", { relationshipId: id, deletionDate: deletedAt }],
            ["RelationshipStatusChanged", { relationshipId: id }]
        ]);
        const seen = (await t.http.get(`/api/v2/Relationships/${id}`).set("authorization", peer.auth).expect(200)).body.result;
        expect(seen).toMatchObject({ from: anonymous, to: peer.address, status: "DeletionProposed" });
        expect(JSON.stringify(seen)).not.toContain(leaving.address);
        expect(seen.auditLog.at(-1)).toMatchObject({
            createdBy: anonymous,
            createdByDevice: null,
            reason: "DecompositionDueToIdentityDeletion",
            oldStatus: "Active",
            newStatus: "DeletionProposed"
        });
        expect(seen.auditLog[0]).toMatchObject({ createdBy: anonymous, reason: "Creation" });
        expect(seen.auditLog[1]).toMatchObject({ createdBy: peer.address, reason: "AcceptanceOfCreation" });

        // The peer finishes the decomposition; nobody is told any more.
        const afterDeletion = (await eventsOf(t, peer.address)).length;
        const decomposed = await put(t, peer, `${id}/Decompose`, 200);
        expect(decomposed.result.status).toBe("ReadyForDeletion");
        expect((await eventsOf(t, peer.address)).length).toBe(afterDeletion);
    });

    it("decomposes a relationship the peer had already decomposed to ReadyForDeletion, without an event", async () => {
        const [leaving, peer] = await Promise.all([createIdentity(t), createIdentity(t)]);
        const id = await terminated(peer, leaving);
        await put(t, peer, `${id}/Decompose`, 200);
        const before = (await eventsOf(t, peer.address)).length;
        expect(await deletedIdentities(t, leaving)).toBe(1);
        const row = await relationship(id);
        expect(row).toMatchObject({
            status: "ReadyForDeletion",
            from_address: peer.address,
            to_address: anonymous,
            has_deleted_participant: true
        });
        expect(row.audit_log.at(-1)).toMatchObject({
            reason: "DecompositionDueToIdentityDeletion",
            createdBy: anonymous,
            newStatus: "ReadyForDeletion"
        });
        expect((await eventsOf(t, peer.address)).slice(before).map((e) => e.type)).toEqual([]);
    });

    it("only anonymises a relationship the deleted identity had already decomposed itself", async () => {
        const [leaving, peer] = await Promise.all([createIdentity(t), createIdentity(t)]);
        const id = await terminated(peer, leaving);
        await put(t, leaving, `${id}/Decompose`, 200);
        expect(await deletedIdentities(t, leaving)).toBe(1);
        const row = await relationship(id);
        expect(row).toMatchObject({ status: "DeletionProposed", from_address: peer.address, to_address: anonymous });
        expect(row.audit_log.map((e: Body) => e.reason)).toEqual(["Creation", "AcceptanceOfCreation", "Termination", "Decomposition"]);
        expect(JSON.stringify(row.audit_log)).not.toContain(leaving.address);
    });

    it("two deleted identities sharing a peer, and an old rejected relationship of the same pair, violate no constraint", async () => {
        const [first, second, peer] = await Promise.all([createIdentity(t), createIdentity(t), createIdentity(t)]);
        const rejectedId = await requestRelationship(t, first, peer);
        await put(t, peer, `${rejectedId}/Reject`, 200);
        const firstId = await establishRelationship(t, first, peer);
        const secondId = await establishRelationship(t, peer, second);
        expect(await deletedIdentities(t, first, second)).toBe(2);
        for (const id of [rejectedId, firstId, secondId]) {
            const row = await relationship(id);
            expect(row.status).toBe("DeletionProposed");
            expect([row.from_address, row.to_address].sort()).toEqual([anonymous, peer.address].sort());
        }
        const db = t.app.get(DataSource);
        expect(await db.query("SELECT 1 FROM identities WHERE address = ANY($1)", [[first.address, second.address]])).toEqual([]);
        // The peer can still open new relationships with others.
        const other = await createIdentity(t);
        await establishRelationship(t, peer, other);
    });

    it("deletes the identity's templates, keeps relationships created from them, anonymises forIdentity and allocations", async () => {
        const [leaving, alsoLeaving, peer] = await Promise.all([createIdentity(t), createIdentity(t), createIdentity(t)]);
        const ownTemplate = await createTemplate(t, leaving);
        const created = await requestFromTemplate(t, peer, ownTemplate, 201);
        const personalised = await createTemplate(t, peer, { forIdentity: leaving.address });
        const allocated = await createTemplate(t, peer);
        // Both deleted identities allocated the same template: one anonymised allocation is left.
        for (const reader of [leaving, alsoLeaving]) {
            await t.http.get(`/api/v2/RelationshipTemplates/${allocated}`).set("authorization", reader.auth).expect(200);
        }
        expect(await deletedIdentities(t, leaving, alsoLeaving)).toBe(2);
        const db = t.app.get(DataSource);
        expect(await db.query("SELECT id FROM relationship_templates WHERE id = $1", [ownTemplate])).toEqual([]);
        expect((await relationship(created.body.result.id)).relationship_template_id).toBeNull();
        expect(await db.query("SELECT for_identity FROM relationship_templates WHERE id = $1", [personalised])).toEqual([
            { for_identity: anonymous }
        ]);
        expect(
            await db.query("SELECT allocated_by FROM relationship_template_allocations WHERE relationship_template_id = $1", [allocated])
        ).toEqual([{ allocated_by: anonymous }]);
        expect(
            await db.query("SELECT 1 FROM relationship_template_allocations WHERE allocated_by = ANY($1)", [
                [leaving.address, alsoLeaving.address]
            ])
        ).toEqual([]);
    });

    it("anonymises the deleted identity in messages at once; the peer's decomposition then removes them", async () => {
        const [leaving, peer, third] = await Promise.all([createIdentity(t), createIdentity(t), createIdentity(t)]);
        const id = await establishRelationship(t, leaving, peer);
        await establishRelationship(t, peer, third);
        const fromLeaving = await send(leaving, [peer]);
        const toLeaving = await send(peer, [leaving]);
        const toBoth = await send(peer, [leaving, third]);
        expect(await deletedIdentities(t, leaving)).toBe(1);

        const received = (await t.http.get(`/api/v2/Messages/${fromLeaving}`).set("authorization", peer.auth).expect(200)).body.result;
        expect(received.createdBy).toBe(anonymous);
        const sent = (await t.http.get(`/api/v2/Messages/${toLeaving}`).set("authorization", peer.auth).expect(200)).body.result;
        expect(sent.recipients.map((r: Body) => r.address)).toEqual([anonymous]);
        const shared = (await t.http.get(`/api/v2/Messages/${toBoth}`).set("authorization", peer.auth).expect(200)).body.result;
        expect(shared.recipients.map((r: Body) => r.address)).toEqual([anonymous, third.address]);
        const db = t.app.get(DataSource);
        expect(await db.query("SELECT 1 FROM messages WHERE created_by = $1", [leaving.address])).toEqual([]);
        expect(await db.query("SELECT 1 FROM message_recipients WHERE address = $1", [leaving.address])).toEqual([]);

        await put(t, peer, `${id}/Decompose`, 200);
        expect(await db.query("SELECT id FROM messages WHERE id = ANY($1) ORDER BY id", [[fromLeaving, toLeaving, toBoth]])).toEqual([
            { id: toBoth }
        ]);
        // The third recipient still has the message with the peer as its sender.
        const kept = (await t.http.get(`/api/v2/Messages/${toBoth}`).set("authorization", third.auth).expect(200)).body.result;
        expect(kept.createdBy).toBe(peer.address);
    });

    it("holds back a message to a recipient with an active deletion process until it cancels", async () => {
        const [leaving, sender] = await Promise.all([createIdentity(t), createIdentity(t)]);
        await establishRelationship(t, sender, leaving);
        const process = await aStartedDeletionProcess(t, leaving, 5);
        const messageId = await send(sender, [leaving]);
        const received = () =>
            eventsOf(t, leaving.address).then((events) => events.filter((e) => e.type === "MessageReceived" && e.payload.id === messageId));
        expect((await received()).map((e) => e.isDeliveryBlocked)).toEqual([true]);
        await cancelDeletion(leaving, process.id);
        expect((await received()).map((e) => e.isDeliveryBlocked)).toEqual([false]);
    });

    it("keeps a message held back for a Terminated relationship when the recipient cancels its deletion", async () => {
        const [leaving, sender] = await Promise.all([createIdentity(t), createIdentity(t)]);
        await terminated(sender, leaving);
        const process = await aStartedDeletionProcess(t, leaving, 5);
        const messageId = await send(sender, [leaving]);
        await cancelDeletion(leaving, process.id);
        const events = (await eventsOf(t, leaving.address)).filter((e) => e.type === "MessageReceived" && e.payload.id === messageId);
        expect(events.map((e) => e.isDeliveryBlocked)).toEqual([true]);
    });

    it("rolls the whole deletion back when a subscriber fails", async () => {
        const { from: leaving, to: peer, id } = await anActiveRelationship(t);
        const template = await createTemplate(t, leaving);
        let failing = true;
        t.app.get(DomainEvents).subscribe(IdentityDeleted, async (_manager, event) => {
            if (failing && event.address === leaving.address) throw new Error("unavailable");
        });
        const before = (await eventsOf(t, peer.address)).length;
        expect(await deletedIdentities(t, leaving)).toBe(0);
        expect(await relationship(id)).toMatchObject({ status: "Active", from_address: leaving.address, has_deleted_participant: false });
        expect((await eventsOf(t, peer.address)).slice(before).map((e) => e.type)).toEqual(["PeerToBeDeleted"]);
        const db = t.app.get(DataSource);
        expect(await db.query("SELECT id FROM relationship_templates WHERE id = $1", [template])).toEqual([{ id: template }]);
        failing = false;
        expect(await t.app.get(IdentityDeletionService).deleteDueIdentities()).toBe(1);
        expect((await eventsOf(t, peer.address)).slice(before).map((e) => e.type)).toEqual([
            "PeerToBeDeleted",
            "PeerDeleted",
            "RelationshipStatusChanged"
        ]);
        expect(await relationship(id)).toMatchObject({ status: "DeletionProposed", from_address: anonymous });
    });

    it("tells the requester of a relationship asked for while its peer starts a deletion, or refuses the request", async () => {
        const creator = await createIdentity(t);
        const requester = await createIdentity(t);
        const templateId = await createTemplate(t, creator);
        await loadTemplate(t, requester, templateId);
        await withHolder(t, async (holder) => {
            // An open relationship of the pair, not yet committed: the request stops at it, after its checks.
            await holder.query(
                `INSERT INTO relationships (id, relationship_template_id, from_address, to_address, pair, created_at, status, audit_log)
                 VALUES ('RELheldbythetest0001', $1, $2, $3, $4, now(), 'Pending', '[]')`,
                [templateId, requester.address, creator.address, pairKey(requester.address, creator.address)]
            );
            const requested = t.http
                .post("/api/v2/Relationships")
                .set("authorization", requester.auth)
                .send({ relationshipTemplateId: templateId })
                .then((r) => r);
            await untilWaitingForLocks(t, 1);
            let started = false;
            const start = t.http
                .post("/api/v2/Identities/Self/DeletionProcesses")
                .set("authorization", creator.auth)
                .send({})
                .then((r) => ((started = true), r));
            await untilWaitingForLocks(t, 2, () => started);
            await holder.rollbackTransaction();
            const [relationship, deletion] = await Promise.all([requested, start]);
            expect(deletion.status).toBe(201);
            const told = (await eventsOf(t, requester.address))
                .filter((e) => e.type === "PeerToBeDeleted")
                .map((e) => e.payload.relationshipId);
            if (relationship.status === 201) expect(told).toEqual([relationship.body.result.id]);
            else expect([relationship.body.error.code, told]).toEqual(["error.platform.validation.relationship.peerIsToBeDeleted", []]);
        });
    });
});
