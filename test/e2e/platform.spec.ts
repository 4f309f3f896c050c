import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { loadConfig } from "../../src/config/config";
import { PlatformService } from "../../src/modules/platform/platform.service";
import { createIdentity } from "../support/identities";
import { startTestApp, type TestApp, useTestApp } from "../support/test-app";

describe("platform endpoints with nothing configured", () => {
    const t = useTestApp();

    it("tells the major version as a string, anonymously", async () => {
        const response = await t.http.get("/api/v2/Version").expect(200);
        expect(response.body).toEqual({ result: { majorVersion: "7" } });
    });

    it("serves default tags with an ETag and answers 304 to a matching If-None-Match", async () => {
        const first = await t.http.get("/api/v2/Tags").expect(200);
        expect(first.body.result).toEqual({ supportedLanguages: ["de", "en"], tagsForAttributeValueTypes: {} });
        const etag = first.headers.etag;
        expect(etag).toMatch(/^"[A-Za-z0-9+/]+=*"$/);
        const cached = await t.http.get("/api/v2/Tags").set("if-none-match", etag).expect(304);
        expect(cached.text).toBe("");
        await t.http.get("/api/v2/Tags").set("if-none-match", '"other"').expect(200);
    });

    it("lists no public template references for a client without configuration, and needs authentication", async () => {
        const identity = await createIdentity(t);
        const response = await t.http.get("/api/poc/PublicRelationshipTemplateReferences").set("authorization", identity.auth).expect(200);
        expect(response.body).toEqual({ result: [] });
        await t.http.get("/api/poc/PublicRelationshipTemplateReferences").expect(401);
    });

    it("answers 404 for app-link files that are not configured", async () => {
        await t.http.get("/.well-known/apple-app-site-association").expect(404);
        await t.http.get("/.well-known/assetlinks.json").expect(404);
    });
});

describe("platform endpoints configured by files and variables", () => {
    let t: TestApp;
    const tags = {
        supportedLanguages: ["de", "en"],
        tagsForAttributeValueTypes: { PhoneNumber: { emergency: { displayNames: { de: "Notfall", en: "Emergency" }, children: {} } } }
    };
    const references = { test: [{ title: "Shop", description: "Our shop", truncatedReference: "cmVm" }] };
    beforeAll(async () => {
        const dir = mkdtempSync(join(tmpdir(), "platform-"));
        writeFileSync(join(dir, "tags.json"), JSON.stringify(tags));
        writeFileSync(join(dir, "references.json"), JSON.stringify(references));
        t = await startTestApp({
            env: {
                TAGS_FILE: join(dir, "tags.json"),
                PUBLIC_RELATIONSHIP_TEMPLATE_REFERENCES_FILE: join(dir, "references.json"),
                WELL_KNOWN_APPLE_APP_IDS: "TEAM.eu.enmeshed.app",
                WELL_KNOWN_ANDROID_PACKAGE: "eu.enmeshed.app",
                WELL_KNOWN_ANDROID_FINGERPRINTS: "AA:BB"
            }
        });
    });
    afterAll(async () => await t.close());

    it("serves the configured tags verbatim", async () => {
        const response = await t.http.get("/api/v2/Tags").expect(200);
        expect(response.body.result).toEqual(tags);
    });

    it("lists the references configured for the caller's OAuth client", async () => {
        const identity = await createIdentity(t);
        const response = await t.http.get("/api/poc/PublicRelationshipTemplateReferences").set("authorization", identity.auth).expect(200);
        expect(response.body.result).toEqual(references.test);
    });

    it("serves the app-link files without envelope", async () => {
        const apple = await t.http.get("/.well-known/apple-app-site-association").expect(200);
        expect(apple.body.applinks.details[0].appIDs).toEqual(["TEAM.eu.enmeshed.app"]);
        const android = await t.http.get("/.well-known/assetlinks.json").expect(200);
        expect(android.body[0].target).toEqual({
            namespace: "android_app",
            package_name: "eu.enmeshed.app",
            sha256_cert_fingerprints: ["AA:BB"]
        });
    });

    it("refuses to start with a tags file that is not valid", async () => {
        const dir = mkdtempSync(join(tmpdir(), "platform-bad-"));
        writeFileSync(join(dir, "tags.json"), "{}");
        expect(() => new PlatformService(loadConfig({ TAGS_FILE: join(dir, "tags.json") }))).toThrow("TAGS_FILE");
    });
});
