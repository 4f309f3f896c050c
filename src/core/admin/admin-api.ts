import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";

import {
    applyDecorators,
    type CanActivate,
    Controller,
    type ExecutionContext,
    HttpException,
    Inject,
    Injectable,
    NotFoundException,
    SetMetadata,
    UnauthorizedException,
    UseGuards
} from "@nestjs/common";
import { Reflector } from "@nestjs/core";
import { AuthGuard, PassportStrategy } from "@nestjs/passport";
import { ApiSecurity, ApiTags, ApiUnauthorizedResponse } from "@nestjs/swagger";
import type { FastifyReply, FastifyRequest } from "fastify";
import { Strategy as CustomStrategy } from "passport-custom";

import { BACKBONE_CONFIG, type BackboneConfig } from "../../config/config";
import { authenticationContextOf } from "../auth/authentication-context";
import { Public } from "../auth/caller";
import { ServedOnAdminListener } from "../http/listeners";
import { BodyLimit, MAX_BODY_BYTES } from "../http/route-policy";

/** Where the admin listener serves the Admin API's Swagger UI (and /openapi.json below it). */
export const ADMIN_DOCS_PATH = "admin/docs";
/** The header of the admin key, as the official Admin API names it. */
export const ADMIN_API_KEY_HEADER = "x-api-key";
export const ADMIN_SECURITY_SCHEME = "ApiKey";
/** The anti-forgery cookie and header, as the official Admin API names them. */
export const XSRF_COOKIE = "X-XSRF-COOKIE";
export const XSRF_HEADER = "x-xsrf-token";
/** What the official Admin API writes into the problem details of a rejected anti-forgery check. */
export const XSRF_REJECTION_DETAIL = "xsrf-token-may-be-invalid";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS", "TRACE"]);
const ANONYMOUS = "backbone:admin-anonymous";

function digest(value: string): Buffer {
    return createHash("sha256").update(value, "utf8").digest();
}

function headerValue(value: string | string[] | undefined): string | undefined {
    return Array.isArray(value) ? value[0] : value;
}

/** The value of one cookie of a Cookie header (attributes sent back by careless clients are ignored). */
export function cookieValue(header: string | string[] | undefined, name: string): string | undefined {
    for (const line of [header ?? []].flat()) {
        for (const part of line.split(/[;,]/)) {
            const index = part.indexOf("=");
            if (index > 0 && part.slice(0, index).trim() === name) return part.slice(index + 1).trim();
        }
    }
    return undefined;
}

/** A 400 answered as RFC 9457 problem details, as ASP.NET answers a failed anti-forgery check. */
export class ProblemDetailsException extends HttpException {
    constructor(readonly detail: string) {
        super(detail, 400);
    }
}

/**
 * Anti-forgery tokens of the Admin API (signed double submit): GET /api/v1/xsrf sets a random cookie token and
 * answers the request token, an HMAC of the cookie token under a key derived from ADMIN_API_KEY (so that every
 * instance accepts the others' tokens). Unsafe methods must send the cookie and the request token in X-XSRF-TOKEN.
 */
@Injectable()
export class XsrfTokens {
    constructor(@Inject(BACKBONE_CONFIG) private readonly config: BackboneConfig) {}

    private requestTokenFor(cookieToken: string): string {
        return createHmac("sha256", `xsrf\u0000${this.config.ADMIN_API_KEY ?? ""}`)
            .update(cookieToken)
            .digest("base64url");
    }

    /** Sets (or keeps) the cookie token and returns the request token that goes with it. */
    issue(request: FastifyRequest, reply: FastifyReply): string {
        let cookieToken = cookieValue(request.headers.cookie, XSRF_COOKIE);
        if (!cookieToken || !/^[A-Za-z0-9_-]{43}$/.test(cookieToken)) {
            cookieToken = randomBytes(32).toString("base64url");
            // As ASP.NET's SameAsRequest policy: Secure when the request came over HTTPS (directly or through a trusted proxy).
            const secure = request.protocol === "https" ? "; secure" : "";
            reply.header("set-cookie", `${XSRF_COOKIE}=${cookieToken}; path=/; samesite=strict${secure}`);
        }
        reply.header("cache-control", "no-cache, no-store");
        reply.header("pragma", "no-cache");
        return this.requestTokenFor(cookieToken);
    }

    isValid(request: FastifyRequest): boolean {
        const cookieToken = cookieValue(request.headers.cookie, XSRF_COOKIE);
        const requestToken = headerValue(request.headers[XSRF_HEADER]);
        if (!cookieToken || !requestToken) return false;
        return timingSafeEqual(digest(requestToken), digest(this.requestTokenFor(cookieToken)));
    }
}

export const ADMIN_API_KEY_STRATEGY = "admin-api-key";

/** Who passed the Admin API key check: an operator (the key names nobody in particular). */
export interface Operator {
    operator: true;
}
const OPERATOR: Operator = { operator: true };

/** Authenticates the Admin API key (passport): the X-API-KEY header must equal ADMIN_API_KEY (compared in constant time). */
@Injectable()
export class AdminApiKeyStrategy extends PassportStrategy(CustomStrategy, ADMIN_API_KEY_STRATEGY) {
    validate(request: FastifyRequest): Operator | null {
        const expected = authenticationContextOf(request).adminApiKey;
        const given = headerValue(request.headers[ADMIN_API_KEY_HEADER]);
        return expected && given && isAdminApiKey(given, expected) ? OPERATOR : null;
    }
}

/** Passport puts the operator on `request.operator`; nothing is kept in a session. */
const AUTHENTICATE_OPTIONS = { session: false, property: "operator" };

/**
 * Protects the Admin API: without ADMIN_API_KEY configured it does not exist (404); otherwise the X-API-KEY header
 * must pass AdminApiKeyStrategy (401 with an empty body when it does not), except on the routes the official Admin API
 * leaves anonymous (GET /xsrf, POST /ValidateApiKey).
 */
@Injectable()
export class AdminApiKeyGuard extends AuthGuard(ADMIN_API_KEY_STRATEGY) {
    constructor(
        @Inject(BACKBONE_CONFIG) private readonly config: BackboneConfig,
        private readonly reflector: Reflector
    ) {
        super();
    }

    override async canActivate(context: ExecutionContext): Promise<boolean> {
        if (!this.config.ADMIN_API_KEY) throw new NotFoundException();
        if (this.reflector.getAllAndOverride<boolean>(ANONYMOUS, [context.getHandler(), context.getClass()])) return true;
        return (await super.canActivate(context)) as boolean;
    }

    override getAuthenticateOptions(): typeof AUTHENTICATE_OPTIONS {
        return AUTHENTICATE_OPTIONS;
    }

    override handleRequest<T = Operator>(_error: unknown, operator: Operator | false | null): T {
        if (!operator) throw new UnauthorizedException({ challenge: ADMIN_SECURITY_SCHEME });
        return operator as T;
    }
}

export function isAdminApiKey(given: string, expected: string): boolean {
    return timingSafeEqual(digest(given), digest(expected));
}

/** Requests with unsafe methods must pass the anti-forgery check (400 problem details otherwise). */
@Injectable()
export class XsrfGuard implements CanActivate {
    constructor(private readonly tokens: XsrfTokens) {}

    canActivate(context: ExecutionContext): boolean {
        const request = context.switchToHttp().getRequest<FastifyRequest>();
        if (SAFE_METHODS.has(request.method)) return true;
        if (!this.tokens.isValid(request)) throw new ProblemDetailsException(XSRF_REJECTION_DETAIL);
        return true;
    }
}

/** The route answers without the API key (still only when the Admin API is enabled). */
export const AdminAnonymous = (): MethodDecorator => SetMetadata(ANONYMOUS, true);

export function isAdminAnonymous(handler: object): boolean {
    return Reflect.getMetadata(ANONYMOUS, handler) === true;
}

/**
 * A controller of the Admin API on the admin listener, under /api/v1/<path> (or /<prefix>/<path>): API key and
 * anti-forgery check, never reachable with a Consumer API bearer token. Its OpenAPI tag is `tag`, by default `path`.
 */
export function AdminController(path: string, options: { prefix?: string; tag?: string } = {}): ClassDecorator {
    return applyDecorators(
        Controller(`${options.prefix ?? "api/v1"}/${path}`),
        ApiTags(options.tag ?? path),
        ServedOnAdminListener(),
        Public(),
        // Operators are trusted with the contract's largest body (an announcement may carry 200 long texts and
        // 100,000 recipients).
        BodyLimit(MAX_BODY_BYTES, { jsonValues: 200_000 }),
        UseGuards(AdminApiKeyGuard, XsrfGuard),
        ApiSecurity(ADMIN_SECURITY_SCHEME),
        ApiUnauthorizedResponse({ description: "Missing or wrong X-API-KEY header (empty body)." })
    );
}
