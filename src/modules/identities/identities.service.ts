import { Inject, Injectable } from "@nestjs/common";
import type { EntityManager } from "typeorm";

import { Clock } from "../../core/clock/clock";
import { Transactions } from "../../core/database/transactions";
import { notFound } from "../../core/errors/errors";
import type { IdentityStatus } from "./identities.events";
import { IdentitiesRepository } from "./identities.repository";
import { Identity, type NewIdentity } from "./identity.entity";

/** An identity as other modules read it (never the entity): what an operator and a login need to know. */
export interface IdentityInfo {
    address: string;
    clientId: string;
    /** The JSON of the public key as sent at creation. */
    publicKey: Buffer;
    identityVersion: number;
    tierId: string | null;
    status: IdentityStatus;
    createdAt: Date;
    deletionGracePeriodEndsAt: Date | null;
    /** False once the grace period of a deletion process is over. */
    canLogIn: boolean;
}

/**
 * The use cases of identities (their deletion processes are `DeletionProcessesService`'s), and the reads other modules
 * make of them. A read that feeds another module's decision takes that use case's EntityManager.
 */
@Injectable()
export class IdentitiesService {
    constructor(
        private readonly identities: IdentitiesRepository,
        private readonly transactions: Transactions,
        @Inject(Clock) private readonly clock: Clock
    ) {}

    /** Records a new identity in the transaction of its onboarding (which creates its first device). */
    async createIdentity(manager: EntityManager, input: Omit<NewIdentity, "now">, now: Date): Promise<void> {
        await this.identities.insert(manager, Identity.create({ ...input, now }));
    }

    async getIdentity(address: string): Promise<Identity> {
        const identity = await this.identities.find(address);
        if (!identity) throw notFound("Identity");
        return identity;
    }

    /** An identity as other modules read it, or undefined when it does not exist. */
    async find(address: string, manager?: EntityManager): Promise<IdentityInfo | undefined> {
        return this.infoOf(await this.identities.find(address, manager));
    }

    /**
     * An identity as other modules read it for a decision of their use case, locked in share mode until its transaction
     * ends: the start or cancellation of a deletion process and the deletion itself cannot change the identity between
     * this read and the commit, so the decision still holds when the use case's writes become visible. Lock it before the
     * other rows of the transaction, as the deletion does, so that the two never wait for each other in a circle.
     */
    async lock(manager: EntityManager, address: string): Promise<IdentityInfo | undefined> {
        return this.infoOf(await this.identities.findForShare(manager, address));
    }

    private infoOf(identity: Identity | undefined): IdentityInfo | undefined {
        if (!identity) return undefined;
        return {
            address: identity.address,
            clientId: identity.clientId,
            publicKey: identity.publicKey,
            identityVersion: identity.identityVersion,
            tierId: identity.tierId,
            status: identity.status,
            createdAt: identity.createdAt,
            deletionGracePeriodEndsAt: identity.deletionGracePeriodEndsAt,
            canLogIn: identity.canLogIn(this.clock.now())
        };
    }

    async exists(address: string, manager?: EntityManager): Promise<boolean> {
        return await this.identities.exists(address, manager);
    }

    /**
     * The status of an identity, or undefined when it does not exist, unlocked: for answers and for whom to notify. A
     * use case that writes lasting state on the strength of the status reads it with `lock` instead.
     */
    async statusOf(address: string, manager?: EntityManager): Promise<IdentityStatus | undefined> {
        return await this.identities.statusOf(address, manager);
    }

    /** The status of each of these identities that exists (address → status), in one statement; like `statusOf`. */
    async statusesOf(addresses: readonly string[], manager?: EntityManager): Promise<Map<string, IdentityStatus>> {
        return await this.identities.statusesOf(addresses, manager);
    }

    /** Moves an identity to another (existing) tier; never into or out of "Queued for Deletion". */
    async changeTier(address: string, tierId: string, manager?: EntityManager): Promise<void> {
        const change = async (m: EntityManager) => {
            const identity = await this.identities.findForUpdate(m, address);
            if (!identity) throw notFound("Identity");
            if (identity.changesTier(tierId)) await this.identities.updateTier(m, address, tierId);
        };
        await (manager ? change(manager) : this.transactions.run(change));
    }

    /** How many identities each tier has (tier id → count). */
    async countIdentitiesPerTier(manager?: EntityManager): Promise<Map<string, number>> {
        return await this.identities.countPerTier(manager);
    }

    /** How many identities each OAuth client created (client id → count). */
    async countIdentitiesPerClient(): Promise<Map<string, number>> {
        return await this.identities.countPerClient();
    }

    /** How many identities an OAuth client created, as the given transaction sees it (for the client's limit). */
    async countIdentitiesOfClient(clientId: string, manager?: EntityManager): Promise<number> {
        return await this.identities.countOfClient(clientId, manager);
    }
}
