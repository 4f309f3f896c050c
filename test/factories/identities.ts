import { Device, type NewDevice } from "../../src/modules/devices/device.entity";
import { type DeletionInitiator, IdentityDeletionProcess } from "../../src/modules/identities/deletion-process.entity";
import { Identity, type NewIdentity } from "../../src/modules/identities/identity.entity";
import { IdentityDeletionService } from "../../src/modules/identities/identity-deletion.service";
import { createIdentity, STRONG_PASSWORD, type TestIdentity } from "../support/identities";
import type { TestApp } from "../support/test-app";
import type { Body } from "./relationships";

export const AN_ADDRESS = "did:e:localhost:dids:aaaaaaaaaaaaaaaaaaaaaa";
const JANUARY_FIRST = new Date("2026-01-01T00:00:00.000Z");

/** An identity in memory, as `Identity.create` makes it: active, of client "test-client" in tier "TIRbasic", created at `now`. */
export function anIdentityEntity(overrides: Partial<NewIdentity> = {}): Identity {
    return Identity.create({
        address: AN_ADDRESS,
        clientId: "test-client",
        publicKey: Buffer.from('{"pub":"key","alg":1}'),
        identityVersion: 1,
        tierId: "TIRbasic",
        now: JANUARY_FIRST,
        ...overrides
    });
}

/** A deletion process in memory, as `IdentityDeletionProcess.start` makes it: started by a device of AN_ADDRESS, 14 days of grace. */
export function aDeletionProcess(overrides: Partial<Parameters<typeof IdentityDeletionProcess.start>[0]> = {}): IdentityDeletionProcess {
    const initiator: DeletionInitiator = { kind: "owner", deviceId: "DVCaaaaaaaaaaaaaaaaa" };
    return IdentityDeletionProcess.start({
        identityAddress: AN_ADDRESS,
        previousTierId: "TIRbasic",
        initiator,
        lengthOfGracePeriodInDays: 14,
        now: JANUARY_FIRST,
        ...overrides
    });
}

/** A device in memory, as `Device.create` makes it: the first device of AN_ADDRESS, never logged in, language "en". */
export function aDevice(overrides: Partial<NewDevice> = {}): Device {
    return Device.create({
        identityAddress: AN_ADDRESS,
        passwordHash: "a password hash",
        communicationLanguage: "en",
        isBackupDevice: false,
        now: JANUARY_FIRST,
        ...overrides
    });
}

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
 * An identity with a started deletion process, started by its owner through the Consumer API with a grace period of
 * `lengthOfGracePeriodInDays` (the default of 14 days when not given). Returns the process as the API answers it.
 */
export async function aStartedDeletionProcess(t: TestApp, identity: TestIdentity, lengthOfGracePeriodInDays?: number): Promise<Body> {
    const response = await t.http
        .post("/api/v2/Identities/Self/DeletionProcesses")
        .set("authorization", identity.auth)
        .send(lengthOfGracePeriodInDays === undefined ? {} : { lengthOfGracePeriodInDays })
        .expect(201);
    return response.body.result;
}

/**
 * Deleted identities: a deletion process without grace period for each, then the deletion job with the test clock a
 * second later (left there; the caller sets it back). Returns how many identities the job deleted.
 */
export async function deletedIdentities(t: TestApp, ...identities: TestIdentity[]): Promise<number> {
    for (const identity of identities) await aStartedDeletionProcess(t, identity, 0);
    t.clock.advance(1000);
    return await t.app.get(IdentityDeletionService).deleteDueIdentities();
}

/**
 * A deleted identity: deleted at once, as its owner would (a deletion process without grace period, then the deletion
 * job; the test clock a second later, and back). Returns the id of the deletion process.
 */
export async function anIdentityDeletedNow(t: TestApp, identity: TestIdentity): Promise<string> {
    const process = await aStartedDeletionProcess(t, identity, 0);
    t.clock.advance(1000);
    try {
        expect(await t.app.get(IdentityDeletionService).deleteDueIdentities()).toBe(1);
    } finally {
        t.clock.set(new Date());
    }
    return process.id as string;
}
