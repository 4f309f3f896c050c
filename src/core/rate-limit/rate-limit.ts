import { applyDecorators, SetMetadata, UseGuards } from "@nestjs/common";
import { ApiResponse } from "@nestjs/swagger";

import { RATE_LIMIT_BUDGET, RATE_LIMIT_EXEMPTS_AUTHENTICATED, type RateLimitBudget } from "./rate-limit.constants";
import { RateLimitGuard } from "./rate-limit.guard";

export interface RateLimitOptions {
    /**
     * For routes that are anonymous only sometimes: `true` leaves requests with a valid bearer token out (they are
     * identifiable and limited by quotas instead); by default they are counted too.
     */
    exemptAuthenticated?: boolean;
}

/**
 * Limits a route per client IP to the budget's number of requests per RATE_LIMIT_WINDOW_SECONDS, counted in the
 * configured shared storage; past the budget the route answers 429 `error.platform.tooManyRequests` with Retry-After.
 * Meant for anonymous routes; see RateLimitOptions for routes that are anonymous only sometimes.
 */
export function AnonymousRateLimit(budget: RateLimitBudget, options: RateLimitOptions = {}): MethodDecorator & ClassDecorator {
    return applyDecorators(
        SetMetadata(RATE_LIMIT_BUDGET, budget),
        SetMetadata(RATE_LIMIT_EXEMPTS_AUTHENTICATED, options.exemptAuthenticated === true),
        UseGuards(RateLimitGuard),
        ApiResponse({ status: 429, description: "Too many requests from this client address; retry after the `Retry-After` seconds." })
    );
}
