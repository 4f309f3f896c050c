import { DataSource } from "typeorm";

import { anonymizedAddress } from "../../src/core/crypto/identity-address";
import { anActiveRelationship, type Body, establishRelationship, eventsOf, put, requestRelationship } from "../factories/relationships";
import { expectError } from "../support/errors";
import { uploadFile } from "../support/files";
import { createIdentity, type TestIdentity } from "../support/identities";
import { useTestApp } from "../support/test-app";

const KEY = Buffer.alloc(40, 7).toString("base64url");
const BODY = Buffer.from("encrypted message body").toString("base64url");
const CODE = "error.platform.validation.message.";

describe("messages", () => {
    const t = useTestApp({ env: { MAX_NUMBER_OF_MESSAGE_RECIPIENTS: "3", MAX_NUMBER_OF_UNRECEIVED_MESSAGES_FROM_ONE_SENDER: "2" } });

    async function identities(n: number): Promise<TestIdentity[]> {
        return await Promise.all(Array.from({ length: n }, () => createIdentity(t)));
    }

    function send(sender: TestIdentity, recipients: TestIdentity[], extra: Body = {}) {
        return t.http
            .post("/api/v2/Messages")
            .set("authorization", sender.auth)
            .send({
                recipients: recipients.map((r) => ({ address: r.address, encryptedKey: KEY })),
                body: BODY,
                attachments: [],
                ...extra
            });
    }

    function get(who: TestIdentity, id: string) {
        return t.http.get(`/api/v2/Messages/${id}`).set("authorization", who.auth);
    }

    async function messageEvents(owner: TestIdentity) {
        return (await eventsOf(t, owner.address)).filter((e) => e.type === "MessageReceived");
    }

    describe("sending", () => {
        it("sends to several recipients over Active relationships, with one MessageReceived event each", async () => {
            const [sender, r1, r2] = await identities(3);
            const rel1 = await establishRelationship(t, sender, r1);
            const rel2 = await establishRelationship(t, r2, sender);
            const attachments = [{ id: (await uploadFile(t, sender)).id }];
            const response = await send(sender, [r1, r2], { attachments }).expect(201);
            const id = response.body.result.id;
            expect(response.body.result).toEqual({
                id: expect.stringMatching(/^MSG[A-Za-z0-9]{17}$/),
                createdAt: t.clock.now().toISOString()
            });
            expect(response.headers.location).toBe(`/api/v2/Messages/${id}`);
            expect(await messageEvents(r1)).toEqual([
                { owner: r1.address, type: "MessageReceived", payload: { id }, context: rel1, isDeliveryBlocked: false }
            ]);
            expect(await messageEvents(r2)).toEqual([
                { owner: r2.address, type: "MessageReceived", payload: { id }, context: rel2, isDeliveryBlocked: false }
            ]);
            expect(await messageEvents(sender)).toEqual([]);
            const asSender = await get(sender, id).expect(200);
            expect(asSender.body.result).toEqual({
                id,
                createdAt: response.body.result.createdAt,
                createdBy: sender.address,
                createdByDevice: sender.deviceId,
                body: BODY,
                attachments,
                recipients: [
                    { address: r1.address, encryptedKey: KEY, receivedAt: null, receivedByDevice: null },
                    { address: r2.address, encryptedKey: KEY, receivedAt: null, receivedByDevice: null }
                ]
            });
        });

        it("refuses attachments that are not existing, unexpired files", async () => {
            const [sender, recipient] = await identities(2);
            await establishRelationship(t, sender, recipient);
            const missing = await send(sender, [recipient], { attachments: [{ id: "FILdoesnotexist12345" }] }).expect(400);
            expect(missing.body.error.code).toBe("error.platform.validation.invalidPropertyValue");
            const file = await uploadFile(t, recipient, { expiresAt: new Date(t.clock.now().getTime() + 60_000).toISOString() });
            await send(sender, [recipient], { attachments: [{ id: file.id }] }).expect(201);
            t.clock.advance(61_000);
            try {
                await send(sender, [recipient], { attachments: [{ id: file.id }] }).expect(400);
            } finally {
                t.clock.set(new Date());
            }
        });

        it("holds the event back while the relationship is Pending, and releases it on acceptance", async () => {
            const [sender, recipient] = await identities(2);
            const relationship = await requestRelationship(t, sender, recipient);
            const { body } = await send(sender, [recipient]).expect(201);
            expect(await messageEvents(recipient)).toEqual([
                expect.objectContaining({ payload: { id: body.result.id }, isDeliveryBlocked: true })
            ]);
            await put(t, recipient, `${relationship}/Accept`, 200);
            expect(await messageEvents(recipient)).toEqual([
                expect.objectContaining({ payload: { id: body.result.id }, isDeliveryBlocked: false })
            ]);
        });

        it("drops held-back events when the relationship is rejected or revoked", async () => {
            const [sender, r1, r2] = await identities(3);
            const rejected = await requestRelationship(t, r1, sender);
            await send(sender, [r1]).expect(201);
            await put(t, sender, `${rejected}/Reject`, 200);
            expect(await messageEvents(r1)).toEqual([]);
            const revoked = await requestRelationship(t, sender, r2);
            await send(sender, [r2]).expect(201);
            await put(t, sender, `${revoked}/Revoke`, 200);
            expect(await messageEvents(r2)).toEqual([]);
        });

        it("holds the event back while Terminated and releases it when the reactivation is accepted", async () => {
            const { from: sender, to: recipient, id: relationship } = await anActiveRelationship(t);
            await put(t, sender, `${relationship}/Terminate`, 200);
            const { body } = await send(sender, [recipient]).expect(201);
            expect(await messageEvents(recipient)).toEqual([
                expect.objectContaining({ payload: { id: body.result.id }, isDeliveryBlocked: true })
            ]);
            await put(t, recipient, `${relationship}/Reactivate`, 200);
            expect((await messageEvents(recipient))[0]!.isDeliveryBlocked).toBe(true);
            await put(t, sender, `${relationship}/Reactivate/Accept`, 200);
            expect(await messageEvents(recipient)).toEqual([
                expect.objectContaining({ payload: { id: body.result.id }, isDeliveryBlocked: false })
            ]);
        });

        it("refuses a recipient without relationship, and one whose youngest relationship is not Active, Pending or Terminated", async () => {
            const [sender, stranger, rejected] = await identities(3);
            const none = await send(sender, [stranger]).expect(400);
            expect(none.body.error.code).toBe(`${CODE}noRelationshipToRecipientExists`);
            const relationship = await requestRelationship(t, sender, rejected);
            await put(t, rejected, `${relationship}/Reject`, 200);
            const notActive = await send(sender, [rejected]).expect(400);
            expect(notActive.body.error.code).toBe(`${CODE}relationshipToRecipientNotActive`);
        });

        it("sends nothing when one of several recipients is refused", async () => {
            const [sender, friend, stranger] = await identities(3);
            await establishRelationship(t, sender, friend);
            await send(sender, [friend, stranger]).expect(400);
            expect(await messageEvents(friend)).toEqual([]);
            const count: Array<{ count: string }> = await t.app
                .get(DataSource)
                .query("SELECT count(*) FROM messages WHERE created_by = $1", [sender.address]);
            expect(Number(count[0]!.count)).toBe(0);
        });

        it("refuses more unreceived messages than the limit until the recipient fetches them", async () => {
            const [sender, recipient] = await identities(2);
            await establishRelationship(t, sender, recipient);
            const first = await send(sender, [recipient]).expect(201);
            await send(sender, [recipient]).expect(201);
            const third = await send(sender, [recipient]).expect(400);
            expect(third.body.error.code).toBe(`${CODE}maxNumberOfUnreceivedMessagesReached`);
            await get(recipient, first.body.result.id).expect(200);
            await send(sender, [recipient]).expect(201);
            await send(sender, [recipient]).expect(400);
        });

        it("keeps the unreceived limit under concurrent sends", async () => {
            const [sender, recipient] = await identities(2);
            await establishRelationship(t, sender, recipient);
            const responses = await Promise.all(Array.from({ length: 6 }, () => send(sender, [recipient])));
            expect(responses.filter((r) => r.status === 201)).toHaveLength(2);
            expect(responses.filter((r) => r.status === 400)).toHaveLength(4);
        });

        it.each([
            ["no recipients", { recipients: [] }, "error.platform.validation.invalidPropertyValue"],
            ["a missing body", { body: undefined }, "error.platform.inputCannotBeParsed"],
            ["an empty body", { body: "" }, "error.platform.validation.invalidPropertyValue"],
            ["a too short encryptedKey", { recipients: "short" }, "error.platform.validation.invalidPropertyValue"],
            ["an invalid recipient address", { recipients: "address" }, "error.platform.validation.invalidPropertyValue"],
            [
                "an invalid attachment id",
                { attachments: [{ id: "TOKaaaaaaaaaaaaaaaaa" }] },
                "error.platform.validation.invalidPropertyValue"
            ],
            [
                "too many attachments",
                { attachments: Array.from({ length: 21 }, () => ({ id: "FILaaaaaaaaaaaaaaaaa" })) },
                "error.platform.validation.invalidPropertyValue"
            ],
            ["more recipients than configured", { recipients: "many" }, "error.platform.validation.invalidPropertyValue"],
            ["the same recipient twice", { recipients: "twice" }, "error.platform.validation.invalidPropertyValue"]
        ])("answers 400 for %s", async (_name, override, code) => {
            const [sender, recipient] = await identities(2);
            const entry = { address: recipient.address, encryptedKey: KEY };
            const recipients: Record<string, unknown> = {
                short: [{ address: recipient.address, encryptedKey: Buffer.alloc(29).toString("base64url") }],
                address: [{ address: "did:e:localhost:dids:nope", encryptedKey: KEY }],
                many: [entry, entry, entry, entry],
                twice: [entry, entry]
            };
            const body: Body = { recipients: [entry], body: BODY, ...override };
            if (typeof body.recipients === "string") body.recipients = recipients[body.recipients];
            await expectError(t.http.post("/api/v2/Messages").set("authorization", sender.auth).send(body), 400, code);
        });
    });

    describe("receiving and visibility", () => {
        it("marks the message received by the fetching recipient's device exactly once", async () => {
            const [sender, recipient] = await identities(2);
            await establishRelationship(t, sender, recipient);
            const { body } = await send(sender, [recipient]).expect(201);
            const id = body.result.id;
            const fetchedAt = t.clock.now().toISOString();
            const responses = await Promise.all(Array.from({ length: 5 }, () => get(recipient, id)));
            for (const response of responses) {
                expect(response.status).toBe(200);
                expect(response.body.result.recipients).toEqual([
                    { address: recipient.address, encryptedKey: KEY, receivedAt: fetchedAt, receivedByDevice: recipient.deviceId }
                ]);
            }
            t.clock.advance(5000);
            const later = await get(recipient, id).expect(200);
            expect(later.body.result.recipients[0].receivedAt).toBe(fetchedAt);
            const asSender = await t.http.get(`/api/v2/Messages?ids=${id}`).set("authorization", sender.auth).expect(200);
            expect(asSender.body.result[0].recipients[0]).toEqual({
                address: recipient.address,
                encryptedKey: KEY,
                receivedAt: fetchedAt,
                receivedByDevice: recipient.deviceId
            });
        });

        it("does not mark a message received when the sender fetches it", async () => {
            const [sender, recipient] = await identities(2);
            await establishRelationship(t, sender, recipient);
            const { body } = await send(sender, [recipient]).expect(201);
            const response = await get(sender, body.result.id).expect(200);
            expect(response.body.result.recipients[0].receivedAt).toBeNull();
        });

        it("marks messages received when the recipient lists them", async () => {
            const [sender, recipient] = await identities(2);
            await establishRelationship(t, sender, recipient);
            const first = await send(sender, [recipient]).expect(201);
            t.clock.advance(1000);
            const second = await send(sender, [recipient]).expect(201);
            const list = await t.http.get("/api/v2/Messages").set("authorization", recipient.auth).expect(200);
            expect(list.body.result.map((m: Body) => m.id)).toEqual([first.body.result.id, second.body.result.id]);
            for (const message of list.body.result) expect(message.recipients[0].receivedByDevice).toBe(recipient.deviceId);
        });

        it("shows a recipient only its own entry, and a third identity nothing (404)", async () => {
            const [sender, r1, r2, third] = await identities(4);
            await establishRelationship(t, sender, r1);
            await establishRelationship(t, sender, r2);
            const { body } = await send(sender, [r1, r2]).expect(201);
            const id = body.result.id;
            const asR2 = await get(r2, id).expect(200);
            expect(asR2.body.result.recipients.map((r: Body) => r.address)).toEqual([r2.address]);
            const notFound = await get(third, id).expect(404);
            expect(notFound.body.error.code).toBe("error.platform.recordNotFound");
            const list = await t.http.get(`/api/v2/Messages?ids=${id}`).set("authorization", third.auth).expect(200);
            expect(list.body.result).toEqual([]);
            const all = await t.http.get("/api/v2/Messages").set("authorization", third.auth).expect(200);
            expect(all.body.result).toEqual([]);
        });

        it("answers 400 for a malformed id and accepts noBody without effect", async () => {
            const [sender, recipient] = await identities(2);
            await establishRelationship(t, sender, recipient);
            const { body } = await send(sender, [recipient]).expect(201);
            const response = await t.http
                .get(`/api/v2/Messages/${body.result.id}?noBody=true`)
                .set("authorization", recipient.auth)
                .expect(200);
            expect(response.body.result.body).toBe(BODY);
            const bad = await get(recipient, "RELaaaaaaaaaaaaaaaaa").expect(400);
            expect(bad.body.error.code).toBe("error.platform.validation.invalidPropertyValue");
        });
    });

    describe("after decomposition", () => {
        it("hides the message from the side that decomposed and anonymises the recipient for the sender", async () => {
            const [sender, r1, r2] = await identities(3);
            const rel1 = await establishRelationship(t, sender, r1);
            await establishRelationship(t, sender, r2);
            const { body } = await send(sender, [r1, r2]).expect(201);
            const id = body.result.id;
            await put(t, sender, `${rel1}/Terminate`, 200);
            await put(t, r1, `${rel1}/Decompose`, 200);
            await get(r1, id).expect(404);
            const asSender = await get(sender, id).expect(200);
            expect(asSender.body.result.recipients.map((r: Body) => r.address)).toEqual([r1.address, r2.address]);
            await put(t, sender, `${rel1}/Decompose`, 200);
            const anonymous = anonymizedAddress(t.config.DID_DOMAIN);
            const afterBoth = await get(sender, id).expect(200);
            expect(afterBoth.body.result.recipients.map((r: Body) => r.address)).toEqual([anonymous, r2.address]);
            await get(r2, id).expect(200);
        });

        it("drops the decomposing identity's unsynced MessageReceived events of the relationship", async () => {
            const { from: sender, to: recipient, id: relationship } = await anActiveRelationship(t);
            await send(sender, [recipient]).expect(201);
            await put(t, sender, `${relationship}/Terminate`, 200);
            expect(await messageEvents(recipient)).toHaveLength(1);
            await put(t, recipient, `${relationship}/Decompose`, 200);
            expect(await messageEvents(recipient)).toEqual([]);
        });

        it("deletes a message once the sender and every recipient have decomposed", async () => {
            const { from: sender, to: recipient, id: relationship } = await anActiveRelationship(t);
            const { body } = await send(sender, [recipient]).expect(201);
            await put(t, sender, `${relationship}/Terminate`, 200);
            await put(t, sender, `${relationship}/Decompose`, 200);
            await get(sender, body.result.id).expect(404);
            await get(recipient, body.result.id).expect(200);
            await put(t, recipient, `${relationship}/Decompose`, 200);
            const rows: unknown[] = await t.app.get(DataSource).query("SELECT id FROM messages WHERE id = $1", [body.result.id]);
            expect(rows).toEqual([]);
        });
    });
});
