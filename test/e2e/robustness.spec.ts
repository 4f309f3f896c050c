import { createIdentity, type TestIdentity } from "../support/identities";
import { committedSpec, OPERATION_METHODS } from "../support/openapi";
import { useTestApp } from "../support/test-app";

interface Operation {
    method: string;
    path: string;
    hasJsonBody: boolean;
}

const spec = committedSpec<{
    paths: Record<string, Record<string, { requestBody?: { content?: Record<string, unknown> } }>>;
}>("consumer-api");

/** Every operation of the committed Consumer API spec, except the event stream (it never ends). */
const operations: Operation[] = Object.entries(spec.paths).flatMap(([path, item]) =>
    Object.entries(item)
        .filter(([method]) => OPERATION_METHODS.includes(method))
        .filter(() => !path.endsWith("/sse"))
        .map(([method, operation]) => ({ method, path, hasJsonBody: Boolean(operation.requestBody?.content?.["application/json"]) }))
);

/** Fills path parameters with values that are malformed, or well-formed but unknown. */
function concretePath(path: string, value: string): string {
    return path.replace(/\{[^}]+\}/g, value);
}

const WRONG_BODIES: Array<[string, string]> = [
    ["malformed JSON", '{"a":'],
    ["a JSON array", "[1,2]"],
    ["a JSON string", '"text"'],
    ["null", "null"],
    [
        "wrong types everywhere",
        JSON.stringify({
            content: 5,
            expiresAt: "soon",
            recipients: "x",
            body: 7,
            ids: { a: 1 },
            password: [],
            type: 3,
            modifications: "x",
            externalEventResults: 1,
            relationshipTemplateId: 5,
            communicationLanguage: 5,
            platform: 1,
            handle: 2,
            newDatawalletVersion: "x",
            localIndex: "x",
            signedChallenge: 1,
            code: 3,
            lengthOfGracePeriodInDays: "x",
            ownershipToken: 9,
            newContent: 1,
            attachments: 1,
            creationContent: 5,
            creationResponseContent: 5,
            maxNumberOfAllocations: "x",
            forIdentity: 1
        })
    ]
];

describe("no input makes the Backbone answer 500", () => {
    const t = useTestApp();
    let identity: TestIdentity;
    beforeAll(async () => {
        identity = await createIdentity(t);
    });

    it("covers the whole spec", () => {
        expect(operations.length).toBeGreaterThan(50);
    });

    it.each(operations.map((o) => [`${o.method.toUpperCase()} ${o.path}`, o] as const))("%s", async (_name, operation) => {
        const statuses: number[] = [];
        for (const pathValue of ["!!bad!!", "AAAaaaaaaaaaaaaaaaaa", "did:e:localhost:dids:0000000000000000000000"]) {
            const url = `${concretePath(operation.path, encodeURIComponent(pathValue))}?pageSize=abc&ids=%%%&templates.0.id=x&localIndex=zz&peer=x&username=x&language=xx`;
            const method = operation.method as "get" | "post" | "put" | "patch" | "delete";
            const bodies: Array<string | undefined> = operation.hasJsonBody ? WRONG_BODIES.map(([, body]) => body) : [undefined];
            for (const body of bodies) {
                const request = t.http[method](url).set("authorization", identity.auth).set("x-supported-datawallet-version", "1");
                const response = body === undefined ? await request : await request.set("content-type", "application/json").send(body);
                statuses.push(response.status);
                if (response.status >= 400 && response.status !== 401 && response.status !== 404 && response.status !== 405) {
                    // Errors carry a code: the platform envelope, or the OAuth error of the token endpoint.
                    const code = operation.path === "/connect/token" ? response.body?.error : response.body?.error?.code;
                    expect(typeof code).toBe("string");
                }
            }
        }
        expect(statuses.filter((s) => s >= 500)).toEqual([]);
    });
});
