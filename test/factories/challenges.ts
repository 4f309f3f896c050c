import { Challenge, CHALLENGE_LIFETIME_MS } from "../../src/modules/challenges/challenge.entity";
import type { TestIdentity } from "../support/identities";
import type { TestApp } from "../support/test-app";

/** A challenge in memory, as `Challenge.create` makes it: anonymous unless `createdBy` is given, created at `now`. */
export function aChallenge(overrides: { createdBy?: { address: string; deviceId: string }; now?: Date } = {}): Challenge {
    return Challenge.create({ createdBy: overrides.createdBy, now: overrides.now ?? new Date("2026-01-01T00:00:00.000Z") });
}

/** A challenge created through the Consumer API (by `creator`, anonymously when undefined), as the API answered it. */
export async function aStoredChallenge(
    t: TestApp,
    creator?: TestIdentity
): Promise<{ id: string; expiresAt: string; createdBy: string | null; createdByDevice: string | null }> {
    const request = t.http.post("/api/v2/Challenges").send({});
    if (creator) request.set("authorization", creator.auth);
    return (await request.expect(201)).body.result;
}

export { CHALLENGE_LIFETIME_MS };
