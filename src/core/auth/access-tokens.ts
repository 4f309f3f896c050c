import { createSecretKey, type KeyObject } from "node:crypto";

import { Injectable } from "@nestjs/common";
import { JwtService } from "@nestjs/jwt";

import type { Caller } from "./caller";

interface AccessTokenClaims {
    sub: string;
    name: string;
    nmshd_address: string;
    device_id: string;
    client_id: string;
}

export const JWT_ISSUER = "enmeshed-backbone";

/** Issues and verifies the bearer tokens (HS256 JWTs with a KeyObject secret). */
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

    private requireKey(): KeyObject {
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
            secret: this.requireKey() as unknown as string,
            algorithm: "HS256",
            expiresIn: this.lifetimeSeconds,
            issuer: JWT_ISSUER
        });
    }

    /** The caller of a valid token, or undefined for an invalid, expired or foreign one. */
    verify(token: string): Caller | undefined {
        try {
            const claims = this.jwt.verify<AccessTokenClaims>(token, {
                secret: this.requireKey() as unknown as string,
                algorithms: ["HS256"],
                issuer: JWT_ISSUER
            });
            if (!claims.nmshd_address || !claims.device_id) return undefined;
            return { address: claims.nmshd_address, deviceId: claims.device_id, username: claims.name, clientId: claims.client_id };
        } catch {
            return undefined;
        }
    }
}
