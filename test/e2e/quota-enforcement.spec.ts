import { aStartedDeletionProcess } from "../factories/identities";
import { CONTENT, createTemplate, establishRelationship, loadTemplate, requestRelationship } from "../factories/relationships";
import { ADMIN_KEY, type AdminApi, adminApi } from "../support/admin-api";
import { uploadRequest } from "../support/files";
import { createIdentity, type TestIdentity } from "../support/identities";
import { TEST_CLIENT, useTestApp } from "../support/test-app";

const KEY = Buffer.alloc(40, 7).toString("base64url");
const BODY = Buffer.from("encrypted message body").toString("base64url");
const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

interface Quota {
    metricKey: string;
    max: number;
    period: string;
}

describe("quota enforcement", () => {
    const t = useTestApp({ env: { ADMIN_API_KEY: ADMIN_KEY } });
    let api: AdminApi;

    beforeAll(async () => {
        api = await adminApi(t);
    });

    function admin(method: "post" | "put", path: string, body: object) {
        return api[method](path, body);
    }

    let tierCount = 0;
    /** An identity of a fresh tier with these quotas (the client's default tier only while it is created). */
    async function identityWithQuotas(...quotas: Quota[]): Promise<TestIdentity> {
        const tier = (await admin("post", "/Tiers", { name: `Limited ${++tierCount}` }).expect(201)).body.result;
        for (const quota of quotas) await admin("post", `/Tiers/${tier.id}/Quotas`, quota).expect(201);
        await admin("put", `/Clients/${TEST_CLIENT.id}`, { defaultTier: tier.id }).expect(200);
        try {
            return await createIdentity(t);
        } finally {
            await admin("put", `/Clients/${TEST_CLIENT.id}`, { defaultTier: null }).expect(200);
        }
    }

    function createToken(who: TestIdentity | undefined) {
        const request = t.http.post("/api/v2/Tokens");
        if (who) request.set("authorization", who.auth);
        const expiresAt = new Date(t.clock.now().getTime() + (who ? DAY_MS : 60_000)).toISOString();
        return request.send(who ? { content: CONTENT, expiresAt } : { expiresAt });
    }

    function sendMessage(sender: TestIdentity, recipient: TestIdentity) {
        return t.http
            .post("/api/v2/Messages")
            .set("authorization", sender.auth)
            .send({ recipients: [{ address: recipient.address, encryptedKey: KEY }], body: BODY, attachments: [] });
    }

    function expectExhausted(
        response: { status: number; body: { error: { code: string; data: unknown } } },
        data: Array<{ metricKey: string; isExhaustedUntil: string }>
    ): void {
        expect(response.status).toBe(429);
        expect(response.body.error.code).toBe("error.platform.quotaExhausted");
        expect(response.body.error.data).toEqual(data);
    }

    it("refuses a token past the daily quota with the end of the day, reports the usage, and allows it again the next day", async () => {
        t.clock.set(new Date("2031-03-05T10:15:00.000Z"));
        const identity = await identityWithQuotas({ metricKey: "NumberOfTokens", max: 2, period: "Day" });
        await createToken(identity).expect(201);
        await createToken(identity).expect(201);
        expectExhausted(await createToken(identity), [{ metricKey: "NumberOfTokens", isExhaustedUntil: "2031-03-06T00:00:00.000Z" }]);

        const quotas = await t.http.get("/api/v2/Quotas").set("authorization", identity.auth).expect(200);
        expect(quotas.body.result).toEqual([
            { metricKey: "NumberOfTokens", quotas: [{ source: "Tier", metricKey: "NumberOfTokens", max: 2, usage: 2, period: "Day" }] }
        ]);

        t.clock.set(new Date("2031-03-05T23:59:59.999Z"));
        expect((await createToken(identity)).status).toBe(429);
        t.clock.set(new Date("2031-03-06T00:00:00.000Z"));
        await createToken(identity).expect(201);
        const nextDay = await t.http.get("/api/v2/Quotas").set("authorization", identity.auth).expect(200);
        expect(nextDay.body.result[0].quotas[0].usage).toBe(1);
    });

    it("enforces an identity's individual quota instead of its tier's quotas of that metric, and the tier's again once it is removed", async () => {
        t.clock.set(new Date("2031-03-12T09:00:00.000Z"));
        const identity = await identityWithQuotas(
            { metricKey: "NumberOfTokens", max: 3, period: "Day" },
            { metricKey: "NumberOfSentMessages", max: 1, period: "Day" }
        );
        const individual = await api
            .post(`/Identities/${identity.address}/Quotas`, { metricKey: "NumberOfTokens", max: 1, period: "Hour" })
            .expect(201);
        await createToken(identity).expect(201);
        expectExhausted(await createToken(identity), [{ metricKey: "NumberOfTokens", isExhaustedUntil: "2031-03-12T10:00:00.000Z" }]);

        const quotas = await t.http.get("/api/v2/Quotas").set("authorization", identity.auth).expect(200);
        expect(quotas.body.result).toEqual([
            {
                metricKey: "NumberOfSentMessages",
                quotas: [{ source: "Tier", metricKey: "NumberOfSentMessages", max: 1, usage: 0, period: "Day" }]
            },
            {
                metricKey: "NumberOfTokens",
                quotas: [
                    { source: "Individual", metricKey: "NumberOfTokens", max: 1, usage: 1, period: "Hour" },
                    { source: "Tier", metricKey: "NumberOfTokens", max: 3, usage: 1, period: "Day" }
                ]
            }
        ]);

        // The next hour the individual quota allows one more; the tier's daily three no longer apply while it exists.
        t.clock.set(new Date("2031-03-12T10:00:00.000Z"));
        await createToken(identity).expect(201);
        t.clock.set(new Date("2031-03-12T11:00:00.000Z"));
        await createToken(identity).expect(201);
        t.clock.set(new Date("2031-03-12T12:00:00.000Z"));
        await createToken(identity).expect(201);
        await api.delete(`/Identities/${identity.address}/Quotas/${individual.body.result.id}`).expect(204);
        expectExhausted(await createToken(identity), [{ metricKey: "NumberOfTokens", isExhaustedUntil: "2031-03-13T00:00:00.000Z" }]);
    });

    it("enforces individual quotas of identities without a tier, but not while the identity is being deleted", async () => {
        t.clock.set(new Date("2031-03-20T09:00:00.000Z"));
        const identity = await createIdentity(t);
        await api.post(`/Identities/${identity.address}/Quotas`, { metricKey: "NumberOfTokens", max: 5, period: "Total" }).expect(201);
        await api.post(`/Identities/${identity.address}/Quotas`, { metricKey: "NumberOfTokens", max: 1, period: "Day" }).expect(201);
        await createToken(identity).expect(201);
        expectExhausted(await createToken(identity), [{ metricKey: "NumberOfTokens", isExhaustedUntil: "2031-03-21T00:00:00.000Z" }]);

        // In the tier "Queued for Deletion" its quotas apply, whatever the individual ones allow.
        t.clock.set(new Date("2031-03-21T09:00:00.000Z"));
        await aStartedDeletionProcess(t, identity);
        expectExhausted(await createToken(identity), [{ metricKey: "NumberOfTokens", isExhaustedUntil: "9999-12-31T23:59:59.999Z" }]);
    });

    it("does not limit anonymous token creation", async () => {
        t.clock.set(new Date("2031-03-05T10:15:00.000Z"));
        for (let i = 0; i < 3; i++) await createToken(undefined).expect(201);
    });

    it("aligns weeks on Monday 00:00 UTC and reports the latest end when several quotas of a metric are exhausted", async () => {
        t.clock.set(new Date("2031-03-09T22:00:00.000Z")); // a Sunday
        const identity = await identityWithQuotas(
            { metricKey: "NumberOfRelationshipTemplates", max: 1, period: "Week" },
            { metricKey: "NumberOfRelationshipTemplates", max: 1, period: "Hour" }
        );
        await createTemplate(t, identity);
        const refused = await t.http.post("/api/v2/RelationshipTemplates").set("authorization", identity.auth).send({ content: CONTENT });
        expectExhausted(refused, [{ metricKey: "NumberOfRelationshipTemplates", isExhaustedUntil: "2031-03-10T00:00:00.000Z" }]);
        t.clock.set(new Date("2031-03-10T00:00:00.000Z")); // Monday
        await createTemplate(t, identity);
    });

    it("counts relationships on both sides for creating and accepting one", async () => {
        t.clock.set(new Date("2031-04-01T08:00:00.000Z"));
        const [b, c] = [await createIdentity(t), await createIdentity(t)];
        const limited = await identityWithQuotas({ metricKey: "NumberOfRelationships", max: 1, period: "Total" });
        await establishRelationship(t, limited, b);

        const templateOfC = await createTemplate(t, c);
        await loadTemplate(t, limited, templateOfC);
        const create = await t.http
            .post("/api/v2/Relationships")
            .set("authorization", limited.auth)
            .send({ relationshipTemplateId: templateOfC, creationContent: CONTENT });
        expectExhausted(create, [{ metricKey: "NumberOfRelationships", isExhaustedUntil: "9999-12-31T23:59:59.999Z" }]);

        // C is not limited and may ask; the limited identity may not accept.
        const pending = await requestRelationship(t, c, limited);
        const accept = await t.http.put(`/api/v2/Relationships/${pending}/Accept`).set("authorization", limited.auth).send({});
        expectExhausted(accept, [{ metricKey: "NumberOfRelationships", isExhaustedUntil: "9999-12-31T23:59:59.999Z" }]);
        const stillPending = await t.http.get(`/api/v2/Relationships/${pending}`).set("authorization", c.auth).expect(200);
        expect(stillPending.body.result.status).toBe("Pending");
    });

    it("limits sent messages per month", async () => {
        t.clock.set(new Date("2031-05-31T23:00:00.000Z"));
        const recipient = await createIdentity(t);
        const sender = await identityWithQuotas({ metricKey: "NumberOfSentMessages", max: 1, period: "Month" });
        await establishRelationship(t, sender, recipient);
        await sendMessage(sender, recipient).expect(201);
        expectExhausted(await sendMessage(sender, recipient), [
            { metricKey: "NumberOfSentMessages", isExhaustedUntil: "2031-06-01T00:00:00.000Z" }
        ]);
        t.clock.set(new Date("2031-06-01T00:00:00.000Z"));
        await sendMessage(sender, recipient).expect(201);
    });

    it("limits the number of files and the used storage space per year", async () => {
        t.clock.set(new Date("2031-07-01T12:00:00.000Z"));
        const counted = await identityWithQuotas({ metricKey: "NumberOfFiles", max: 1, period: "Year" });
        await uploadRequest(t, counted).expect(201);
        expectExhausted(await uploadRequest(t, counted), [{ metricKey: "NumberOfFiles", isExhaustedUntil: "2032-01-01T00:00:00.000Z" }]);

        const sized = await identityWithQuotas({ metricKey: "UsedFileStorageSpace", max: 30, period: "Year" });
        await uploadRequest(t, sized, { content: Buffer.alloc(20, 1) }).expect(201);
        await uploadRequest(t, sized, { content: Buffer.alloc(20, 2) }).expect(201);
        expectExhausted(await uploadRequest(t, sized, { content: Buffer.alloc(1, 3) }), [
            { metricKey: "UsedFileStorageSpace", isExhaustedUntil: "2032-01-01T00:00:00.000Z" }
        ]);
        const quotas = await t.http.get("/api/v2/Quotas").set("authorization", sized.auth).expect(200);
        expect(quotas.body.result[0].quotas[0]).toMatchObject({ metricKey: "UsedFileStorageSpace", usage: 40 });
    });

    it("blocks creations of an identity in deletion (tier Queued for Deletion) and lifts that when the deletion is cancelled", async () => {
        t.clock.set(new Date("2031-08-01T12:00:00.000Z"));
        const identity = await createIdentity(t);
        await createToken(identity).expect(201);
        const process = await aStartedDeletionProcess(t, identity);

        expectExhausted(await createToken(identity), [{ metricKey: "NumberOfTokens", isExhaustedUntil: "9999-12-31T23:59:59.999Z" }]);
        const template = await t.http.post("/api/v2/RelationshipTemplates").set("authorization", identity.auth).send({ content: CONTENT });
        expect(template.status).toBe(429);
        expect((await uploadRequest(t, identity)).status).toBe(429);

        const quotas = await t.http.get("/api/v2/Quotas").set("authorization", identity.auth).expect(200);
        const metrics = quotas.body.result.map((q: { metricKey: string }) => q.metricKey);
        expect(metrics).toContain("NumberOfTokens");
        expect(metrics).not.toContain("NumberOfCreatedDatawalletModifications");
        expect(metrics).not.toContain("NumberOfStartedDeletionProcesses");
        expect(quotas.body.result.find((q: { metricKey: string }) => q.metricKey === "NumberOfTokens").quotas).toEqual([
            { source: "Tier", metricKey: "NumberOfTokens", max: 0, usage: 1, period: "Total" }
        ]);

        await t.http
            .put(`/api/v2/Identities/Self/DeletionProcesses/${process.id}/Cancel`)
            .set("authorization", identity.auth)
            .send({})
            .expect(200);
        await createToken(identity).expect(201);
    });

    it("keeps the built-in tier from being deleted", async () => {
        const response = await api.delete("/Tiers/TIR00000000000000001");
        expect(response.status).toBe(400);
        // As in the official Backbone, the identities in the tier are named first; without any, the tier itself.
        expect([
            "error.platform.validation.device.usedTierCannotBeDeleted",
            "error.platform.validation.device.queuedForDeletionTierCannotBeDeleted"
        ]).toContain(response.body.error.code);
        const tier = await api.get("/Tiers/TIR00000000000000001").expect(200);
        expect(tier.body.result.name).toBe("Queued for Deletion");
    });

    it("does not limit identities without a tier", async () => {
        t.clock.set(new Date("2031-09-01T12:00:00.000Z"));
        const identity = await createIdentity(t);
        for (let i = 0; i < 5; i++) await createToken(identity).expect(201);
        expect((await t.http.get("/api/v2/Quotas").set("authorization", identity.auth).expect(200)).body).toEqual({ result: [] });
    });
});
