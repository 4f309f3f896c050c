import { type CanActivate, type ExecutionContext, Injectable, UnauthorizedException } from "@nestjs/common";
import { Reflector } from "@nestjs/core";

import { AccessTokens } from "./access-tokens";
import { AUTH_MODE, type AuthMode, type RequestWithCaller } from "./caller";

/** Global guard: every route needs a valid bearer token unless marked @Public() or @OptionalAuth(). */
@Injectable()
export class BearerAuthGuard implements CanActivate {
    constructor(
        private readonly reflector: Reflector,
        private readonly tokens: AccessTokens
    ) {}

    canActivate(context: ExecutionContext): boolean {
        const mode =
            this.reflector.getAllAndOverride<AuthMode | undefined>(AUTH_MODE, [context.getHandler(), context.getClass()]) ?? "required";
        if (mode === "none") return true;
        const request = context.switchToHttp().getRequest<RequestWithCaller & { headers: Record<string, string | undefined> }>();
        const header = request.headers.authorization;
        const match = typeof header === "string" ? /^Bearer\s+(\S+)$/i.exec(header) : null;
        const caller = match ? this.tokens.verify(match[1]!) : undefined;
        if (caller) request.caller = caller;
        if (!caller && mode === "required") throw new UnauthorizedException();
        return true;
    }
}
