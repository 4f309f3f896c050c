import { createHash, timingSafeEqual } from "node:crypto";

import {
    applyDecorators,
    type CanActivate,
    Controller,
    type ExecutionContext,
    Inject,
    Injectable,
    NotFoundException,
    UnauthorizedException,
    UseGuards
} from "@nestjs/common";
import { ApiSecurity, ApiUnauthorizedResponse } from "@nestjs/swagger";

import { BACKBONE_CONFIG, type BackboneConfig } from "../../config/config";
import { Public } from "../auth/caller";
import { BodyLimit, MAX_BODY_BYTES } from "../http/route-policy";

export const ADMIN_PATH_PREFIX = "admin/v1";
export const ADMIN_API_KEY_HEADER = "x-api-key";
export const ADMIN_SECURITY_SCHEME = "ApiKey";

function digest(value: string): Buffer {
    return createHash("sha256").update(value, "utf8").digest();
}

/**
 * Protects the admin surface: without ADMIN_API_KEY configured it does not exist (404); otherwise the X-API-KEY
 * header must match (401 when it does not).
 */
@Injectable()
export class AdminApiKeyGuard implements CanActivate {
    constructor(@Inject(BACKBONE_CONFIG) private readonly config: BackboneConfig) {}

    canActivate(context: ExecutionContext): boolean {
        const expected = this.config.ADMIN_API_KEY;
        if (!expected) throw new NotFoundException();
        const header = context.switchToHttp().getRequest<{ headers: Record<string, string | string[] | undefined> }>().headers[
            ADMIN_API_KEY_HEADER
        ];
        const given = Array.isArray(header) ? header[0] : header;
        if (!given || !timingSafeEqual(digest(given), digest(expected))) throw new UnauthorizedException();
        return true;
    }
}

/** An admin controller under /admin/v1/<path>: API-key protected, never reachable with a Consumer API bearer token. */
export function AdminController(path: string): ClassDecorator {
    return applyDecorators(
        Controller(`${ADMIN_PATH_PREFIX}/${path}`),
        Public(),
        // Operators are trusted with the contract's largest body (an announcement may carry 200 long texts and
        // 100,000 recipients).
        BodyLimit(MAX_BODY_BYTES, { jsonValues: 200_000 }),
        UseGuards(AdminApiKeyGuard),
        ApiSecurity(ADMIN_SECURITY_SCHEME),
        ApiUnauthorizedResponse({ description: "Missing or wrong X-API-KEY header." })
    );
}
