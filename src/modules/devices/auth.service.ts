import { Inject, Injectable } from "@nestjs/common";

import { BACKBONE_CONFIG, type BackboneConfig } from "../../config/config";
import { AccessTokens } from "../../core/auth/access-tokens";
import { Clock } from "../../core/clock/clock";
import { verifyPassword } from "../../core/crypto/passwords";
import { Transactions } from "../../core/database/transactions";
import { IdentitiesService } from "../identities/identities.service";
import { OAuthClientsService } from "../oauth-clients/oauth-clients.service";
import { DevicesRepository } from "./devices.repository";

/** An access token issued to a device, and how long it is valid. */
export interface IssuedAccessToken {
    accessToken: string;
    /** Lifetime in seconds. */
    expiresIn: number;
}

export class OAuthError extends Error {
    constructor(
        readonly status: 400 | 401,
        readonly error: string,
        readonly description: string,
        /** Set when the client authenticated with HTTP Basic: a 401 then names that scheme (RFC 6749 §5.2). */
        readonly challenge?: string
    ) {
        super(description);
    }
}

/** The `WWW-Authenticate` challenge of a failed HTTP Basic client authentication. */
export const BASIC_CHALLENGE = 'Basic realm="Backbone", charset="UTF-8"';

/** A form-urlencoded value (`+` for space, percent escapes), as RFC 6749 §2.3.1 encodes the Basic credentials. */
function formDecode(value: string): string | undefined {
    try {
        return decodeURIComponent(value.replace(/\+/g, " "));
    } catch {
        return undefined;
    }
}

/**
 * The client credentials of an `Authorization: Basic` header (RFC 6749 §2.3.1: id and secret form-urlencoded, joined by
 * a colon, base64): undefined without such a header; an OAuth error when it is malformed.
 */
export function basicClientCredentials(header: string | undefined): { id: string; secret: string } | undefined {
    if (!header || !/^Basic(\s|$)/i.test(header.trim())) return undefined;
    const malformed = () =>
        new OAuthError(400, "invalid_request", "The client credentials of the Authorization header are malformed.", BASIC_CHALLENGE);
    const match = /^\s*Basic\s+([A-Za-z0-9+/]+={0,2})\s*$/i.exec(header);
    if (!match) throw malformed();
    const decoded = Buffer.from(match[1]!, "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    if (colon < 0) throw malformed();
    const id = formDecode(decoded.substring(0, colon));
    const secret = formDecode(decoded.substring(colon + 1));
    if (id === undefined || secret === undefined) throw malformed();
    return { id, secret };
}

const INVALID_GRANT = () => new OAuthError(400, "invalid_grant", "The username/password couple is invalid.");
const LOCKED_OUT = () => new OAuthError(400, "access_denied", "The user is temporarily locked out, please try again in a few minutes.");

/** The OAuth2 password grant: client credentials, device credentials, lockout after repeated failures. */
@Injectable()
export class AuthService {
    constructor(
        private readonly devices: DevicesRepository,
        private readonly identities: IdentitiesService,
        private readonly transactions: Transactions,
        private readonly clients: OAuthClientsService,
        private readonly tokens: AccessTokens,
        @Inject(Clock) private readonly clock: Clock,
        @Inject(BACKBONE_CONFIG) private readonly config: BackboneConfig
    ) {}

    /**
     * `authorization`: the request's Authorization header; the client may authenticate with HTTP Basic instead of the
     * form's `client_id` and `client_secret` (RFC 6749 §2.3.1).
     */
    async issueToken(form: Record<string, unknown>, authorization?: string): Promise<IssuedAccessToken> {
        const field = (name: string) => (typeof form[name] === "string" ? (form[name] as string) : undefined);
        const grantType = field("grant_type");
        if (!grantType) throw new OAuthError(400, "invalid_request", "The mandatory 'grant_type' parameter is missing.");
        if (grantType !== "password") throw new OAuthError(400, "unsupported_grant_type", "The specified 'grant_type' is not supported.");
        const basic = basicClientCredentials(authorization);
        const formId = field("client_id");
        const formSecret = field("client_secret");
        if (basic && ((formId !== undefined && formId !== basic.id) || (formSecret !== undefined && formSecret !== basic.secret))) {
            throw new OAuthError(400, "invalid_request", "The client credentials of the form and of the Authorization header differ.");
        }
        const clientId = basic?.id ?? formId;
        const clientSecret = basic?.secret ?? formSecret;
        const challenge = basic ? BASIC_CHALLENGE : undefined;
        if (!clientId || !clientSecret) throw new OAuthError(401, "invalid_client", "The client credentials are missing.", challenge);
        const username = field("username");
        const password = field("password");
        if (!username || !password)
            throw new OAuthError(400, "invalid_request", "The mandatory 'username' and 'password' parameters are missing.");

        const client = await this.clients.authenticate(clientId, clientSecret);
        if (!client) throw new OAuthError(401, "invalid_client", "The specified client credentials are invalid.", challenge);

        // An early refusal that spares the password's hashing; the transaction below decides.
        const device = await this.devices.findByUsername(username);
        if (!device) throw INVALID_GRANT();
        const early = await this.identities.find(device.identityAddress);
        if (!early || !early.canLogIn) throw INVALID_GRANT();
        if (device.isLockedOut(this.clock.now())) throw LOCKED_OUT();

        const valid = await verifyPassword(password, device.passwordHash);
        const outcome = await this.transactions.run(async (manager) => {
            // The identity first and locked, as its deletion locks it first: the login sees a deletion process that
            // started meanwhile (its grace period decides), and one starting now waits until the login is recorded.
            const identity = await this.identities.lock(manager, device.identityAddress);
            if (!identity || !identity.canLogIn) return INVALID_GRANT();
            const now = this.clock.now();
            const locked = await this.devices.findForUpdate(manager, device.id);
            if (!locked) return INVALID_GRANT();
            if (locked.isLockedOut(now)) return LOCKED_OUT();
            if (!valid) {
                locked.recordFailedLogin(now, this.config.LOGIN_MAX_FAILED_ATTEMPTS, this.config.LOGIN_LOCKOUT_MINUTES * 60_000);
                await this.devices.save(manager, locked);
                return locked.isLockedOut(now) ? LOCKED_OUT() : INVALID_GRANT();
            }
            locked.recordLogin(now);
            await this.devices.save(manager, locked);
            return undefined;
        });
        if (outcome) throw outcome;

        const accessToken = this.tokens.issue({
            address: device.identityAddress,
            deviceId: device.id,
            username: device.username,
            clientId: client.id
        });
        return { accessToken, expiresIn: this.tokens.lifetime };
    }
}
