import { ApiError, ErrorCode } from "../../core/errors/errors";
import { QUOTA_METRIC_KEYS } from "./quotas.events";

/** The errors of tiers and quotas, with the official codes and messages. */
export const QuotasErrors = {
    unsupportedMetricKey: () =>
        new ApiError(
            "error.platform.quotas.unsupportedMetricKey",
            `The given metric key is not supported. The supported metric keys are: [${QUOTA_METRIC_KEYS.join(", ")}].`
        ),
    maxBelowZero: () =>
        new ApiError("error.platform.quotas.invalidValueForMaxLimitInQuota", "A quota max value cannot be lower than zero."),
    maxNotPositive: () => new ApiError(ErrorCode.invalidPropertyValue, "'max': must be greater than 0."),
    duplicateQuota: () =>
        new ApiError("error.platform.quotas.duplicateQuota", "A quota targeting the same metric and period already exists."),
    queuedForDeletionTierQuotas: () =>
        new ApiError(
            "error.platform.quotas.cannotCreateOrDeleteQuotaOnQueuedForDeletionTier",
            "Quotas cannot be manually managed for the 'Queued for Deletion' tier."
        ),
    tierNameAlreadyExists: () =>
        new ApiError(
            "error.platform.validation.device.tierNameAlreadyExists",
            "A tier with the given tier name already exists. Try a different tier name."
        ),
    usedTierCannotBeDeleted: (reason: string) => new ApiError("error.platform.validation.device.usedTierCannotBeDeleted", reason),
    queuedForDeletionTierCannotBeDeleted: () =>
        new ApiError(
            "error.platform.validation.device.queuedForDeletionTierCannotBeDeleted",
            "The 'Queued for Deletion' Tier cannot be deleted."
        )
};
