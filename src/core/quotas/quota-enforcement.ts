import { applyDecorators, type CanActivate, type ExecutionContext, Injectable, SetMetadata, UseGuards } from "@nestjs/common";
import { Reflector } from "@nestjs/core";

import type { RequestWithCaller } from "../auth/caller";
import { ApiError, ErrorCode } from "../errors/errors";
import { ApiErrors } from "../http/openapi";

/** A metric whose quota is used up, as the 429 error lists it. */
export interface QuotaExhaustion {
    metricKey: string;
    /** ISO date-time: the end of the period whose quota is used up. */
    isExhaustedUntil: string;
}

/** Tells which of the given metrics an identity has exhausted (provided by the quotas module). */
export interface QuotaChecker {
    exhaustedMetrics(address: string, metricKeys: readonly string[]): Promise<QuotaExhaustion[]>;
}

export function quotaExhausted(exhausted: QuotaExhaustion[]): ApiError {
    return new ApiError(
        ErrorCode.quotaExhausted,
        "You cannot to perform this action because one or more quotas are exhausted.",
        429,
        exhausted
    );
}

/**
 * The place where the quotas module plugs in its checker, so that guards of every module can enforce quotas without
 * depending on it. Without a checker nothing is limited.
 */
@Injectable()
export class QuotaEnforcement {
    private checker: QuotaChecker | undefined;

    use(checker: QuotaChecker): void {
        this.checker = checker;
    }

    /** Throws 429 `error.platform.quotaExhausted` when one of the metrics is exhausted for the identity. */
    async enforce(address: string, metricKeys: readonly string[]): Promise<void> {
        if (!this.checker || metricKeys.length === 0) return;
        const exhausted = await this.checker.exhaustedMetrics(address, metricKeys);
        if (exhausted.length > 0) throw quotaExhausted(exhausted);
    }
}

export const ENFORCED_QUOTA_METRICS = "backbone:enforced-quota-metrics";

/** Checks the quotas of the route's metrics for the authenticated caller; anonymous callers are not limited. */
@Injectable()
export class QuotaGuard implements CanActivate {
    constructor(
        private readonly reflector: Reflector,
        private readonly quotas: QuotaEnforcement
    ) {}

    async canActivate(context: ExecutionContext): Promise<boolean> {
        const metricKeys = this.reflector.get<string[] | undefined>(ENFORCED_QUOTA_METRICS, context.getHandler()) ?? [];
        const caller = context.switchToHttp().getRequest<RequestWithCaller>().caller;
        if (caller) await this.quotas.enforce(caller.address, metricKeys);
        return true;
    }
}

/**
 * Before the route runs, refuses it with 429 `error.platform.quotaExhausted` when the caller's tier has a quota for
 * one of these metrics whose usage in the current period has reached its maximum.
 */
export function EnforceQuota(...metricKeys: string[]): MethodDecorator {
    return applyDecorators(SetMetadata(ENFORCED_QUOTA_METRICS, metricKeys), UseGuards(QuotaGuard), ApiErrors(429));
}
