import { challengeText, createChallenge, STRONG_PASSWORD, TestKeyPair } from "../support/identities";
import { startTestApp, type TestApp } from "../support/test-app";

const ADMIN_KEY = "admin-key-for-the-tests-0123456789";

describe("admin surface", () => {
    let t: TestApp;
    beforeAll(async () => {
        t = await startTestApp({ env: { ADMIN_API_KEY: ADMIN_KEY } });
    });
    afterAll(async () => await t.close());

    const admin = {
        get: (path: string) => t.http.get(`/admin/v1${path}`).set("x-api-key", ADMIN_KEY),
        post: (path: string, body: object = {}) => t.http.post(`/admin/v1${path}`).set("x-api-key", ADMIN_KEY).send(body),
        put: (path: string, body: object) => t.http.put(`/admin/v1${path}`).set("x-api-key", ADMIN_KEY).send(body),
        delete: (path: string) => t.http.delete(`/admin/v1${path}`).set("x-api-key", ADMIN_KEY)
    };

    async function createIdentityWith(client: { id: string; secret: string }, status: number) {
        const keys = new TestKeyPair();
        const challenge = await createChallenge(t);
        const text = challengeText(challenge);
        return await t.http
            .post("/api/v2/Identities")
            .send({
                clientId: client.id,
                clientSecret: client.secret,
                identityPublicKey: keys.publicKeyField,
                devicePassword: STRONG_PASSWORD,
                identityVersion: 1,
                signedChallenge: { challenge: text, signature: keys.signatureField(text) }
            })
            .expect(status);
    }

    function token(client: { id: string; secret: string }, username: string) {
        return t.http
            .post("/connect/token")
            .type("form")
            .send({ client_id: client.id, client_secret: client.secret, grant_type: "password", username, password: STRONG_PASSWORD });
    }

    it("answers 401 without the API key or with a wrong one, and ignores bearer tokens", async () => {
        await t.http.get("/admin/v1/Clients").expect(401);
        await t.http.get("/admin/v1/Clients").set("x-api-key", "wrong").expect(401);
        await t.http.get("/admin/v1/Clients").set("authorization", "Bearer x").expect(401);
        await admin.get("/Clients").expect(200);
    });

    it("lets an admin-created OAuth client create identities and log in, and stops it once deleted", async () => {
        const created = await admin.post("/Clients", { displayName: "Connector of ACME" }).expect(201);
        const client = { id: created.body.result.clientId, secret: created.body.result.clientSecret };
        expect(client.id).toMatch(/^CLT[A-Za-z0-9]{17}$/);
        expect(client.secret).toHaveLength(30);
        const identity = await createIdentityWith(client, 201);
        await token(client, identity.body.result.device.username).expect(200);

        const listed = await admin.get("/Clients").expect(200);
        const entry = listed.body.result.find((c: { clientId: string }) => c.clientId === client.id);
        expect(entry).toEqual({
            clientId: client.id,
            displayName: "Connector of ACME",
            defaultTier: null,
            maxIdentities: null,
            createdAt: expect.any(String),
            numberOfIdentities: 1
        });
        expect(JSON.stringify(listed.body)).not.toContain(client.secret);

        await admin.delete(`/Clients/${client.id}`).expect(204);
        const refused = await token(client, identity.body.result.device.username).expect(401);
        expect(refused.body.error).toBe("invalid_client");
        const noIdentity = await createIdentityWith(client, 400);
        expect(noIdentity.body.error.code).toBe("error.platform.unauthorized");
        await admin.delete(`/Clients/${client.id}`).expect(404);
    });

    it("changes a client's secret: the old one stops working", async () => {
        const created = await admin.post("/Clients", { clientId: "rotating-client" }).expect(201);
        const old = { id: "rotating-client", secret: created.body.result.clientSecret };
        const identity = await createIdentityWith(old, 201);
        await token(old, identity.body.result.device.username).expect(200);
        const changed = await admin.post("/Clients/rotating-client/ChangeSecret").expect(200);
        await token(old, identity.body.result.device.username).expect(401);
        await token({ id: old.id, secret: changed.body.result.clientSecret }, identity.body.result.device.username).expect(200);
    });

    it("sets a client's default tier and maximum number of identities", async () => {
        const tier = await admin.post("/Tiers", { name: "Basic" }).expect(201);
        const tierId = tier.body.result.id;
        expect(tierId).toMatch(/^TIR/);
        const created = await admin.post("/Clients", {}).expect(201);
        const client = { id: created.body.result.clientId, secret: created.body.result.clientSecret };
        const unknownTier = await admin.put(`/Clients/${client.id}`, { defaultTier: "TIRdoesnotexist00000" }).expect(400);
        expect(unknownTier.body.error.code).toBe("error.platform.validation.tierDoesNotExist");
        const updated = await admin.put(`/Clients/${client.id}`, { defaultTier: tierId, maxIdentities: 1 }).expect(200);
        expect(updated.body.result).toMatchObject({ defaultTier: tierId, maxIdentities: 1 });

        const first = await createIdentityWith(client, 201);
        const second = await createIdentityWith(client, 400);
        expect(second.body.error.code).toBe("error.platform.validation.device.clientReachedIdentitiesLimit");
        const lookup = await admin.get(`/Identities/${first.body.result.address}`).expect(200);
        expect(lookup.body.result).toEqual({
            address: first.body.result.address,
            clientId: client.id,
            status: "Active",
            tierId,
            identityVersion: 1,
            numberOfDevices: 1,
            createdAt: first.body.result.createdAt,
            deletionGracePeriodEndsAt: null
        });
        await admin.put(`/Clients/${client.id}`, { maxIdentities: null }).expect(200);
        await createIdentityWith(client, 201);
    });

    it("answers 400 with a code for bad input, never 500", async () => {
        const badMax = await admin.post("/Clients", { maxIdentities: "many" }).expect(400);
        expect(badMax.body.error.code).toMatch(/^error\.platform\./);
        const badQuota = await admin.post("/Tiers/TIRx/Quotas", { metricKey: "NumberOfFoos", max: 1, period: "Day" }).expect(400);
        expect(badQuota.body.error.code).toMatch(/^error\.platform\./);
        await admin.get("/Identities/did:e:localhost:dids:0000000000000000000000").expect(404);
    });

    it("serves its own OpenAPI document, and the Consumer document has no admin routes", async () => {
        const response = await t.http.get("/admin/docs/openapi.json").expect(200);
        expect(Object.keys(response.body.paths).every((path) => path.startsWith("/admin/v1/"))).toBe(true);
        expect(response.body.paths["/admin/v1/Clients"]).toBeDefined();
    });
});

describe("admin surface without ADMIN_API_KEY", () => {
    let t: TestApp;
    beforeAll(async () => {
        t = await startTestApp();
    });
    afterAll(async () => await t.close());

    it("does not exist (404), whatever the key", async () => {
        await t.http.get("/admin/v1/Clients").expect(404);
        await t.http.get("/admin/v1/Clients").set("x-api-key", ADMIN_KEY).expect(404);
        await t.http.get("/admin/docs/openapi.json").expect(404);
    });
});
