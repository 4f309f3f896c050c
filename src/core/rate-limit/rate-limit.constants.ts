import type { BackboneConfig } from "../../config/config";

/** The rate-limit budgets of the anonymous endpoints; each is a number of requests per client IP and window. */
export const RATE_LIMIT_BUDGETS = {
    challenges: "RATE_LIMIT_CHALLENGES",
    identities: "RATE_LIMIT_IDENTITIES",
    connectToken: "RATE_LIMIT_CONNECT_TOKEN",
    tokens: "RATE_LIMIT_TOKENS"
} as const satisfies Record<string, keyof BackboneConfig>;
export type RateLimitBudget = keyof typeof RATE_LIMIT_BUDGETS;

export const RATE_LIMIT_BUDGET = "backbone:rate-limit-budget";
export const RATE_LIMIT_EXEMPTS_AUTHENTICATED = "backbone:rate-limit-exempts-authenticated";
