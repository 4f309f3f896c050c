import { ApiError } from "../../core/errors/errors";

const syncRun = "error.platform.validation.syncRun.";
const datawallet = "error.platform.validation.datawallet.";

/** Worded as the official Backbone words them. */
export const SynchronizationErrors = {
    cannotStartSyncRunWhenAnotherSyncRunIsRunning: (runningId?: string) =>
        new ApiError(
            `${syncRun}cannotStartSyncRunWhenAnotherSyncRunIsRunning`,
            `Another sync run is currently active${runningId ? ` (ID: ${runningId})` : ""}. There can only be one active sync run at a time. Try again in a few seconds.`
        ),
    cannotStartSyncRunWhileIdentityIsToBeDeleted: () =>
        new ApiError(
            `${syncRun}cannotStartSyncRunWhileIdentityIsToBeDeleted`,
            "A sync run cannot be started while the identity is to be deleted."
        ),
    syncRunAlreadyFinalized: () => new ApiError(`${syncRun}syncRunAlreadyFinalized`, "This sync run is already finalized."),
    cannotFinalizeSyncRunStartedByAnotherDevice: () =>
        new ApiError(
            `${syncRun}cannotFinalizeSyncRunStartedByAnotherDevice`,
            "This sync was started by another device. You can only finalize a sync run with the device it was started from."
        ),
    cannotRefreshExpirationTimeOfSyncRunStartedByAnotherDevice: () =>
        new ApiError(
            `${syncRun}cannotRefreshExpirationTimeOfSyncRunStartedByAnotherDevice`,
            "This sync was started by another device. You can only extend the expiration time of a sync run with the device it was started from."
        ),
    cannotReadExternalEventsOfASyncRunStartedByAnotherDevice: () =>
        new ApiError(
            `${syncRun}cannotReadExternalEventsOfASyncRunStartedByAnotherDevice`,
            "This sync was started by another device. Only that device can read the corresponding external events."
        ),
    unexpectedSyncRunType: (expected: string) =>
        new ApiError(`${syncRun}unexpectedSyncRunType`, `The current operation only supports sync runs of type '${expected}'.`),
    /** The official text, including its space before the period. */
    datawalletNotUpToDate: (localIndex: number | null | undefined, latest: number | null) =>
        new ApiError(
            `${datawallet}datawalletNotUpToDate`,
            `The sent localIndex '${localIndex ?? "null"}' does not match the index of the latest modification ('${latest ?? "null"}') . This probably means that your local datawallet is not up to date. Make sure you applied all modifications from the backbone before pushing a new modification.`
        ),
    cannotPushDatawalletModificationsDuringActiveSyncRun: () =>
        new ApiError(
            `${datawallet}cannotPushDatawalletModificationsDuringActiveSyncRun`,
            "There is an active sync run. In order to avoid conflicts it is not allowed to push new modifications while a sync run is active. Try again in a few seconds."
        ),
    insufficientSupportedDatawalletVersion: () =>
        new ApiError(
            `${datawallet}insufficientSupportedDatawalletVersion`,
            "The supported datawallet version sent with the request is lower than the actual version of the datawallet."
        ),
    cannotDowngrade: (current: number, requested: number) =>
        new ApiError(
            "error.platform.datawallet.cannotDowngrade",
            `You cannot upgrade from version '${current}' to '${requested}', because it is not possible to upgrade to lower versions.`
        ),
    datawalletVersionOfModificationTooHigh: (datawalletVersion: number, modificationVersion: number) =>
        new ApiError(
            "error.platform.datawallet.datawalletVersionOfModificationTooHigh",
            `Cannot add modifications with DatawalletVersion '${modificationVersion}', because the datawallet only has version '${datawalletVersion}'.`
        )
};
