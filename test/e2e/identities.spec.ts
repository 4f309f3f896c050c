import { expectError } from "../support/errors";
import { challengeText, createChallenge, createIdentity, login, STRONG_PASSWORD, TestKeyPair } from "../support/identities";
import { TEST_CLIENT, useTestApp } from "../support/test-app";

describe("POST /api/v2/Identities", () => {
    const t = useTestApp();

    async function validBody(keys = new TestKeyPair()) {
        const challenge = await createChallenge(t);
        const text = challengeText(challenge);
        return {
            clientId: TEST_CLIENT.id,
            clientSecret: TEST_CLIENT.secret,
            identityPublicKey: keys.publicKeyField,
            devicePassword: STRONG_PASSWORD,
            identityVersion: 1,
            signedChallenge: { challenge: text, signature: keys.signatureField(text) }
        };
    }

    /** POST /Identities with `body` is answered `status` with the error code `code`. */
    async function expectCreationRefused(body: object, status: number, code: string): Promise<void> {
        const response = await t.http.post("/api/v2/Identities").send(body).expect(status);
        expect(response.body.error.code).toBe(code);
    }

    it("creates an identity whose address is derived from the key, and its device can log in", async () => {
        const keys = new TestKeyPair();
        const response = await t.http
            .post("/api/v2/Identities")
            .send(await validBody(keys))
            .expect(201);
        const result = response.body.result;
        expect(result.address).toMatch(/^did:e:localhost:dids:[0-9a-f]{22}$/);
        expect(result.device.id).toMatch(/^DVC[A-Za-z0-9]{17}$/);
        expect(result.device.username).toMatch(/^USR[A-Za-z0-9]{17}$/);
        expect(result.createdAt).toBe(t.clock.now().toISOString());
        const token = await login(t, result.device.username, STRONG_PASSWORD);
        const self = await t.http.get("/api/v2/Identities/Self").set("authorization", `Bearer ${token}`).expect(200);
        expect(self.body.result).toMatchObject({ address: result.address, identityVersion: 1, status: "Active" });
    });

    it("refuses a second identity with the same key", async () => {
        const keys = new TestKeyPair();
        await t.http
            .post("/api/v2/Identities")
            .send(await validBody(keys))
            .expect(201);
        await expectCreationRefused(await validBody(keys), 400, "error.platform.validation.device.addressAlreadyExists");
    });

    it("answers 400 error.platform.unauthorized for a wrong client secret", async () => {
        await expectCreationRefused({ ...(await validBody()), clientSecret: "wrong" }, 400, "error.platform.unauthorized");
    });

    it("answers 400 invalidSignature for a challenge signed by another key", async () => {
        const body = await validBody();
        const other = new TestKeyPair();
        body.signedChallenge.signature = other.signatureField(body.signedChallenge.challenge);
        await expectCreationRefused(body, 400, "error.platform.validation.device.invalidSignature");
    });

    it("answers 400 invalidSignature for a tampered challenge", async () => {
        const body = await validBody();
        body.signedChallenge.challenge = body.signedChallenge.challenge.replace('"type":"Identity"', '"type":"Device"');
        await expectCreationRefused(body, 400, "error.platform.validation.device.invalidSignature");
    });

    it("answers 404 for a correctly signed challenge that does not exist", async () => {
        const keys = new TestKeyPair();
        const body = await validBody(keys);
        const text = challengeText({ id: "CHLdoesnotexist12345", expiresAt: new Date().toISOString() });
        body.signedChallenge = { challenge: text, signature: keys.signatureField(text) };
        await expectCreationRefused(body, 404, "error.platform.recordNotFound");
    });

    it("answers 400 challengeHasExpired once the challenge's ten minutes are over", async () => {
        const body = await validBody();
        t.clock.advance(10 * 60 * 1000 + 1);
        try {
            await expectCreationRefused(body, 400, "error.platform.validation.device.challengeHasExpired");
        } finally {
            t.clock.set(new Date());
        }
    });

    it("accepts a challenge until its last millisecond", async () => {
        const body = await validBody();
        t.clock.advance(10 * 60 * 1000);
        try {
            await t.http.post("/api/v2/Identities").send(body).expect(201);
        } finally {
            t.clock.set(new Date());
        }
    });

    it("answers 400 registrationFailed for a weak device password", async () => {
        await expectCreationRefused(
            { ...(await validBody()), devicePassword: "weak" },
            400,
            "error.platform.validation.device.registrationFailed"
        );
    });

    it("answers 400 for an invalid communication language", async () => {
        await expectCreationRefused(
            { ...(await validBody()), deviceCommunicationLanguage: "xx" },
            400,
            "error.platform.validation.invalidDeviceCommunicationLanguage"
        );
    });

    describe("bad input is answered 400 with a code, never 500", () => {
        it.each([
            ["a missing clientId", (b: Record<string, unknown>) => delete b.clientId, "error.platform.inputCannotBeParsed"],
            ["a missing signedChallenge", (b: Record<string, unknown>) => delete b.signedChallenge, "error.platform.inputCannotBeParsed"],
            ["a missing identityVersion", (b: Record<string, unknown>) => delete b.identityVersion, "error.platform.inputCannotBeParsed"],
            ["a numeric clientId", (b: Record<string, unknown>) => (b.clientId = 5), "error.platform.inputCannotBeParsed"],
            ["a string identityVersion", (b: Record<string, unknown>) => (b.identityVersion = "one"), "error.platform.inputCannotBeParsed"],
            [
                "an identityVersion out of range",
                (b: Record<string, unknown>) => (b.identityVersion = 300),
                "error.platform.validation.invalidPropertyValue"
            ],
            [
                "an empty devicePassword",
                (b: Record<string, unknown>) => (b.devicePassword = ""),
                "error.platform.validation.invalidPropertyValue"
            ],
            [
                "an oversize devicePassword",
                (b: Record<string, unknown>) => (b.devicePassword = "A1!a".repeat(100)),
                "error.platform.validation.invalidPropertyValue"
            ],
            [
                "signedChallenge as a string",
                (b: Record<string, unknown>) => (b.signedChallenge = "x"),
                "error.platform.inputCannotBeParsed"
            ],
            [
                "a public key that is not base64 JSON",
                (b: Record<string, unknown>) => (b.identityPublicKey = "bm90IGpzb24"),
                "error.platform.validation.invalidPropertyValue"
            ],
            [
                "a signature that is not base64 JSON",
                (b: Record<string, unknown>) => ((b.signedChallenge as Record<string, string>).signature = "!!!"),
                "error.platform.validation.invalidPropertyValue"
            ]
        ])("%s", async (_name, mutate, code) => {
            const body = (await validBody()) as unknown as Record<string, unknown>;
            mutate(body);
            const response = await t.http.post("/api/v2/Identities").send(body).expect(400);
            expect(response.body.error.code).toBe(code);
            expect(response.body.error.id).toMatch(/^ERR[A-HJ-NP-Z1-9]{17}$/);
        });

        it("a body that is not JSON", async () => {
            await expectError(
                t.http.post("/api/v2/Identities").set("content-type", "application/json").send("{not json"),
                400,
                "error.platform.inputCannotBeParsed"
            );
        });

        it("a JSON array instead of an object", async () => {
            await expectCreationRefused([1, 2], 400, "error.platform.inputCannotBeParsed");
        });

        it("a body over the 20 MiB limit", async () => {
            await expectError(
                t.http
                    .post("/api/v2/Identities")
                    .set("content-type", "application/json")
                    .send(JSON.stringify({ clientId: "x".repeat(21 * 1024 * 1024) })),
                400,
                "error.platform.requestBodyTooLarge"
            );
        });
    });

    it("tolerates a verbose signed challenge (the official client's @type field)", async () => {
        const body = await validBody();
        (body.signedChallenge as Record<string, string>)["@type"] = "ChallengeSigned";
        await t.http.post("/api/v2/Identities").send(body).expect(201);
    });

    it("reports an existing identity as not deleted, and an unknown username as not deleted", async () => {
        const identity = await createIdentity(t);
        const known = await t.http.get(`/api/v2/Identities/IsDeleted?username=${identity.username}`).expect(200);
        expect(known.body.result).toEqual({ isDeleted: false, deletionDate: null });
        await t.http.get("/api/v2/Identities/IsDeleted?username=nonsense").expect(400);
    });
});
