import { DataSource } from "typeorm";

import { anIdentityDeletedNow } from "../factories/identities";
import { ADMIN_KEY, type AdminApi, adminApi } from "../support/admin-api";
import { createIdentity } from "../support/identities";
import { startTestApp, TEST_CLIENT, type TestApp } from "../support/test-app";

describe("quotas and announcements", () => {
    let t: TestApp;
    let api: AdminApi;
    const admin = () => api;
    beforeAll(async () => {
        t = await startTestApp({ env: { ADMIN_API_KEY: ADMIN_KEY } });
        api = await adminApi(t);
    });
    afterAll(async () => await t.close());

    it("lists the quotas of the caller's tier with usage where it is counted", async () => {
        const none = await createIdentity(t);
        expect((await t.http.get("/api/v2/Quotas").set("authorization", none.auth).expect(200)).body).toEqual({ result: [] });

        const tier = (await admin().post("/Tiers", { name: "Limited" }).expect(201)).body.result;
        await admin().post(`/Tiers/${tier.id}/Quotas`, { metricKey: "NumberOfCreatedDevices", max: 5, period: "Month" }).expect(201);
        await admin().post(`/Tiers/${tier.id}/Quotas`, { metricKey: "NumberOfSentMessages", max: 100, period: "Day" }).expect(201);
        const duplicate = await admin()
            .post(`/Tiers/${tier.id}/Quotas`, { metricKey: "NumberOfSentMessages", max: 1, period: "Day" })
            .expect(400);
        expect(duplicate.body.error.code).toBe("error.platform.quotas.duplicateQuota");
        await admin().put(`/Clients/${TEST_CLIENT.id}`, { defaultTier: tier.id }).expect(200);

        const identity = await createIdentity(t);
        const response = await t.http.get("/api/v2/Quotas").set("authorization", identity.auth).expect(200);
        expect(response.body.result).toEqual([
            {
                metricKey: "NumberOfSentMessages",
                quotas: [{ source: "Tier", metricKey: "NumberOfSentMessages", max: 100, usage: 0, period: "Day" }]
            },
            {
                metricKey: "NumberOfCreatedDevices",
                quotas: [{ source: "Tier", metricKey: "NumberOfCreatedDevices", max: 5, usage: 1, period: "Month" }]
            }
        ]);
        await admin().put(`/Clients/${TEST_CLIENT.id}`, { defaultTier: null }).expect(200);
    });

    it("shows announcements for everybody and for the caller in the requested language, falling back to English", async () => {
        const reader = await createIdentity(t);
        const other = await createIdentity(t);
        const general = await admin()
            .post("/Announcements", {
                severity: "High",
                expiresAt: new Date(t.clock.now().getTime() + 86_400_000).toISOString(),
                texts: [
                    { language: "en", title: "Maintenance", body: "Tonight" },
                    { language: "de", title: "Wartung", body: "Heute Nacht" }
                ],
                actions: [{ link: "https://example.org/status", displayName: { en: "Status", de: "Status-Seite" } }]
            })
            .expect(201);
        await admin()
            .post("/Announcements", {
                severity: "Low",
                recipients: [other.address],
                texts: [{ language: "en", title: "Only for you", body: "Hi" }]
            })
            .expect(201);

        const german = await t.http.get("/api/v2/Announcements?language=de").set("authorization", reader.auth).expect(200);
        expect(german.body.result).toEqual([
            {
                id: general.body.result.id,
                createdAt: t.clock.now().toISOString(),
                expiresAt: general.body.result.expiresAt,
                severity: "High",
                title: "Wartung",
                body: "Heute Nacht",
                actions: [{ displayName: "Status-Seite", link: "https://example.org/status", iqlQuery: null }],
                iqlQuery: null
            }
        ]);
        const french = await t.http.get("/api/v2/Announcements?language=fr").set("authorization", reader.auth).expect(200);
        expect(french.body.result[0].title).toBe("Maintenance");
        const forOther = await t.http.get("/api/v2/Announcements?language=en").set("authorization", other.auth).expect(200);
        expect(forOther.body.result.map((a: { title: string }) => a.title).sort()).toEqual(["Maintenance", "Only for you"]);

        for (const query of ["", "?language=xx", "?language=deu"]) {
            const bad = await t.http.get(`/api/v2/Announcements${query}`).set("authorization", reader.auth).expect(400);
            expect(bad.body.error.code).toMatch(/^error\.platform\./);
        }
        const noEnglish = await admin()
            .post("/Announcements", { severity: "Low", texts: [{ language: "de", title: "x", body: "y" }] })
            .expect(400);
        expect(noEnglish.body.error.code).toBe("error.platform.validation.invalidPropertyValue");

        await admin().delete(`/Announcements/${general.body.result.id}`).expect(204);
        expect((await t.http.get("/api/v2/Announcements?language=en").set("authorization", reader.auth).expect(200)).body.result).toEqual(
            []
        );
    });

    it("removes a deleted identity from the recipients of announcements, leaving the others", async () => {
        const leaving = await createIdentity(t);
        const staying = await createIdentity(t);
        await admin()
            .post("/Announcements", {
                severity: "Low",
                recipients: [leaving.address, staying.address],
                texts: [{ language: "en", title: "For two", body: "Hi" }]
            })
            .expect(201);
        await anIdentityDeletedNow(t, leaving);
        const rows: Array<{ recipients: string[] }> = await t.app
            .get(DataSource)
            .query("SELECT recipients FROM announcements WHERE $1 = ANY(recipients)", [staying.address]);
        expect(rows).toEqual([{ recipients: [staying.address] }]);
        const forStaying = await t.http.get("/api/v2/Announcements?language=en").set("authorization", staying.auth).expect(200);
        expect(forStaying.body.result.map((a: { title: string }) => a.title)).toContain("For two");
    });
});
