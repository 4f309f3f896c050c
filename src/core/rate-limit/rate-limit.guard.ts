import { type ExecutionContext, Inject, Injectable } from "@nestjs/common";
import { Reflector } from "@nestjs/core";
import {
    InjectThrottlerOptions,
    InjectThrottlerStorage,
    ThrottlerGuard,
    type ThrottlerModuleOptions,
    type ThrottlerRequest,
    type ThrottlerStorage
} from "@nestjs/throttler";

import { BACKBONE_CONFIG, type BackboneConfig } from "../../config/config";
import type { RequestWithCaller } from "../auth/caller";
import { RATE_LIMIT_BUDGET, RATE_LIMIT_BUDGETS, RATE_LIMIT_EXEMPTS_AUTHENTICATED, type RateLimitBudget } from "./rate-limit.constants";

/** The throttler guard with budgets and window from the configuration, keyed by client IP per route. */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
    constructor(
        @InjectThrottlerOptions() options: ThrottlerModuleOptions,
        @InjectThrottlerStorage() storage: ThrottlerStorage,
        reflector: Reflector,
        @Inject(BACKBONE_CONFIG) private readonly config: BackboneConfig
    ) {
        super(options, storage, reflector);
    }

    protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
        if (!this.config.RATE_LIMIT_ENABLED || this.budgetOf(context) === undefined) return true;
        // The global bearer guard has run before: `caller` is set only for a valid token.
        const exemptsAuthenticated = this.reflector.getAllAndOverride<boolean | undefined>(RATE_LIMIT_EXEMPTS_AUTHENTICATED, [
            context.getHandler(),
            context.getClass()
        ]);
        return exemptsAuthenticated === true && context.switchToHttp().getRequest<RequestWithCaller>().caller !== undefined;
    }

    protected override async handleRequest(request: ThrottlerRequest): Promise<boolean> {
        const budget = this.budgetOf(request.context)!;
        const ttl = this.config.RATE_LIMIT_WINDOW_SECONDS * 1000;
        return await super.handleRequest({ ...request, limit: this.config[RATE_LIMIT_BUDGETS[budget]], ttl, blockDuration: ttl });
    }

    private budgetOf(context: ExecutionContext): RateLimitBudget | undefined {
        return this.reflector.getAllAndOverride<RateLimitBudget | undefined>(RATE_LIMIT_BUDGET, [context.getHandler(), context.getClass()]);
    }
}
