import { createHash } from "node:crypto";

import { Inject, Injectable, Logger, type OnApplicationBootstrap } from "@nestjs/common";
import { InjectRepository } from "@nestjs/typeorm";
import { DataSource, type Repository } from "typeorm";

import { BACKBONE_CONFIG, type BackboneConfig } from "../../config/config";
import { Clock } from "../../core/clock/clock";
import { hashPassword, verifyPassword } from "../../core/crypto/passwords";
import { isUniqueViolation } from "../../core/database/errors";
import { ApiError, notFound } from "../../core/errors/errors";
import { newId, randomString } from "../../core/ids/ids";
import { CREATED_CLIENT_EVENT } from "../../core/logging/pretty";
import { Identity } from "./identity.entity";
import { OAuthClient } from "./oauth-client.entity";

/** An OAuth client as the admin surface shows it (never its secret hash). */
export interface OAuthClientInfo {
    clientId: string;
    displayName: string;
    defaultTier: string | null;
    maxIdentities: number | null;
    createdAt: string;
    numberOfIdentities: number;
}

/** A client with its secret in clear, as it is shown once after creating it or changing its secret. */
export interface OAuthClientWithSecret {
    clientId: string;
    displayName: string;
    clientSecret: string;
    defaultTier: string | null;
    createdAt: string;
    maxIdentities: number | null;
}

export const OAuthClientsErrors = {
    clientIdAlreadyExists: () =>
        new ApiError(
            "error.platform.validation.device.clientIdAlreadyExists",
            "A client with the given client id already exists. Try a different client id."
        ),
    maxIdentitiesLessThanCurrentIdentities: (requested: number, current: number) =>
        new ApiError(
            "error.platform.validation.device.maxIdentitiesLessThanCurrentIdentities",
            `The requested maximum number of identities ${requested} is less than the current number of identities ${current}.`
        )
};

const VERIFIED_CACHE_MS = 60_000;

/** OAuth clients: verification of client credentials, and the client ensured at start-up. */
@Injectable()
export class OAuthClientsService implements OnApplicationBootstrap {
    /** Recently verified (client id, secret digest) pairs, so that logins do not pay for a second slow hash. */
    private readonly verified = new Map<string, number>();
    private readonly logger = new Logger("OAuthClients");

    constructor(
        @InjectRepository(OAuthClient) private readonly clients: Repository<OAuthClient>,
        @Inject(BACKBONE_CONFIG) private readonly config: BackboneConfig,
        @Inject(Clock) private readonly clock: Clock,
        private readonly dataSource: DataSource
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

    async findClient(clientId: string): Promise<OAuthClient | undefined> {
        return (await this.clients.findOneBy({ id: clientId })) ?? undefined;
    }

    /**
     * Creates a client; a generated id and secret when none are given, the id as display name when none is given.
     * Returns the secret in clear once.
     */
    async createClient(input: {
        id?: string;
        secret?: string;
        displayName?: string;
        defaultTier?: string | null;
        maxIdentities?: number | null;
    }): Promise<OAuthClientWithSecret> {
        const id = input.id || newId("CLT");
        const secret = input.secret || randomString(30);
        const client: OAuthClient = {
            id,
            secretHash: await hashPassword(secret),
            displayName: input.displayName || id,
            defaultTier: input.defaultTier ?? null,
            maxIdentities: input.maxIdentities ?? null,
            createdAt: this.clock.now()
        };
        try {
            await this.clients.insert(client);
        } catch (error) {
            if (isUniqueViolation(error)) throw OAuthClientsErrors.clientIdAlreadyExists();
            throw error;
        }
        return withSecret(client, secret);
    }

    async listClients(): Promise<OAuthClientInfo[]> {
        const clients = await this.clients.find({ order: { createdAt: "ASC", id: "ASC" } });
        const counts: { clientId: string; count: string }[] = await this.dataSource
            .getRepository(Identity)
            .createQueryBuilder("i")
            .select("i.clientId", "clientId")
            .addSelect("COUNT(*)", "count")
            .groupBy("i.clientId")
            .getRawMany();
        const byClient = new Map(counts.map((c) => [c.clientId, Number(c.count)]));
        return clients.map((client) => this.info(client, byClient.get(client.id) ?? 0));
    }

    async getClient(id: string): Promise<OAuthClientInfo> {
        const client = await this.clients.findOneBy({ id });
        if (!client) throw notFound("OAuthClient");
        return this.info(client, await this.dataSource.getRepository(Identity).countBy({ clientId: id }));
    }

    /**
     * Changes the tier given to new identities and the limit of identities; `undefined` leaves a value as it is,
     * null removes it. A limit below the number of identities the client already has is refused.
     */
    async updateClient(id: string, changes: { defaultTier?: string | null; maxIdentities?: number | null }): Promise<OAuthClientInfo> {
        await this.dataSource.transaction(async (manager) => {
            const client = await manager.findOne(OAuthClient, { where: { id }, lock: { mode: "pessimistic_write" } });
            if (!client) throw notFound("OAuthClient");
            if (changes.maxIdentities !== undefined && changes.maxIdentities !== null) {
                const count = await manager.countBy(Identity, { clientId: id });
                if (changes.maxIdentities < count)
                    throw OAuthClientsErrors.maxIdentitiesLessThanCurrentIdentities(changes.maxIdentities, count);
            }
            const update: Partial<OAuthClient> = {};
            if (changes.defaultTier !== undefined) update.defaultTier = changes.defaultTier;
            if (changes.maxIdentities !== undefined) update.maxIdentities = changes.maxIdentities;
            if (Object.keys(update).length > 0) await manager.update(OAuthClient, { id }, update);
        });
        return await this.getClient(id);
    }

    /** Replaces the secret (a generated one when none is given); returns it in clear once. */
    async changeClientSecret(id: string, secret?: string | null): Promise<OAuthClientWithSecret> {
        const clientSecret = secret || randomString(30);
        const result = await this.clients.update({ id }, { secretHash: await hashPassword(clientSecret) });
        if (!result.affected) throw notFound("OAuthClient");
        this.forget(id);
        const client = await this.clients.findOneByOrFail({ id });
        return withSecret(client, clientSecret);
    }

    /** How many clients give this tier to their new identities. */
    async countClientsWithDefaultTier(tierId: string): Promise<number> {
        return await this.clients.countBy({ defaultTier: tierId });
    }

    /** Deletes a client: from now on neither logins nor identity creation accept its credentials. */
    async deleteClient(id: string): Promise<void> {
        const result = await this.clients.delete({ id });
        this.forget(id);
        if (!result.affected) throw notFound("OAuthClient");
    }

    /** Drops cached verifications of a client (after its secret changed or it was deleted). */
    private forget(clientId: string): void {
        for (const key of this.verified.keys()) if (key.startsWith(`${clientId}\u0000`)) this.verified.delete(key);
    }

    private info(client: OAuthClient, numberOfIdentities: number): OAuthClientInfo {
        return {
            clientId: client.id,
            displayName: client.displayName,
            defaultTier: client.defaultTier,
            maxIdentities: client.maxIdentities,
            createdAt: client.createdAt.toISOString(),
            numberOfIdentities
        };
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
        if (this.config.CREATE_DEFAULT_CLIENT && (await this.clients.count()) === 0) {
            const created = await this.createClient({ displayName: "default" });
            // Shown once, for the operator who starts the Backbone for the first time (in a box on a terminal). Production
            // deployments set CREATE_DEFAULT_CLIENT=false and create clients through the admin surface instead.
            this.logger.log({
                msg: "OAuth client created for this Backbone",
                event: CREATED_CLIENT_EVENT,
                clientId: created.clientId,
                clientSecret: created.clientSecret
            });
        }
    }
}

function withSecret(client: OAuthClient, clientSecret: string): OAuthClientWithSecret {
    return {
        clientId: client.id,
        displayName: client.displayName,
        clientSecret,
        defaultTier: client.defaultTier,
        createdAt: client.createdAt.toISOString(),
        maxIdentities: client.maxIdentities
    };
}
