import { IdentityDeletionService } from "../../src/modules/devices/identity-deletion.service";
import { createIdentity, STRONG_PASSWORD, type TestIdentity } from "../support/identities";
import type { TestApp } from "../support/test-app";

/**
 * An identity created through the Consumer API (challenge signed with a fresh Ed25519 key, first device, logged in):
 * its address, device, credentials and a bearer `auth` header value.
 */
export async function anIdentity(t: TestApp, options: { password?: string } = {}): Promise<TestIdentity> {
    return await createIdentity(t, options.password ?? STRONG_PASSWORD);
}

/** `count` identities, created one after the other. */
export async function identities(t: TestApp, count: number): Promise<TestIdentity[]> {
    const created: TestIdentity[] = [];
    for (let i = 0; i < count; i++) created.push(await anIdentity(t));
    return created;
}

/**
 * Deletes an identity at once, as its owner would: a deletion process without grace period, then the deletion job
 * (the test clock a second later, and back). Returns the id of the deletion process.
 */
export async function anIdentityDeletedNow(t: TestApp, identity: TestIdentity): Promise<string> {
    const process = await t.http
        .post("/api/v2/Identities/Self/DeletionProcesses")
        .set("authorization", identity.auth)
        .send({ lengthOfGracePeriodInDays: 0 })
        .expect(201);
    t.clock.advance(1000);
    try {
        expect(await t.app.get(IdentityDeletionService).deleteDueIdentities()).toBe(1);
    } finally {
        t.clock.set(new Date());
    }
    return process.body.result.id as string;
}
