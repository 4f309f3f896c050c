import { Inject, Injectable } from "@nestjs/common";
import { DataSource } from "typeorm";

import { BACKBONE_CONFIG, type BackboneConfig } from "../../config/config";
import { AccessTokens } from "../../core/auth/access-tokens";
import { Clock } from "../../core/clock/clock";
import { verifyPassword } from "../../core/crypto/passwords";
import type { TokenResponse } from "./auth.dto";
import { Device } from "./device.entity";
import { Identity } from "./identity.entity";
import { OAuthClientsService } from "./oauth-clients.service";

export class OAuthError extends Error {
    constructor(
        readonly status: 400 | 401,
        readonly error: string,
        readonly description: string
    ) {
        super(description);
    }
}

const INVALID_GRANT = () => new OAuthError(400, "invalid_grant", "The username/password couple is invalid.");
const LOCKED_OUT = () => new OAuthError(400, "access_denied", "The user is temporarily locked out, please try again in a few minutes.");

/** Client id and secret of an HTTP Basic authorization header, if it is one. */
function basicCredentials(header: string | undefined): { clientId: string; clientSecret: string } | undefined {
    const match = header ? /^Basic +([A-Za-z0-9+/]+={0,2}) *$/i.exec(header) : null;
    if (!match) return undefined;
    const decoded = Buffer.from(match[1]!, "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    return colon > 0 ? { clientId: decoded.slice(0, colon), clientSecret: decoded.slice(colon + 1) } : undefined;
}

/** The OAuth2 password grant: client credentials, device credentials, lockout after repeated failures. */
@Injectable()
export class AuthService {
    constructor(
        private readonly dataSource: DataSource,
        private readonly clients: OAuthClientsService,
        private readonly tokens: AccessTokens,
        @Inject(Clock) private readonly clock: Clock,
        @Inject(BACKBONE_CONFIG) private readonly config: BackboneConfig
    ) {}

    /**
     * The password grant. The client authenticates with `client_id` and `client_secret` in the form, or with an HTTP
     * Basic `authorization` header (RFC 6749, 2.3.1; the id and secret as the header holds them, not form-decoded, as
     * curl -u and the Swagger UI send them).
     */
    async issueToken(form: Record<string, unknown>, authorization?: string): Promise<TokenResponse> {
        const field = (name: string) => (typeof form[name] === "string" ? (form[name] as string) : undefined);
        const grantType = field("grant_type");
        if (!grantType) throw new OAuthError(400, "invalid_request", "The mandatory 'grant_type' parameter is missing.");
        if (grantType !== "password") throw new OAuthError(400, "unsupported_grant_type", "The specified 'grant_type' is not supported.");
        const basic = field("client_id") === undefined ? basicCredentials(authorization) : undefined;
        const clientId = basic?.clientId ?? field("client_id");
        const clientSecret = basic?.clientSecret ?? field("client_secret");
        if (!clientId || !clientSecret) throw new OAuthError(401, "invalid_client", "The client credentials are missing.");
        const username = field("username");
        const password = field("password");
        if (!username || !password)
            throw new OAuthError(400, "invalid_request", "The mandatory 'username' and 'password' parameters are missing.");

        const client = await this.clients.authenticate(clientId, clientSecret);
        if (!client) throw new OAuthError(401, "invalid_client", "The specified client credentials are invalid.");

        const device = await this.dataSource.getRepository(Device).findOneBy({ username });
        if (!device) throw INVALID_GRANT();
        const now = this.clock.now();
        const identity = await this.dataSource.getRepository(Identity).findOneBy({ address: device.identityAddress });
        if (!identity || !identity.canLogIn(now)) throw INVALID_GRANT();
        if (device.isLockedOut(now)) throw LOCKED_OUT();

        const valid = await verifyPassword(password, device.passwordHash);
        const outcome = await this.dataSource.transaction(async (manager) => {
            const locked = await manager.findOne(Device, { where: { id: device.id }, lock: { mode: "pessimistic_write" } });
            if (!locked) return INVALID_GRANT();
            if (locked.isLockedOut(now)) return LOCKED_OUT();
            if (!valid) {
                locked.recordFailedLogin(now, this.config.LOGIN_MAX_FAILED_ATTEMPTS, this.config.LOGIN_LOCKOUT_MINUTES * 60_000);
                await manager.save(locked);
                return locked.isLockedOut(now) ? LOCKED_OUT() : INVALID_GRANT();
            }
            locked.recordLogin(now);
            await manager.save(locked);
            return undefined;
        });
        if (outcome) throw outcome;

        const accessToken = this.tokens.issue({
            address: identity.address,
            deviceId: device.id,
            username: device.username,
            clientId: client.id
        });
        return { access_token: accessToken, token_type: "Bearer", expires_in: this.tokens.lifetime };
    }
}
