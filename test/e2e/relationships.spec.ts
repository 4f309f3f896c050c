import { DataSource } from "typeorm";

import { DomainEvents } from "../../src/core/events/domain-events";
import { RelationshipStatusChanged } from "../../src/modules/relationships/relationships.events";
import {
    anActiveRelationship,
    type Body,
    createTemplate,
    establishRelationship,
    eventsOf,
    loadTemplate,
    put,
    requestFromTemplate,
    requestRelationship,
    type StoredEvent
} from "../factories/relationships";
import { expectError } from "../support/errors";
import { createIdentity, type TestIdentity } from "../support/identities";
import { useTestApp } from "../support/test-app";

const CODE = "error.platform.validation.relationship.";

describe("relationships", () => {
    const t = useTestApp();

    async function pair(): Promise<[TestIdentity, TestIdentity, TestIdentity]> {
        return (await Promise.all([createIdentity(t), createIdentity(t), createIdentity(t)])) as [TestIdentity, TestIdentity, TestIdentity];
    }

    /** GET /Relationships/CanCreate as `who` for the address `peer` (200): its result. */
    async function canCreate(who: TestIdentity, peer: string): Promise<Body> {
        const response = await t.http
            .get(`/api/v2/Relationships/CanCreate?peer=${encodeURIComponent(peer)}`)
            .set("authorization", who.auth)
            .expect(200);
        return response.body.result;
    }

    function getRelationship(who: TestIdentity, id: string) {
        return t.http.get(`/api/v2/Relationships/${id}`).set("authorization", who.auth);
    }

    describe("creation", () => {
        it("creates a Pending relationship from a template, with the audit log and an event for the template owner", async () => {
            const [requester, templator] = await pair();
            const templateId = await createTemplate(t, templator);
            const content = Buffer.from("request").toString("base64url");
            const { result } = (await requestFromTemplate(t, requester, templateId, 201, { creationContent: content })).body;
            const now = t.clock.now().toISOString();
            expect(result).toEqual({
                id: expect.stringMatching(/^REL[A-Za-z0-9]{17}$/),
                relationshipTemplateId: templateId,
                from: requester.address,
                to: templator.address,
                createdAt: now,
                status: "Pending",
                auditLog: [
                    {
                        createdAt: now,
                        createdBy: requester.address,
                        createdByDevice: requester.deviceId,
                        reason: "Creation",
                        oldStatus: null,
                        newStatus: "Pending"
                    }
                ]
            });
            const full = await getRelationship(templator, result.id).expect(200);
            expect(full.body.result.creationContent).toBe(content);
            expect(full.body.result.creationResponseContent).toBeNull();
            expect(await eventsOf(t, templator.address)).toEqual([
                expect.objectContaining({
                    type: "RelationshipStatusChanged",
                    payload: { relationshipId: result.id },
                    isDeliveryBlocked: false
                })
            ]);
            expect(await eventsOf(t, requester.address)).toEqual([]);
        });

        it("refuses a relationship with oneself", async () => {
            const [templator] = await pair();
            const templateId = await createTemplate(t, templator);
            await expectError(
                t.http.post("/api/v2/Relationships").set("authorization", templator.auth).send({ relationshipTemplateId: templateId }),
                400,
                `${CODE}cannotCreateRelationshipWithYourself`
            );
        });

        it("answers 404 for an unknown template or one personalised for someone else", async () => {
            const [requester, templator, third] = await pair();
            await t.http
                .post("/api/v2/Relationships")
                .set("authorization", requester.auth)
                .send({ relationshipTemplateId: "RLTdoesnotexist12345" })
                .expect(404);
            const templateId = await createTemplate(t, templator, { forIdentity: third.address });
            await expectError(
                t.http.post("/api/v2/Relationships").set("authorization", requester.auth).send({ relationshipTemplateId: templateId }),
                404,
                "error.platform.recordNotFound"
            );
        });

        it("answers 404 for a template the caller has not loaded, one whose allocations are exhausted, or one it lacks the password of", async () => {
            const [requester, templator, other] = await pair();
            const notLoaded = await createTemplate(t, templator);
            await expectError(
                t.http.post("/api/v2/Relationships").set("authorization", requester.auth).send({ relationshipTemplateId: notLoaded }),
                404,
                "error.platform.recordNotFound"
            );

            const exhausted = await createTemplate(t, templator, { maxNumberOfAllocations: 1 });
            await loadTemplate(t, other, exhausted);
            await expectError(
                t.http.get(`/api/v2/RelationshipTemplates/${exhausted}`).set("authorization", requester.auth),
                400,
                "error.platform.validation.relationshipTemplate.maxNumberOfAllocationsExhausted"
            );
            await t.http
                .post("/api/v2/Relationships")
                .set("authorization", requester.auth)
                .send({ relationshipTemplateId: exhausted })
                .expect(404);

            const password = Buffer.from("template password");
            const protectedTemplate = await createTemplate(t, templator, { password: password.toString("base64") });
            await t.http.get(`/api/v2/RelationshipTemplates/${protectedTemplate}`).set("authorization", requester.auth).expect(404);
            await t.http
                .post("/api/v2/Relationships")
                .set("authorization", requester.auth)
                .send({ relationshipTemplateId: protectedTemplate })
                .expect(404);

            // The identity that holds the allocation can go on; so can the requester once it has loaded a template.
            await t.http
                .post("/api/v2/Relationships")
                .set("authorization", other.auth)
                .send({ relationshipTemplateId: exhausted })
                .expect(201);
            await requestFromTemplate(t, requester, notLoaded, 201);
        });

        it("refuses a second relationship while one is open, and allows one after rejection", async () => {
            const [requester, templator] = await pair();
            const first = await requestRelationship(t, requester, templator);
            const templateId = await createTemplate(t, templator);
            const again = await requestFromTemplate(t, requester, templateId, 400);
            expect(again.body.error.code).toBe(`${CODE}relationshipToTargetAlreadyExists`);
            const reverse = await createTemplate(t, requester);
            const fromOtherSide = await requestFromTemplate(t, templator, reverse, 400);
            expect(fromOtherSide.body.error.code).toBe(`${CODE}relationshipToTargetAlreadyExists`);
            await put(t, templator, `${first}/Reject`, 200);
            await t.http
                .post("/api/v2/Relationships")
                .set("authorization", requester.auth)
                .send({ relationshipTemplateId: templateId })
                .expect(201);
        });

        it("lets exactly one of ten concurrent requests for the same pair succeed", async () => {
            const [requester, templator] = await pair();
            const templates = [await createTemplate(t, templator), await createTemplate(t, templator)];
            for (const id of templates) await loadTemplate(t, requester, id);
            const responses = await Promise.all(
                Array.from({ length: 10 }, (_, i) =>
                    t.http
                        .post("/api/v2/Relationships")
                        .set("authorization", requester.auth)
                        .send({ relationshipTemplateId: templates[i % 2] })
                )
            );
            expect(responses.filter((r) => r.status === 201)).toHaveLength(1);
            const refused = responses.filter((r) => r.status !== 201);
            expect(refused).toHaveLength(9);
            for (const response of refused) {
                expect(response.status).toBe(400);
                expect(response.body.error.code).toBe(`${CODE}relationshipToTargetAlreadyExists`);
            }
            const events = await eventsOf(t, templator.address);
            expect(events.filter((e) => e.type === "RelationshipStatusChanged")).toHaveLength(1);
        });

        it("answers peerIsToBeDeleted when the template owner is not Active", async () => {
            const [requester, templator] = await pair();
            const templateId = await createTemplate(t, templator);
            await loadTemplate(t, requester, templateId);
            await t.app.get(DataSource).query("UPDATE identities SET status = 'ToBeDeleted' WHERE address = $1", [templator.address]);
            await expectError(
                t.http.post("/api/v2/Relationships").set("authorization", requester.auth).send({ relationshipTemplateId: templateId }),
                400,
                `${CODE}peerIsToBeDeleted`
            );
        });

        it("answers 400 for bad input", async () => {
            const [requester] = await pair();
            await expectError(
                t.http.post("/api/v2/Relationships").set("authorization", requester.auth).send({}),
                400,
                "error.platform.inputCannotBeParsed"
            );
            await expectError(
                t.http
                    .post("/api/v2/Relationships")
                    .set("authorization", requester.auth)
                    .send({ relationshipTemplateId: "FILaaaaaaaaaaaaaaaaa" }),
                400,
                "error.platform.validation.invalidPropertyValue"
            );
        });
    });

    describe("CanCreate", () => {
        it("says true for a new peer, relationshipToTargetAlreadyExists with an open one, peerIsToBeDeleted for a leaving peer", async () => {
            const [a, b, c] = await pair();
            expect(await canCreate(a, b.address)).toEqual({ canCreate: true, code: null });
            await requestRelationship(t, a, b);
            expect(await canCreate(a, b.address)).toEqual({ canCreate: false, code: `${CODE}relationshipToTargetAlreadyExists` });
            await t.app.get(DataSource).query("UPDATE identities SET status = 'ToBeDeleted' WHERE address = $1", [c.address]);
            expect(await canCreate(a, c.address)).toEqual({ canCreate: false, code: `${CODE}peerIsToBeDeleted` });
        });

        it("answers 404 for an unknown peer and 400 for an invalid address", async () => {
            const [a] = await pair();
            const unknown = "did:e:localhost:dids:0000000000000000000000";
            const valid = unknown.substring(0, unknown.length - 2);
            const { createHash } = await import("node:crypto");
            const address = valid + createHash("sha256").update(valid).digest("hex").substring(0, 2);
            const notFound = await t.http
                .get(`/api/v2/Relationships/CanCreate?peer=${encodeURIComponent(address)}`)
                .set("authorization", a.auth)
                .expect(404);
            expect(notFound.body.error.message).toContain("Identity not found.");
            await expectError(
                t.http.get("/api/v2/Relationships/CanCreate?peer=nope").set("authorization", a.auth),
                400,
                "error.platform.validation.invalidPropertyValue"
            );
        });
    });

    describe("visibility", () => {
        it("hides a relationship from a third identity (404) in GET, list and every transition", async () => {
            const [a, b, third] = await pair();
            const id = await requestRelationship(t, a, b);
            await getRelationship(third, id).expect(404);
            const list = await t.http.get(`/api/v2/Relationships?ids=${id}`).set("authorization", third.auth).expect(200);
            expect(list.body.result).toEqual([]);
            for (const action of [
                "Accept",
                "Reject",
                "Revoke",
                "Terminate",
                "Reactivate",
                "Reactivate/Accept",
                "Reactivate/Reject",
                "Reactivate/Revoke",
                "Decompose"
            ]) {
                const body = await put(t, third, `${id}/${action}`, 404);
                expect(body.error.code).toBe("error.platform.recordNotFound");
            }
        });

        it("lists the caller's relationships by ids and requires ids", async () => {
            const [a, b, c] = await pair();
            const first = await requestRelationship(t, a, b);
            const second = await requestRelationship(t, c, a);
            const response = await t.http.get(`/api/v2/Relationships?ids=${first}&ids=${second}`).set("authorization", a.auth).expect(200);
            expect(response.body.result.map((r: Body) => r.id).sort()).toEqual([first, second].sort());
            expect(response.body.result[0]).toHaveProperty("creationContent");
            await expectError(
                t.http.get("/api/v2/Relationships").set("authorization", a.auth),
                400,
                "error.platform.validation.invalidPropertyValue"
            );
        });
    });

    describe("status machine", () => {
        /** `who` is refused `action` on relationship `id`: 400 with the relationship code `code`. */
        async function expectRefused(who: TestIdentity, id: string, action: string, code: string): Promise<void> {
            expect((await put(t, who, `${id}/${action}`, 400)).error.code).toBe(`${CODE}${code}`);
        }

        /** `who` does `action` on relationship `id`: 200, the new `status`, and the audit log entry it appended. */
        async function expectTransition(
            who: TestIdentity,
            id: string,
            action: string,
            status: string,
            entry: Record<string, unknown>
        ): Promise<Body> {
            const body = await put(t, who, `${id}/${action}`, 200);
            expect(body.result.status).toBe(status);
            expect(body.result.auditLog.at(-1)).toMatchObject(entry);
            return body;
        }

        /**
         * `action` on a new Active relationship: refused (relationshipIsNotInCorrectStatus) while it is Active, done by
         * `a` once `a` terminated it. The parties, the relationship and the new events of `b` since just before the action.
         */
        async function fromTerminatedOnly(action: string, status: string, entry: Record<string, unknown>) {
            const { from: a, to: b, id } = await anActiveRelationship(t);
            await expectRefused(a, id, action, "relationshipIsNotInCorrectStatus");
            await put(t, a, `${id}/Terminate`, 200);
            const newEventsOfB = await eventsFromNowOf(b);
            await expectTransition(a, id, action, status, entry);
            return { a, b, id, newEventsOfB };
        }

        /** The external events of `who` from now on: the returned function gives those that came since. */
        async function eventsFromNowOf(who: TestIdentity): Promise<() => Promise<StoredEvent[]>> {
            const before = (await eventsOf(t, who.address)).length;
            return async () => (await eventsOf(t, who.address)).slice(before);
        }

        it("Accept: only the addressee; the creator gets an event, content is stored", async () => {
            const [a, b] = await pair();
            const id = await requestRelationship(t, a, b);
            await expectRefused(a, id, "Accept", "cannotAcceptOrRejectRelationshipAddressedToSomeoneElse");
            const response = await t.http
                .put(`/api/v2/Relationships/${id}/Accept`)
                .set("authorization", b.auth)
                .send({ creationResponseContent: Buffer.from("yes").toString("base64url") })
                .expect(200);
            expect(response.body.result.status).toBe("Active");
            expect(response.body.result).not.toHaveProperty("creationContent");
            expect(response.body.result.auditLog[1]).toEqual({
                createdAt: t.clock.now().toISOString(),
                createdBy: b.address,
                createdByDevice: b.deviceId,
                reason: "AcceptanceOfCreation",
                oldStatus: "Pending",
                newStatus: "Active"
            });
            const full = await getRelationship(a, id).expect(200);
            expect(full.body.result.creationResponseContent).toBe(Buffer.from("yes").toString("base64url"));
            expect(await eventsOf(t, a.address)).toEqual([
                expect.objectContaining({ type: "RelationshipStatusChanged", payload: { relationshipId: id } })
            ]);
            await expectRefused(b, id, "Accept", "relationshipIsNotInCorrectStatus");
        });

        it("Accept without content stores an empty content", async () => {
            const [a, b] = await pair();
            const id = await requestRelationship(t, a, b);
            await put(t, b, `${id}/Accept`, 200);
            const full = await getRelationship(a, id).expect(200);
            expect(full.body.result.creationResponseContent).toBe("");
        });

        it("Reject: only the addressee; the creator gets an event", async () => {
            const [a, b] = await pair();
            const id = await requestRelationship(t, a, b);
            await expectRefused(a, id, "Reject", "cannotAcceptOrRejectRelationshipAddressedToSomeoneElse");
            const body = await put(t, b, `${id}/Reject`, 200);
            expect(body.result.status).toBe("Rejected");
            expect(body.result.auditLog[1]).toMatchObject({ reason: "RejectionOfCreation", oldStatus: "Pending", newStatus: "Rejected" });
            expect((await eventsOf(t, a.address)).map((e) => e.type)).toEqual(["RelationshipStatusChanged"]);
            await expectRefused(b, id, "Accept", "relationshipIsNotInCorrectStatus");
        });

        it("Revoke: only the creator; the addressee gets an event", async () => {
            const [a, b] = await pair();
            const id = await requestRelationship(t, a, b);
            await expectRefused(b, id, "Revoke", "cannotRevokeRelationshipNotCreatedByYourself");
            const body = await put(t, a, `${id}/Revoke`, 200);
            expect(body.result.status).toBe("Revoked");
            expect(body.result.auditLog[1]).toMatchObject({ reason: "RevocationOfCreation", createdBy: a.address });
            expect((await eventsOf(t, b.address)).map((e) => e.type)).toEqual(["RelationshipStatusChanged", "RelationshipStatusChanged"]);
        });

        it("Terminate: from Active only, by either side; the peer gets an event", async () => {
            const [a, b] = await pair();
            const pending = await requestRelationship(t, a, b);
            await expectRefused(a, pending, "Terminate", "relationshipIsNotInCorrectStatus");
            await put(t, a, `${pending}/Revoke`, 200);
            const id = await establishRelationship(t, a, b);
            const newEventsOfA = await eventsFromNowOf(a);
            const body = await put(t, b, `${id}/Terminate`, 200);
            expect(body.result.status).toBe("Terminated");
            expect(body.result.auditLog[2]).toMatchObject({
                reason: "Termination",
                oldStatus: "Active",
                newStatus: "Terminated",
                createdBy: b.address
            });
            expect(await newEventsOfA()).toEqual([
                expect.objectContaining({ type: "RelationshipStatusChanged", payload: { relationshipId: id } })
            ]);
            await expectRefused(a, id, "Terminate", "relationshipIsNotInCorrectStatus");
        });

        it("Reactivate: request, then accepted by the peer only; events go to the other side", async () => {
            const { a, b, id, newEventsOfB } = await fromTerminatedOnly("Reactivate", "Terminated", {
                reason: "ReactivationRequested",
                oldStatus: "Terminated",
                newStatus: "Terminated"
            });
            expect(await newEventsOfB()).toEqual([
                expect.objectContaining({ type: "RelationshipReactivationRequested", payload: { relationshipId: id } })
            ]);
            await expectRefused(b, id, "Reactivate", "cannotRequestReactivationWhenThereIsAnOpenReactivationRequest");
            await expectRefused(a, id, "Reactivate/Accept", "noAcceptableRelationshipReactivationRequestExists");
            await expectRefused(a, id, "Reactivate/Reject", "noRejectableReactivationRequestExists");
            await expectRefused(b, id, "Reactivate/Revoke", "noRevocableReactivationRequestExists");
            const newEventsOfA = await eventsFromNowOf(a);
            await expectTransition(b, id, "Reactivate/Accept", "Active", {
                reason: "AcceptanceOfReactivation",
                oldStatus: "Terminated",
                newStatus: "Active"
            });
            expect(await newEventsOfA()).toEqual([
                expect.objectContaining({ type: "RelationshipReactivationCompleted", payload: { relationshipId: id } })
            ]);
        });

        it("Reactivate/Reject by the peer and Reactivate/Revoke by the requester keep it Terminated", async () => {
            const { from: a, to: b, id } = await anActiveRelationship(t);
            await put(t, a, `${id}/Terminate`, 200);
            await put(t, a, `${id}/Reactivate`, 200);
            const newEventsOfA = await eventsFromNowOf(a);
            await expectTransition(b, id, "Reactivate/Reject", "Terminated", { reason: "RejectionOfReactivation", createdBy: b.address });
            expect((await newEventsOfA()).map((e) => e.type)).toEqual(["RelationshipReactivationCompleted"]);
            await expectRefused(b, id, "Reactivate/Reject", "noRejectableReactivationRequestExists");

            await put(t, b, `${id}/Reactivate`, 200);
            const newEventsOfAFromRevoke = await eventsFromNowOf(a);
            await expectTransition(b, id, "Reactivate/Revoke", "Terminated", { reason: "RevocationOfReactivation", createdBy: b.address });
            expect((await newEventsOfAFromRevoke()).map((e) => e.type)).toEqual(["RelationshipReactivationCompleted"]);
        });

        it("Decompose: from Terminated by one side, then the other; no event for ReadyForDeletion; GET then 400 for the decomposer", async () => {
            const { a, b, id, newEventsOfB } = await fromTerminatedOnly("Decompose", "DeletionProposed", {
                reason: "Decomposition",
                oldStatus: "Terminated",
                newStatus: "DeletionProposed"
            });
            expect((await newEventsOfB()).map((e) => e.type)).toEqual(["RelationshipStatusChanged"]);
            await expectRefused(a, id, "Decompose", "relationshipAlreadyDecomposed");
            const afterFirst = await getRelationship(a, id).expect(400);
            expect(afterFirst.body.error.code).toBe(`${CODE}relationshipAlreadyDecomposed`);
            await getRelationship(b, id).expect(200);
            const newEventsOfA = await eventsFromNowOf(a);
            const second = await put(t, b, `${id}/Decompose`, 200);
            expect(second.result.status).toBe("ReadyForDeletion");
            expect(await newEventsOfA()).toEqual([]);
            expect((await canCreate(a, b.address)).canCreate).toBe(true);
        });

        it("Decompose of a rejected relationship while a newer one of the pair is pending: both may exist, as in the official Backbone", async () => {
            const [a, b] = await pair();
            const rejected = await requestRelationship(t, a, b);
            await put(t, b, `${rejected}/Reject`, 200);
            const pending = await requestRelationship(t, a, b);
            const decomposed = await put(t, a, `${rejected}/Decompose`, 200);
            expect(decomposed.result.status).toBe("DeletionProposed");
            expect((await getRelationship(b, pending).expect(200)).body.result.status).toBe("Pending");
            // While one relationship of the pair is DeletionProposed, no further one can be created.
            await put(t, b, `${pending}/Reject`, 200);
            expect(await canCreate(a, b.address)).toEqual({ canCreate: false, code: `${CODE}relationshipToTargetAlreadyExists` });
        });

        it("Decompose is allowed from Rejected and Revoked, not from Pending", async () => {
            const [a, b, c] = await pair();
            const pending = await requestRelationship(t, a, b);
            await expectRefused(b, pending, "Decompose", "relationshipIsNotInCorrectStatus");
            await put(t, b, `${pending}/Reject`, 200);
            expect((await put(t, b, `${pending}/Decompose`, 200)).result.status).toBe("DeletionProposed");
            expect((await canCreate(a, b.address)).code).toBe(`${CODE}relationshipToTargetAlreadyExists`);
            const revoked = await requestRelationship(t, a, c);
            await put(t, a, `${revoked}/Revoke`, 200);
            expect((await put(t, a, `${revoked}/Decompose`, 200)).result.status).toBe("DeletionProposed");
        });

        it("a failing step after the change rolls back the status and its event", async () => {
            const [a, b] = await pair();
            const id = await requestRelationship(t, a, b);
            const remove = t.app.get(DomainEvents).subscribe(RelationshipStatusChanged, async () => {
                throw new Error("simulated failure");
            });
            try {
                await put(t, b, `${id}/Accept`, 500);
            } finally {
                remove();
            }
            const full = await getRelationship(a, id).expect(200);
            expect(full.body.result.status).toBe("Pending");
            expect(full.body.result.auditLog).toHaveLength(1);
            expect(await eventsOf(t, a.address)).toEqual([]);
        });
    });
});
