import { createHash } from "node:crypto";
import { Inject, Injectable, type OnApplicationBootstrap } from "@nestjs/common";
import { InjectRepository } from "@nestjs/typeorm";
import type { Repository } from "typeorm";
import { BACKBONE_CONFIG, type BackboneConfig } from "../../config/config";
import { Clock } from "../../core/clock/clock";
import { hashPassword, verifyPassword } from "../../core/crypto/passwords";
import { newId, randomString } from "../../core/ids/ids";
import { OAuthClient } from "./oauth-client.entity";

const VERIFIED_CACHE_MS = 60_000;

/** OAuth clients: verification of client credentials, and the client ensured at start-up. */
@Injectable()
export class OAuthClientsService implements OnApplicationBootstrap {
    /** Recently verified (client id, secret digest) pairs, so that logins do not pay for a second slow hash. */
    private readonly verified = new Map<string, number>();

    constructor(
        @InjectRepository(OAuthClient) private readonly clients: Repository<OAuthClient>,
        @Inject(BACKBONE_CONFIG) private readonly config: BackboneConfig,
        @Inject(Clock) private readonly clock: Clock
    ) {}

    /** The client when id and secret match, else undefined. */
    async authenticate(clientId: string, clientSecret: string): Promise<OAuthClient | undefined> {
        const client = await this.clients.findOneBy({ id: clientId });
        if (!client) return undefined;
        const cacheKey = `${clientId}\u0000${createHash("sha256").update(clientSecret).update(client.secretHash).digest("base64")}`;
        const until = this.verified.get(cacheKey);
        if (until !== undefined && until > Date.now()) return client;
        if (!(await verifyPassword(clientSecret, client.secretHash))) return undefined;
        if (this.verified.size > 1000) this.verified.clear();
        this.verified.set(cacheKey, Date.now() + VERIFIED_CACHE_MS);
        return client;
    }

    /** Creates a client; a generated secret when none is given. Returns the secret in clear once. */
    async createClient(input: { id?: string; secret?: string; displayName?: string; defaultTier?: string | null; maxIdentities?: number | null }) {
        const id = input.id ?? newId("CLT");
        const secret = input.secret ?? randomString(30);
        await this.clients.insert({
            id,
            secretHash: await hashPassword(secret),
            displayName: input.displayName ?? id,
            defaultTier: input.defaultTier ?? null,
            maxIdentities: input.maxIdentities ?? null,
            createdAt: this.clock.now()
        });
        return { id, secret };
    }

    async onApplicationBootstrap(): Promise<void> {
        const { BOOTSTRAP_CLIENT_ID: id, BOOTSTRAP_CLIENT_SECRET: secret } = this.config;
        if (id && secret) {
            const existing = await this.clients.findOneBy({ id });
            if (!existing) {
                await this.createClient({ id, secret, displayName: id }).catch(async (error: unknown) => {
                    if (!(await this.clients.existsBy({ id }))) throw error;
                });
            } else if (!(await verifyPassword(secret, existing.secretHash))) {
                await this.clients.update({ id }, { secretHash: await hashPassword(secret) });
            }
            return;
        }
        if ((await this.clients.count()) === 0) {
            const created = await this.createClient({ displayName: "default" });
            // Shown once, on the console of the operator who started the embedded Backbone; never written to the logs.
            process.stdout.write(`\nOAuth client created for this Backbone:\n  client id:     ${created.id}\n  client secret: ${created.secret}\n\n`);
        }
    }
}
