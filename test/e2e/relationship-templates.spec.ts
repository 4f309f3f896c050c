import { DataSource } from "typeorm";

import { CONTENT, createTemplate, eventsOf, loadTemplate, requestFromTemplate } from "../factories/relationships";
import { expectError } from "../support/errors";
import { createIdentity, type TestIdentity } from "../support/identities";
import { useTestApp } from "../support/test-app";

const TEMPLATE_NOT_FOUND =
    "RelationshipTemplate not found. Make sure the ID exists and the record is not expired. If a password is required to fetch the record, make sure you passed the correct one.";

describe("relationship templates", () => {
    const t = useTestApp();
    let owner: TestIdentity;
    let other: TestIdentity;
    let third: TestIdentity;

    beforeAll(async () => {
        [owner, other, third] = await Promise.all([createIdentity(t), createIdentity(t), createIdentity(t)]);
    });
    afterEach(() => t.clock.set(new Date()));

    function get(who: TestIdentity, id: string, query = "") {
        return t.http.get(`/api/v2/RelationshipTemplates/${id}${query}`).set("authorization", who.auth);
    }

    describe("POST", () => {
        it("creates a template and answers 201 with id and createdAt", async () => {
            const expiresAt = new Date(t.clock.now().getTime() + 60_000).toISOString();
            const response = await t.http
                .post("/api/v2/RelationshipTemplates")
                .set("authorization", owner.auth)
                .send({ content: CONTENT, expiresAt, maxNumberOfAllocations: 2 })
                .expect(201);
            expect(response.body.result.id).toMatch(/^RLT[A-Za-z0-9]{17}$/);
            expect(response.body.result.createdAt).toBe(t.clock.now().toISOString());
            expect(response.headers.location).toBe(`/api/v2/RelationshipTemplates/${response.body.result.id}`);
            const loaded = await get(owner, response.body.result.id).expect(200);
            expect(loaded.body.result).toEqual({
                id: response.body.result.id,
                createdBy: owner.address,
                createdByDevice: owner.deviceId,
                maxNumberOfAllocations: 2,
                expiresAt,
                content: CONTENT,
                createdAt: response.body.result.createdAt,
                forIdentity: null
            });
        });

        it("accepts standard base64 content and answers base64url without padding", async () => {
            const bytes = Buffer.from([0xfb, 0xff, 0xfe, 0x01]);
            const id = await createTemplate(t, owner, { content: bytes.toString("base64") });
            const loaded = await get(owner, id).expect(200);
            expect(loaded.body.result.content).toBe(bytes.toString("base64url"));
            expect(loaded.body.result.content).not.toContain("=");
        });

        it.each([
            ["a missing content", { content: undefined }, "error.platform.inputCannotBeParsed"],
            ["content that is not base64", { content: "%%%" }, "error.platform.validation.invalidPropertyValue"],
            [
                "an expiresAt in the past",
                { expiresAt: new Date(Date.now() - 1000).toISOString() },
                "error.platform.validation.invalidPropertyValue"
            ],
            ["an expiresAt that is not a date", { expiresAt: "tomorrow" }, "error.platform.validation.invalidPropertyValue"],
            ["maxNumberOfAllocations 0", { maxNumberOfAllocations: 0 }, "error.platform.validation.invalidPropertyValue"],
            ["an invalid forIdentity", { forIdentity: "did:e:localhost:dids:000" }, "error.platform.validation.invalidPropertyValue"],
            [
                "a password longer than 200 bytes",
                { password: Buffer.alloc(201).toString("base64") },
                "error.platform.validation.invalidPropertyValue"
            ]
        ])("answers 400 for %s", async (_name, override, code) => {
            await expectError(
                t.http
                    .post("/api/v2/RelationshipTemplates")
                    .set("authorization", owner.auth)
                    .send({ content: CONTENT, ...override }),
                400,
                code
            );
        });

        it("requires authentication", async () => {
            await t.http.post("/api/v2/RelationshipTemplates").send({ content: CONTENT }).expect(401);
        });
    });

    describe("GET by id", () => {
        it("answers 404 with the contract's message for an unknown template", async () => {
            const response = await get(other, "RLTdoesnotexist12345").expect(404);
            expect(response.body.error.code).toBe("error.platform.recordNotFound");
            expect(response.body.error.message).toBe(TEMPLATE_NOT_FOUND);
        });

        it("answers 400 for a malformed id", async () => {
            const response = await get(other, "TOKaaaaaaaaaaaaaaaaa").expect(400);
            expect(response.body.error.code).toBe("error.platform.validation.invalidPropertyValue");
        });

        it("shows a personalised template only to its identity and its creator", async () => {
            const id = await createTemplate(t, owner, { forIdentity: other.address });
            await get(third, id).expect(404);
            const response = await get(other, id).expect(200);
            expect(response.body.result.forIdentity).toBe(other.address);
            await get(owner, id).expect(200);
        });

        it("needs the password unless the caller is the creator or has already loaded the template", async () => {
            const password = Buffer.from([0xfb, 0xff, 0x10]);
            const id = await createTemplate(t, owner, { password: password.toString("base64") });
            const missing = await get(other, id).expect(404);
            expect(missing.body.error.message).toBe(TEMPLATE_NOT_FOUND);
            await get(other, id, `?password=${encodeURIComponent(Buffer.from("wrong").toString("base64"))}`).expect(404);
            await get(other, id, `?password=${encodeURIComponent(password.toString("base64"))}`).expect(200);
            await get(other, id).expect(200);
            await get(third, id, `?password=${password.toString("base64")}`).expect(200);
            await get(owner, id).expect(200);
        });

        it("hides an expired template except from identities with a relationship created from it", async () => {
            const expiresAt = new Date(t.clock.now().getTime() + 60_000).toISOString();
            const id = await createTemplate(t, owner, { expiresAt });
            await loadTemplate(t, other, id);
            await t.http.post("/api/v2/Relationships").set("authorization", other.auth).send({ relationshipTemplateId: id }).expect(201);
            await get(third, id).expect(200);
            t.clock.advance(60_000);
            await get(third, id).expect(404);
            await get(other, id).expect(200);
            await get(owner, id).expect(200);
        });

        it("refuses an allocation beyond maxNumberOfAllocations and tells the creator once when the last one is taken", async () => {
            const creator = await createIdentity(t);
            const id = await createTemplate(t, creator, { maxNumberOfAllocations: 1 });
            await get(other, id).expect(200);
            await get(other, id).expect(200);
            await get(creator, id).expect(200);
            const refused = await get(third, id).expect(400);
            expect(refused.body.error.code).toBe("error.platform.validation.relationshipTemplate.maxNumberOfAllocationsExhausted");
            const events = await eventsOf(t, creator.address);
            expect(events).toEqual([
                expect.objectContaining({
                    type: "RelationshipTemplateAllocationsExhausted",
                    payload: { relationshipTemplateId: id },
                    isDeliveryBlocked: false
                })
            ]);
        });

        it("never allocates more than the maximum under concurrent loads", async () => {
            const creator = await createIdentity(t);
            const id = await createTemplate(t, creator, { maxNumberOfAllocations: 3 });
            const loaders = await Promise.all(Array.from({ length: 10 }, () => createIdentity(t)));
            const responses = await Promise.all(loaders.map((loader) => get(loader, id)));
            const statuses = responses.map((r) => r.status).sort();
            expect(statuses.filter((s) => s === 200)).toHaveLength(3);
            expect(statuses.filter((s) => s === 400)).toHaveLength(7);
            for (const response of responses.filter((r) => r.status === 400)) {
                expect(response.body.error.code).toBe("error.platform.validation.relationshipTemplate.maxNumberOfAllocationsExhausted");
            }
            const events = await eventsOf(t, creator.address);
            expect(events.filter((e) => e.type === "RelationshipTemplateAllocationsExhausted")).toHaveLength(1);
        });
        it("allocates once when one identity loads a template several times at once", async () => {
            const creator = await createIdentity(t);
            const id = await createTemplate(t, creator, { maxNumberOfAllocations: 2 });
            const loader = await createIdentity(t);
            const responses = await Promise.all(Array.from({ length: 5 }, () => get(loader, id)));
            expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
            await get(other, id).expect(200);
            await get(third, id).expect(400);
        });

        it("reads without waiting for the template's row lock when the load does not allocate", async () => {
            const id = await createTemplate(t, owner, { maxNumberOfAllocations: 1 });
            await get(other, id).expect(200);
            const dataSource = t.app.get(DataSource);
            const holder = dataSource.createQueryRunner();
            await holder.connect();
            await holder.startTransaction();
            let answered = false;
            let waitedForLock = false;
            try {
                await holder.query("SELECT id FROM relationship_templates WHERE id = $1 FOR UPDATE", [id]);
                const loads = Promise.all([get(owner, id), get(other, id)]).finally(() => (answered = true));
                while (!answered && !waitedForLock) {
                    const rows: Array<{ waiting: number }> = await dataSource.query(
                        "SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"
                    );
                    waitedForLock = rows[0]!.waiting > 0;
                }
                await holder.rollbackTransaction();
                expect((await loads).map((r) => r.status)).toEqual([200, 200]);
            } finally {
                if (holder.isTransactionActive) await holder.rollbackTransaction();
                await holder.release();
            }
            expect(waitedForLock).toBe(false);
        });
    });

    describe("GET list", () => {
        it("lists by templates.N.id and templates.N.password and does not allocate", async () => {
            const password = Buffer.from([0xfb, 0xff, 0x20]);
            const open = await createTemplate(t, owner, { maxNumberOfAllocations: 1 });
            t.clock.advance(1000);
            const locked = await createTemplate(t, owner, { password: password.toString("base64") });
            const query = `templates.0.id=${open}&templates.1.id=${locked}&templates.1.password=${encodeURIComponent(password.toString("base64"))}`;
            const response = await t.http.get(`/api/v2/RelationshipTemplates?${query}`).set("authorization", third.auth).expect(200);
            expect(response.body.result.map((r: { id: string }) => r.id)).toEqual([open, locked]);
            expect(response.body.pagination).toBeUndefined();
            await get(other, open).expect(200);
        });

        it("leaves out templates whose password is wrong or missing", async () => {
            const locked = await createTemplate(t, owner, { password: Buffer.from("secret").toString("base64") });
            const open = await createTemplate(t, owner);
            const wrong = encodeURIComponent(Buffer.from("nope").toString("base64"));
            const response = await t.http
                .get(`/api/v2/RelationshipTemplates?templates.0.id=${locked}&templates.0.password=${wrong}&templates.1.id=${open}`)
                .set("authorization", third.auth)
                .expect(200);
            expect(response.body.result.map((r: { id: string }) => r.id)).toEqual([open]);
        });

        it("accepts the legacy ids form and hides templates personalised for someone else", async () => {
            const mine = await createTemplate(t, owner, { forIdentity: other.address });
            const open = await createTemplate(t, owner);
            const asThird = await t.http
                .get(`/api/v2/RelationshipTemplates?ids=${mine}&ids=${open}`)
                .set("authorization", third.auth)
                .expect(200);
            expect(asThird.body.result.map((r: { id: string }) => r.id)).toEqual([open]);
            const asOther = await t.http.get(`/api/v2/RelationshipTemplates?ids=${mine}`).set("authorization", other.auth).expect(200);
            expect(asOther.body.result.map((r: { id: string }) => r.id)).toEqual([mine]);
        });

        it("answers 400 without any query item", async () => {
            await expectError(
                t.http.get("/api/v2/RelationshipTemplates").set("authorization", other.auth),
                400,
                "error.platform.validation.invalidPropertyValue"
            );
        });

        it("answers 400 for a malformed id in the query", async () => {
            await expectError(
                t.http.get("/api/v2/RelationshipTemplates?templates.0.id=nope").set("authorization", other.auth),
                400,
                "error.platform.validation.invalidPropertyValue"
            );
        });
    });

    describe("DELETE", () => {
        it("lets only the creator delete; others get 403, or 404 when they cannot see it", async () => {
            const id = await createTemplate(t, owner, { forIdentity: other.address });
            await expectError(
                t.http.delete(`/api/v2/RelationshipTemplates/${id}`).set("authorization", other.auth),
                403,
                "error.platform.forbidden"
            );
            await t.http.delete(`/api/v2/RelationshipTemplates/${id}`).set("authorization", third.auth).expect(404);
            await t.http.delete(`/api/v2/RelationshipTemplates/${id}`).set("authorization", owner.auth).expect(204);
            await get(owner, id).expect(404);
        });

        it("keeps relationships created from the template, without the template id", async () => {
            const id = await createTemplate(t, owner);
            const created = await requestFromTemplate(t, third, id, 201);
            await t.http.delete(`/api/v2/RelationshipTemplates/${id}`).set("authorization", owner.auth).expect(204);
            const relationship = await t.http
                .get(`/api/v2/Relationships/${created.body.result.id}`)
                .set("authorization", third.auth)
                .expect(200);
            expect(relationship.body.result.relationshipTemplateId).toBeNull();
        });
    });
});
