import fc from "fast-check";

import { createTemplate, requestFromTemplate } from "../factories/relationships";
import { adminApi } from "../support/admin-api";
import { createIdentity, login, type TestIdentity } from "../support/identities";
import { type TestApp, useTestApp } from "../support/test-app";
import { allOperations } from "./operations";
import { type HostileRequest, hostileRequests } from "./requests";
import { type Answer, send } from "./send";

/**
 * Property-based hostile input over every operation of the committed OpenAPI documents (Consumer API and admin API):
 * prototype keys in queries, JSON and forms, deep nesting, very many values, NUL and other control characters, lone
 * surrogates, huge numbers, wrong types, oversize strings, malformed base64 and ids, malformed multipart, wrong
 * content types, odd headers and malformed HTTP framing; anonymous, with valid and with invalid credentials.
 *
 * It asserts that nothing answers 5xx (or hangs), that a 400 carries an error code, and that afterwards a normal
 * flow still works on the same process. `HOSTILE_RUNS` (default 2500) and `HOSTILE_SEED` choose the run;
 * `npm run test:hostile -- --runs 50000` runs many more.
 */
const RUNS = Number(process.env.HOSTILE_RUNS ?? 2500);
const SEED = process.env.HOSTILE_SEED === undefined ? Date.now() % 2 ** 31 : Number(process.env.HOSTILE_SEED);
const ADMIN_KEY = "hostile-admin-key-0123456789";
/** Requests sent at once in each run. */
const CONCURRENCY = 4;

function prototypeFingerprint(): string {
    return Object.getOwnPropertyNames(Object.prototype)
        .sort()
        .map((name) => {
            const descriptor = Object.getOwnPropertyDescriptor(Object.prototype, name)!;
            return `${name}:${typeof descriptor.value}:${typeof descriptor.get}`;
        })
        .join(",");
}

/** What is wrong with an answer, or undefined when it is acceptable. */
function problemWith(request: HostileRequest, answer: Answer): string | undefined {
    if (answer.status >= 500) return `answered ${answer.status}: ${answer.body.substring(0, 300)}`;
    if (answer.status === 400 && !request.raw && answer.contentType?.startsWith("application/json")) {
        let body: { error?: { code?: unknown } | string };
        try {
            body = JSON.parse(answer.body) as typeof body;
        } catch {
            return "answered 400 with a body that is not JSON";
        }
        const code = typeof body.error === "string" ? body.error : body.error?.code;
        if (typeof code !== "string" || code.length === 0) return "answered 400 without an error code";
    }
    return undefined;
}

function describeRequest(request: HostileRequest): string {
    const body = request.raw ?? request.body;
    const shown = body ? body.subarray(0, 300).toString("latin1") : "";
    return `${request.kind} ${request.method} ${request.target.substring(0, 300)} ${JSON.stringify(request.headers).substring(0, 300)} ${JSON.stringify(shown)}`;
}

describe("hostile input over every operation of the spec", () => {
    const t = useTestApp({ listen: true, env: { ADMIN_API_KEY: ADMIN_KEY, PASSWORD_POLICY: "relaxed" } });
    let ports: Record<"public" | "admin", number>;
    let identities: TestIdentity[];
    let xsrf: { cookie: string; token: string };
    beforeAll(async () => {
        ports = { public: Number(new URL(t.baseUrl!).port), admin: Number(new URL(t.adminBaseUrl!).port) };
        xsrf = (await adminApi(t, ADMIN_KEY)).xsrf;
        identities = [await createIdentity(t), await createIdentity(t), await createIdentity(t)];
    });

    it(
        "never answers 5xx, and a normal flow works on the same process afterwards",
        async () => {
            const fingerprint = prototypeFingerprint();
            const operations = allOperations();
            expect(operations.length).toBeGreaterThan(80);
            const credentials = { bearerTokens: identities.map((i) => i.token), apiKey: ADMIN_KEY, xsrf };
            const arbitrary = fc.oneof(...operations.map((operation) => hostileRequests(operation, credentials)));

            const statuses = new Map<string, number>();
            const kinds = new Map<string, number>();
            const covered = new Set<string>();
            let cases = 0;
            const started = Date.now();
            // Each run sends a few requests at once: the process is also hit concurrently, and a run takes less time.
            const result = await fc.check(
                fc.asyncProperty(fc.array(arbitrary, { minLength: CONCURRENCY, maxLength: CONCURRENCY }), async (requests) => {
                    await Promise.all(
                        requests.map(async (request) => {
                            cases++;
                            covered.add(request.operation);
                            kinds.set(request.kind, (kinds.get(request.kind) ?? 0) + 1);
                            const answer = await send(ports[request.listener], request);
                            const status = answer.status === 0 ? "closed" : String(answer.status);
                            statuses.set(status, (statuses.get(status) ?? 0) + 1);
                            const problem = problemWith(request, answer);
                            if (problem) throw new Error(`${problem}\n  request: ${describeRequest(request)}`);
                        })
                    );
                }),
                { numRuns: Math.ceil(RUNS / CONCURRENCY), seed: SEED, endOnFailure: true }
            );

            // Process integrity: the same process serves a whole normal flow, and Object.prototype is untouched.
            let integrity = "passed";
            try {
                await normalFlow(t);
                expect(prototypeFingerprint()).toBe(fingerprint);
                await t.http.get("/health/ready").expect(200);
            } catch (error) {
                integrity = `FAILED: ${error instanceof Error ? error.message : String(error)}`;
            }

            const byStatus = [...statuses].sort(([a], [b]) => a.localeCompare(b)).map(([status, count]) => `${status}: ${count}`);
            const byKind = [...kinds].sort(([, a], [, b]) => b - a).map(([kind, count]) => `${kind}: ${count}`);
            process.stdout.write(
                [
                    "",
                    "Hostile input summary",
                    `  seed ${SEED}, ${cases} cases run (${RUNS} asked) in ${Math.round((Date.now() - started) / 1000)} s`,
                    `  operations covered: ${covered.size} of ${operations.length}`,
                    `  statuses: ${byStatus.join(", ")}`,
                    `  kinds: ${byKind.join(", ")}`,
                    `  result: ${result.failed ? "FAILED" : "no 5xx, every 400 with a code"}`,
                    `  process integrity (identity, login, token, relationship, message after the run): ${integrity}`,
                    ""
                ].join("\n")
            );

            if (result.failed) {
                throw new Error(`hostile case failed (seed ${SEED}, path ${result.counterexamplePath}): ${String(result.errorInstance)}`);
            }
            expect(integrity).toBe("passed");
            expect([...covered].sort()).toEqual(operations.map((o) => o.name).sort());
        },
        Math.max(120_000, RUNS * 100)
    );
});

/** A normal flow through the same process: identities, login, a token, a relationship and a message. */
async function normalFlow(t: TestApp): Promise<void> {
    const [sender, recipient] = [await createIdentity(t), await createIdentity(t)];
    await login(t, sender.username, sender.password);
    await t.http
        .post("/api/v2/Tokens")
        .set("authorization", sender.auth)
        .send({ content: Buffer.from("token content").toString("base64url"), expiresAt: "2099-01-01T00:00:00.000Z" })
        .expect(201);
    const templateId = await createTemplate(t, recipient);
    const relationship = await requestFromTemplate(t, sender, templateId, 201);
    await t.http
        .put(`/api/v2/Relationships/${relationship.body.result.id}/Accept`)
        .set("authorization", recipient.auth)
        .send({})
        .expect(200);
    const message = await t.http
        .post("/api/v2/Messages")
        .set("authorization", sender.auth)
        .send({
            recipients: [{ address: recipient.address, encryptedKey: Buffer.alloc(64, 1).toString("base64url") }],
            body: Buffer.from("hello").toString("base64url")
        })
        .expect(201);
    const received = await t.http.get(`/api/v2/Messages/${message.body.result.id}`).set("authorization", recipient.auth).expect(200);
    if (received.body.result.body !== Buffer.from("hello").toString("base64url")) throw new Error("the message came back changed");
}
