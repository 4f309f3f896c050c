import { applyDecorators, SetMetadata, UseGuards } from "@nestjs/common";
import { ApiResponse } from "@nestjs/swagger";
import { RATE_LIMIT_BUDGET, type RateLimitBudget } from "./rate-limit.constants";
import { RateLimitGuard } from "./rate-limit.guard";

/**
 * Limits a route per client IP to the budget's number of requests per RATE_LIMIT_WINDOW_SECONDS, counted in the
 * configured shared storage; past the budget the route answers 429 `error.platform.tooManyRequests` with Retry-After.
 * Meant for anonymous routes; for routes that are anonymous only sometimes, authenticated requests are counted too.
 */
export function AnonymousRateLimit(budget: RateLimitBudget): MethodDecorator & ClassDecorator {
    return applyDecorators(
        SetMetadata(RATE_LIMIT_BUDGET, budget),
        UseGuards(RateLimitGuard),
        ApiResponse({ status: 429, description: "Too many requests from this client address; retry after the `Retry-After` seconds." })
    );
}
