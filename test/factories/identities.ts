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
