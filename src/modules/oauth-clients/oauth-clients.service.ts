import { createHash } from "node:crypto";

import { Inject, Injectable, Logger, type OnApplicationBootstrap } from "@nestjs/common";
import type { EntityManager } from "typeorm";

import { BACKBONE_CONFIG, type BackboneConfig } from "../../config/config";
import { Clock } from "../../core/clock/clock";
import { hashPassword, verifyPassword } from "../../core/crypto/passwords";
import { isUniqueViolation } from "../../core/database/errors";
import { Transactions } from "../../core/database/transactions";
import { notFound } from "../../core/errors/errors";
import { randomString } from "../../core/ids/ids";
import { CREATED_CLIENT_EVENT } from "../../core/logging/pretty";
import { IdentitiesService } from "../identities/identities.service";
import { OAuthClient, type OAuthClientChanges } from "./oauth-client.entity";
import { OAuthClientsErrors } from "./oauth-clients.errors";
import { OAuthClientsRepository } from "./oauth-clients.repository";

/** An OAuth client as the admin surface shows it (never its secret hash). */
export interface OAuthClientInfo {
    clientId: string;
    displayName: string;
    defaultTier: string | null;
    maxIdentities: number | null;
    createdAt: string;
    numberOfIdentities: number;
}

/** An OAuth client as other modules receive it (never its secret hash). */
export type OAuthClientRef = Pick<OAuthClient, "id" | "displayName" | "defaultTier" | "maxIdentities">;

/** A client with its secret in clear, as it is shown once after creating it or changing its secret. */
export interface OAuthClientWithSecret {
    clientId: string;
    displayName: string;
    clientSecret: string;
    defaultTier: string | null;
    createdAt: string;
    maxIdentities: number | null;
}

const VERIFIED_CACHE_MS = 60_000;

/** OAuth clients: verification of client credentials, and the client ensured at start-up. */
@Injectable()
export class OAuthClientsService implements OnApplicationBootstrap {
    /** Recently verified (client id, secret digest) pairs, so that logins do not pay for a second slow hash. */
    private readonly verified = new Map<string, number>();
    private readonly logger = new Logger("OAuthClients");

    constructor(
        private readonly clients: OAuthClientsRepository,
        private readonly identities: IdentitiesService,
        private readonly transactions: Transactions,
        @Inject(BACKBONE_CONFIG) private readonly config: BackboneConfig,
        @Inject(Clock) private readonly clock: Clock
    ) {}

    /** The client when id and secret match, else undefined. */
    async authenticate(clientId: string, clientSecret: string): Promise<OAuthClientRef | undefined> {
        const client = await this.clients.find(clientId);
        if (!client) return undefined;
        const cacheKey = `${clientId}\u0000${createHash("sha256").update(clientSecret).update(client.secretHash).digest("base64")}`;
        const until = this.verified.get(cacheKey);
        if (until !== undefined && until > Date.now()) return client;
        if (!(await verifyPassword(clientSecret, client.secretHash))) return undefined;
        if (this.verified.size > 1000) this.verified.clear();
        this.verified.set(cacheKey, Date.now() + VERIFIED_CACHE_MS);
        return client;
    }

    async findClient(clientId: string): Promise<OAuthClientRef | undefined> {
        return await this.clients.find(clientId);
    }

    /**
     * Part of creating an identity with a client, in that transaction: a client with a limit of identities is locked
     * (concurrent creations wait) and refuses another identity once it has reached the limit.
     */
    async admitIdentity(manager: EntityManager, client: OAuthClientRef): Promise<void> {
        if (client.maxIdentities === null) return;
        const locked = await this.clients.findForUpdate(manager, client.id);
        locked?.admitAnotherIdentity(await this.identities.countIdentitiesOfClient(client.id, manager));
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
        const secret = input.secret || randomString(30);
        const client = OAuthClient.create({ ...input, secretHash: await hashPassword(secret), now: this.clock.now() });
        try {
            await this.clients.insert(client);
        } catch (error) {
            if (isUniqueViolation(error)) throw OAuthClientsErrors.clientIdAlreadyExists();
            throw error;
        }
        return withSecret(client, secret);
    }

    async listClients(): Promise<OAuthClientInfo[]> {
        const clients = await this.clients.listOldestFirst();
        const byClient = await this.identities.countIdentitiesPerClient();
        return clients.map((client) => this.info(client, byClient.get(client.id) ?? 0));
    }

    async getClient(id: string): Promise<OAuthClientInfo> {
        const client = await this.clients.find(id);
        if (!client) throw notFound("OAuthClient");
        return this.info(client, await this.identities.countIdentitiesOfClient(id));
    }

    /**
     * Changes the tier given to new identities and the limit of identities; `undefined` leaves a value as it is,
     * null removes it. A limit below the number of identities the client already has is refused.
     */
    /**
     * Changes the default tier and the identity limit. With `manager`, in the caller's transaction (which has made sure
     * the new default tier exists and stays); the answer is then read after it commits, by the caller.
     */
    async updateClient(id: string, changes: OAuthClientChanges, manager?: EntityManager): Promise<void> {
        const update = async (m: EntityManager) => {
            const client = await this.clients.findForUpdate(m, id);
            if (!client) throw notFound("OAuthClient");
            const count = OAuthClient.limitChanges(changes) ? await this.identities.countIdentitiesOfClient(id, m) : 0;
            const changed = client.change(changes, count);
            if (Object.keys(changed).length > 0) await this.clients.update(m, id, changed);
        };
        await (manager ? update(manager) : this.transactions.run(update));
    }

    /** Replaces the secret (a generated one when none is given); returns it in clear once. */
    async changeClientSecret(id: string, secret?: string | null): Promise<OAuthClientWithSecret> {
        const clientSecret = secret || randomString(30);
        if (!(await this.clients.updateSecretHash(id, await hashPassword(clientSecret)))) throw notFound("OAuthClient");
        this.forget(id);
        const client = await this.clients.find(id);
        if (!client) throw notFound("OAuthClient");
        return withSecret(client, clientSecret);
    }

    /** How many clients give this tier to their new identities. */
    async countClientsWithDefaultTier(tierId: string, manager?: EntityManager): Promise<number> {
        return await this.clients.countWithDefaultTier(tierId, manager);
    }

    /** Deletes a client: from now on neither logins nor identity creation accept its credentials. */
    async deleteClient(id: string): Promise<void> {
        const deleted = await this.clients.delete(id);
        this.forget(id);
        if (!deleted) throw notFound("OAuthClient");
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
            const existing = await this.clients.find(id);
            if (!existing) {
                await this.createClient({ id, secret, displayName: id }).catch(async (error: unknown) => {
                    if (!(await this.clients.exists(id))) throw error;
                });
            } else if (!(await verifyPassword(secret, existing.secretHash))) {
                await this.clients.updateSecretHash(id, await hashPassword(secret));
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
