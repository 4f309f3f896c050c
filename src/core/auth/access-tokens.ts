import { createSecretKey, type KeyObject } from "node:crypto";

import { Injectable } from "@nestjs/common";
import { JwtService } from "@nestjs/jwt";

import type { Caller } from "./caller";

/** The claims of an access token, as the official Backbone names them. */
export interface AccessTokenClaims {
    sub: string;
    name: string;
    nmshd_address: string;
    device_id: string;
    client_id: string;
}

export const JWT_ISSUER = "enmeshed-backbone";

/** How the passport strategy verifies every access token. */
export const ACCESS_TOKEN_VERIFICATION = { algorithms: ["HS256" as const], issuer: JWT_ISSUER };

/** The caller the claims of a verified token name, or undefined when they lack the address or device. */
export function callerOfClaims(claims: AccessTokenClaims): Caller | undefined {
    if (!claims.nmshd_address || !claims.device_id) return undefined;
    return { address: claims.nmshd_address, deviceId: claims.device_id, username: claims.name, clientId: claims.client_id };
}

/** The token of an `Authorization: Bearer <token>` header (one header, the scheme in any case), or undefined. */
export function bearerTokenOf(header: string | string[] | undefined): string | undefined {
    const match = typeof header === "string" ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    return match ? match[1] : undefined;
}

/**
 * Issues and verifies the bearer tokens: HS256 JWTs under one key, held as a KeyObject (jsonwebtoken verifies with a
 * KeyObject in ~8 µs, with a string secret in ~310 µs). Requests are authenticated by the passport strategy
 * (bearer-token.strategy.ts), which verifies with this key and ACCESS_TOKEN_VERIFICATION.
 */
@Injectable()
export class AccessTokens {
    private key?: KeyObject;
    private lifetimeSeconds = 300;

    constructor(private readonly jwt: JwtService) {}

    configure(secret: Buffer, lifetimeSeconds: number): void {
        this.key = createSecretKey(secret);
        this.lifetimeSeconds = lifetimeSeconds;
    }

    get lifetime(): number {
        return this.lifetimeSeconds;
    }

    /** The key that signs and verifies the tokens. */
    get signingKey(): KeyObject {
        if (!this.key) throw new Error("access token key not configured");
        return this.key;
    }

    issue(caller: Caller): string {
        const claims: AccessTokenClaims = {
            sub: caller.deviceId,
            name: caller.username,
            nmshd_address: caller.address,
            device_id: caller.deviceId,
            client_id: caller.clientId
        };
        return this.jwt.sign(claims, {
            secret: this.signingKey as unknown as string,
            algorithm: "HS256",
            expiresIn: this.lifetimeSeconds,
            issuer: JWT_ISSUER
        });
    }
}
