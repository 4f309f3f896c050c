import { Token } from "../../src/modules/tokens/token.entity";
import type { TestIdentity } from "../support/identities";
import type { TestApp } from "../support/test-app";

const DAY = 24 * 60 * 60 * 1000;
export const A_CREATOR = { address: "did:e:localhost:dids:aaaaaaaaaaaaaaaaaaaaaa", deviceId: "DVCaaaaaaaaaaaaaaaaa" };

/**
 * A token in memory, as `Token.create` makes it: created by A_CREATOR (or anonymously with `createdBy: undefined`)
 * with some content, expiring a day after `now`, neither personalised nor password-protected unless told.
 */
export function aToken(overrides: Partial<Parameters<typeof Token.create>[0]> & { failedPasswordAttempts?: number } = {}): Token {
    const now = overrides.now ?? new Date("2026-01-01T00:00:00.000Z");
    const { failedPasswordAttempts, ...input } = overrides;
    const token = Token.create({
        createdBy: "createdBy" in overrides ? overrides.createdBy : A_CREATOR,
        content: "content" in overrides ? (input.content ?? null) : Buffer.from("encrypted token content"),
        expiresAt: input.expiresAt ?? new Date(now.getTime() + DAY),
        forIdentity: input.forIdentity ?? null,
        password: input.password ?? null,
        now
    });
    if (failedPasswordAttempts !== undefined) token.failedPasswordAttempts = failedPasswordAttempts;
    return token;
}

/** The JSON body of `POST /Tokens`: some content, expiring a day after the test clock's now, plus the overrides. */
export function aTokenRequest(t: TestApp, overrides: Record<string, unknown> = {}): Record<string, unknown> {
    return {
        content: Buffer.from("encrypted token content").toString("base64url"),
        expiresAt: new Date(t.clock.now().getTime() + DAY).toISOString(),
        ...overrides
    };
}

/** A token created through the Consumer API by `creator` (anonymously when undefined); returns its id. */
export async function aStoredToken(
    t: TestApp,
    creator: TestIdentity | undefined,
    overrides: Record<string, unknown> = {}
): Promise<string> {
    const request = t.http.post("/api/v2/Tokens").send(aTokenRequest(t, overrides));
    if (creator) request.set("authorization", creator.auth);
    const response = await request.expect(201);
    return response.body.result.id as string;
}
