import { Datawallet, type NewDatawalletModification } from "../../src/modules/synchronization/datawallet.entity";
import { type NewSyncRun, SyncRun } from "../../src/modules/synchronization/sync-run.entity";
import { SyncRunType } from "../../src/modules/synchronization/synchronization.events";

export const A_SYNCING_DEVICE = { address: "did:e:localhost:dids:aaaaaaaaaaaaaaaaaaaaaa", deviceId: "DVCaaaaaaaaaaaaaaaaa" };
export const SYNC_NOW = new Date("2026-01-01T00:00:00.000Z");

/**
 * A sync run in memory, as `SyncRun.start` makes it: an ExternalEventSync run of A_SYNCING_DEVICE, the identity's
 * first (no previous run), started at SYNC_NOW for the default duration, with `eventCount` events (0 unless told).
 */
export function aSyncRun(overrides: Partial<NewSyncRun> & { eventCount?: number } = {}): SyncRun {
    const { eventCount, ...input } = overrides;
    const run = SyncRun.start({
        type: input.type ?? SyncRunType.ExternalEventSync,
        createdBy: input.createdBy ?? A_SYNCING_DEVICE,
        previous: input.previous ?? null,
        durationSeconds: input.durationSeconds,
        now: input.now ?? SYNC_NOW
    });
    if (eventCount !== undefined) run.eventCount = eventCount;
    return run;
}

/** A datawallet of A_SYNCING_DEVICE's identity in memory at `version` (1 unless told), with `modifications` so far. */
export function aDatawallet(options: { version?: number; modifications?: number } = {}): Datawallet {
    const datawallet = Datawallet.create(A_SYNCING_DEVICE.address, options.version ?? 1, SYNC_NOW);
    datawallet.nextIndex = options.modifications ?? 0;
    return datawallet;
}

/** A modification as a device pushes it: a Create of an attribute's content at datawallet version 1, plus the overrides. */
export function aModification(overrides: Partial<NewDatawalletModification> = {}): NewDatawalletModification {
    return {
        type: "Create",
        objectIdentifier: "ATTaaaaaaaaaaaaaaaaa",
        collection: "Attributes",
        payloadCategory: "Content",
        encryptedPayload: Buffer.from("encrypted attribute"),
        datawalletVersion: 1,
        ...overrides
    };
}
