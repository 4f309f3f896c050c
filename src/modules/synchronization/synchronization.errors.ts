import { ApiError } from "../../core/errors/errors";

const syncRun = "error.platform.validation.syncRun.";
const datawallet = "error.platform.validation.datawallet.";

export const SynchronizationErrors = {
    cannotStartSyncRunWhenAnotherSyncRunIsRunning: (runningId?: string) =>
        new ApiError(
            `${syncRun}cannotStartSyncRunWhenAnotherSyncRunIsRunning`,
            runningId ? `Another sync run (${runningId}) is currently running.` : "Another sync run is currently running."
        ),
    cannotStartSyncRunWhileIdentityIsToBeDeleted: () =>
        new ApiError(
            `${syncRun}cannotStartSyncRunWhileIdentityIsToBeDeleted`,
            "A sync run cannot be started while the identity is to be deleted."
        ),
    syncRunAlreadyFinalized: () => new ApiError(`${syncRun}syncRunAlreadyFinalized`, "The sync run is already finalized."),
    cannotFinalizeSyncRunStartedByAnotherDevice: () =>
        new ApiError(`${syncRun}cannotFinalizeSyncRunStartedByAnotherDevice`, "The sync run was started by another device."),
    cannotRefreshExpirationTimeOfSyncRunStartedByAnotherDevice: () =>
        new ApiError(`${syncRun}cannotRefreshExpirationTimeOfSyncRunStartedByAnotherDevice`, "The sync run was started by another device."),
    cannotReadExternalEventsOfASyncRunStartedByAnotherDevice: () =>
        new ApiError(`${syncRun}cannotReadExternalEventsOfASyncRunStartedByAnotherDevice`, "The sync run was started by another device."),
    unexpectedSyncRunType: (expected: string) =>
        new ApiError(`${syncRun}unexpectedSyncRunType`, `The sync run is not of type ${expected}.`),
    datawalletNotUpToDate: (localIndex: number | null | undefined, latest: number | null) =>
        new ApiError(
            `${datawallet}datawalletNotUpToDate`,
            `The sent localIndex (${localIndex ?? "null"}) does not match the index of the latest modification (${latest ?? "null"}).`
        ),
    cannotPushDatawalletModificationsDuringActiveSyncRun: () =>
        new ApiError(
            `${datawallet}cannotPushDatawalletModificationsDuringActiveSyncRun`,
            "Datawallet modifications cannot be pushed while a sync run is active."
        ),
    insufficientSupportedDatawalletVersion: (supported: number, version: number) =>
        new ApiError(
            `${datawallet}insufficientSupportedDatawalletVersion`,
            `The supported datawallet version (${supported}) is lower than the datawallet's version (${version}).`
        ),
    cannotDowngrade: (current: number, requested: number) =>
        new ApiError(
            "error.platform.datawallet.cannotDowngrade",
            `The datawallet cannot be downgraded from version ${current} to ${requested}.`
        ),
    datawalletVersionOfModificationTooHigh: (version: number) =>
        new ApiError(
            "error.platform.datawallet.datawalletVersionOfModificationTooHigh",
            `The datawallet version of a modification must not be higher than the datawallet's version (${version}).`
        )
};
