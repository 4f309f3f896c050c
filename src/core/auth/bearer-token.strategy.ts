import { Injectable } from "@nestjs/common";
import { PassportStrategy } from "@nestjs/passport";
import type { FastifyRequest } from "fastify";
import { Strategy as JwtStrategy } from "passport-jwt";

import { ACCESS_TOKEN_VERIFICATION, type AccessTokenClaims, bearerTokenOf, callerOfClaims } from "./access-tokens";
import { authenticationContextOf } from "./authentication-context";
import type { Caller } from "./caller";

export const BEARER_STRATEGY = "bearer";

/**
 * Authenticates the Consumer API's bearer tokens (passport-jwt): the token of the Authorization header, verified as
 * HS256 with the application's signing key (a KeyObject) and issuer, then its claims turned into the Caller.
 */
@Injectable()
export class BearerTokenStrategy extends PassportStrategy(JwtStrategy, BEARER_STRATEGY) {
    constructor() {
        super({
            jwtFromRequest: (request: FastifyRequest) => bearerTokenOf(request.headers.authorization) ?? null,
            secretOrKeyProvider: (request: FastifyRequest, _token: string, done: (error: unknown, key?: unknown) => void) =>
                done(null, authenticationContextOf(request).accessTokens.signingKey),
            ...ACCESS_TOKEN_VERIFICATION
        } as ConstructorParameters<typeof JwtStrategy>[0]);
    }

    validate(claims: AccessTokenClaims): Caller | null {
        return callerOfClaims(claims) ?? null;
    }
}
