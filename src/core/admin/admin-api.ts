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
import { ApiSecurity, ApiUnauthorizedResponse } from "@nestjs/swagger";
import type { FastifyReply, FastifyRequest } from "fastify";

import { BACKBONE_CONFIG, type BackboneConfig } from "../../config/config";
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

/**
 * Protects the Admin API: without ADMIN_API_KEY configured it does not exist (404); otherwise the X-API-KEY header
 * must match (401 with an empty body when it does not), except on the routes the official Admin API leaves
 * anonymous (GET /xsrf, POST /ValidateApiKey).
 */
@Injectable()
export class AdminApiKeyGuard implements CanActivate {
    constructor(
        @Inject(BACKBONE_CONFIG) private readonly config: BackboneConfig,
        private readonly reflector: Reflector
    ) {}

    canActivate(context: ExecutionContext): boolean {
        const expected = this.config.ADMIN_API_KEY;
        if (!expected) throw new NotFoundException();
        if (this.reflector.getAllAndOverride<boolean>(ANONYMOUS, [context.getHandler(), context.getClass()])) return true;
        const given = headerValue(context.switchToHttp().getRequest<FastifyRequest>().headers[ADMIN_API_KEY_HEADER]);
        if (!given || !isAdminApiKey(given, expected)) throw new UnauthorizedException({ challenge: ADMIN_SECURITY_SCHEME });
        return true;
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
 * anti-forgery check, never reachable with a Consumer API bearer token.
 */
export function AdminController(path: string, options: { prefix?: string } = {}): ClassDecorator {
    return applyDecorators(
        Controller(`${options.prefix ?? "api/v1"}/${path}`),
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
