import { createHash } from "node:crypto";

import { createIdentity, type TestIdentity } from "../support/identities";
import { useTestApp } from "../support/test-app";

const APPLICATION_WORDING =
    "not found. Make sure the ID exists and the record is not expired. If a password is required to fetch the record, make sure you passed the correct one.";

/** An id of the right format that names no record. */
const unknown = (prefix: string) => `${prefix}${"a".repeat(17)}`;

describe("Not-found errors name the record as the official Backbone does", () => {
    const t = useTestApp();
    let alice: TestIdentity;
    let bob: TestIdentity;

    beforeAll(async () => {
        [alice, bob] = [await createIdentity(t), await createIdentity(t)];
    });

    const cases: Array<[string, string, string, string]> = [
        ["GET", `/api/v2/Tokens/${unknown("TOK")}`, "Token", "application"],
        ["DELETE", `/api/v2/Tokens/${unknown("TOK")}`, "Token", "application"],
        ["GET", `/api/v2/Files/${unknown("FIL")}/Metadata`, "File", "application"],
        ["GET", `/api/v2/Files/${unknown("FIL")}`, "File", "application"],
        ["GET", `/api/v2/Messages/${unknown("MSG")}`, "Message", "application"],
        ["GET", `/api/v2/Relationships/${unknown("REL")}`, "Relationship", "application"],
        ["PUT", `/api/v2/Relationships/${unknown("REL")}/Terminate`, "Relationship", "application"],
        ["GET", `/api/v2/RelationshipTemplates/${unknown("RLT")}`, "RelationshipTemplate", "application"],
        ["GET", `/api/v2/Challenges/${unknown("CHL")}`, "Challenge", "application"],
        ["GET", `/api/v2/SyncRuns/${unknown("SYR")}`, "SyncRun", "application"],
        ["GET", "/api/v2/Datawallet", "Datawallet", "application"],
        ["DELETE", `/api/v2/Devices/${unknown("DVC")}`, "Device", "application"],
        ["GET", `/api/v2/Identities/Self/DeletionProcesses/${unknown("IDP")}`, "IdentityDeletionProcess", "application"],
        ["PUT", `/api/v2/Identities/Self/DeletionProcesses/${unknown("IDP")}/Cancel`, "IdentityDeletionProcess", "domain"]
    ];

    it.each(cases)("%s %s: 404 recordNotFound naming %s", async (method, path, record, wording) => {
        const response = await t.http[method.toLowerCase() as "get" | "put" | "delete"](path)
            .set("authorization", alice.auth)
            .send(method === "GET" || method === "DELETE" ? undefined : {})
            .expect(404);
        expect(response.body.error.code).toBe("error.platform.recordNotFound");
        expect(response.body.error.message).toBe(wording === "domain" ? `${record} not found` : `${record} ${APPLICATION_WORDING}`);
    });

    it("names the Identity when the peer of CanCreate or the owner of feature flags is unknown or hidden", async () => {
        const valid = "did:e:localhost:dids:00000000000000000000";
        const stranger = valid + createHash("sha256").update(valid).digest("hex").substring(0, 2);
        const canCreate = await t.http
            .get(`/api/v2/Relationships/CanCreate?peer=${encodeURIComponent(stranger)}`)
            .set("authorization", alice.auth)
            .expect(404);
        expect(canCreate.body.error.message).toBe(`Identity ${APPLICATION_WORDING}`);
        const flags = await t.http
            .get(`/api/v2/Identities/${encodeURIComponent(bob.address)}/FeatureFlags`)
            .set("authorization", alice.auth)
            .expect(404);
        expect(flags.body.error.message).toBe(`Identity ${APPLICATION_WORDING}`);
    });

    it("answers a wrong token password with 'Token not found', as the official client expects", async () => {
        const created = await t.http
            .post("/api/v2/Tokens")
            .set("authorization", alice.auth)
            .send({
                content: Buffer.from("cipher").toString("base64url"),
                expiresAt: new Date(t.clock.now().getTime() + 60_000).toISOString(),
                password: Buffer.from("right").toString("base64")
            })
            .expect(201);
        const response = await t.http
            .get(`/api/v2/Tokens/${created.body.result.id}?password=${encodeURIComponent(Buffer.from("wrong").toString("base64"))}`)
            .set("authorization", bob.auth)
            .expect(404);
        expect(response.body.error.message).toBe(`Token ${APPLICATION_WORDING}`);
    });
});
