import { BYTES_INPUT_PATTERN } from "../../src/core/http/openapi";
import { expectError } from "../support/errors";
import { createIdentity, type TestIdentity } from "../support/identities";
import { committedSpec } from "../support/openapi";
import { TEST_CLIENT, useTestApp } from "../support/test-app";

interface Schema {
    $ref?: string;
    type?: string;
    format?: string;
    pattern?: string;
    properties?: Record<string, Schema>;
    items?: Schema;
}

interface Operation {
    operationId: string;
    responses: Record<string, { content?: Record<string, { schema: Schema }> }>;
}

const spec = committedSpec<{
    paths: Record<string, Record<string, Operation>>;
    components: { schemas: Record<string, Schema> };
}>("consumer-api");

const operations = Object.values(spec.paths).flatMap((item) => Object.values(item));

describe("the committed spec as generators read it", () => {
    it("names every JSON response body, so that generated clients name their types after the content", () => {
        const inline = operations.flatMap((operation) =>
            Object.entries(operation.responses).flatMap(([status, response]) =>
                Object.entries(response.content ?? {})
                    .filter(([type, media]) => type !== "application/octet-stream" && media.schema.$ref === undefined)
                    .map(([type]) => `${operation.operationId} ${status} ${type}`)
            )
        );
        expect(inline).toEqual([]);
        expect(spec.components.schemas.TokenResult!.properties!.result!.$ref).toBe("#/components/schemas/TokenDto");
        expect(spec.components.schemas.TokenPage!.properties!.pagination!.$ref).toBe("#/components/schemas/PaginationDto");
    });

    it("declares error responses of a binary download as JSON", () => {
        const download = spec.paths["/api/v2/Files/{id}"]!.get!;
        expect(Object.keys(download.responses["200"]!.content!)).toEqual(["application/octet-stream"]);
        expect(Object.keys(download.responses["404"]!.content!)).toEqual(["application/json"]);
    });

    it("declares byte fields as base64url strings, never as format byte", () => {
        const text = JSON.stringify(spec);
        expect(text).not.toContain('"format":"byte"');
        const content = spec.components.schemas.TokenDto!.properties!.content!;
        expect(content).toMatchObject({ type: "string", format: "base64url", pattern: "^[A-Za-z0-9_-]*$" });
        const input = spec.components.schemas.CreateTokenRequest!.properties!.content!;
        expect(input).toMatchObject({ type: "string", format: "base64url", pattern: BYTES_INPUT_PATTERN });
    });
});

describe("the wire where the spec fuzzer found it differing from the spec", () => {
    const t = useTestApp();
    let identity: TestIdentity;
    beforeAll(async () => {
        identity = await createIdentity(t);
    });

    it("answers an overlong path parameter with the documented 400, not the router's 414", async () => {
        await expectError(
            t.http.get(`/api/v2/Tokens/TOK${"a".repeat(2000)}`).set("authorization", identity.auth),
            400,
            "error.platform.validation.invalidPropertyValue"
        );
        const address = await t.http
            .get(`/api/v2/Identities/${"x".repeat(500)}/FeatureFlags`)
            .set("authorization", identity.auth)
            .expect(400);
        expect(address.body.error.code).toEqual(expect.any(String));
    });

    it("refuses a page number beyond 32 bits with a 400 instead of failing in the database", async () => {
        const response = await t.http
            .get("/api/v2/Tokens?ids=TOKaaaaaaaaaaaaaaaaa&pageNumber=10000000000000000000")
            .set("authorization", identity.auth)
            .expect(400);
        expect(response.body.error.code).toEqual(expect.any(String));
        await t.http.get("/api/v2/Tokens?ids=TOKaaaaaaaaaaaaaaaaa&pageNumber=2147483647").set("authorization", identity.auth).expect(200);
    });

    it("answers a token request it cannot parse as OAuth invalid_request, not with the platform envelope", async () => {
        const response = await t.http
            .post("/connect/token")
            .set("content-type", "application/x-www-form-urlencoded")
            .send(`grant_type=password&client_id=${TEST_CLIENT.id}&client_secret=${TEST_CLIENT.secret}&username=a%00b&password=b`)
            .expect(400);
        expect(response.body).toEqual({ error: "invalid_request", error_description: expect.any(String) });
    });
});
