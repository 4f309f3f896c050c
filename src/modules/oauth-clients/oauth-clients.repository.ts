import { Injectable } from "@nestjs/common";
import { InjectDataSource } from "@nestjs/typeorm";
import type { DataSource, EntityManager } from "typeorm";

import { OAuthClient } from "./oauth-client.entity";

/** Every query of the OAuth clients module, named by intent. */
@Injectable()
export class OAuthClientsRepository {
    constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

    private get clients() {
        return this.dataSource.getRepository(OAuthClient);
    }

    async find(id: string): Promise<OAuthClient | undefined> {
        return (await this.clients.findOneBy({ id })) ?? undefined;
    }

    /** The client, locked for the rest of the transaction (identity creation and changes of its limit wait for each other). */
    async findForUpdate(manager: EntityManager, id: string): Promise<OAuthClient | undefined> {
        return (await manager.findOne(OAuthClient, { where: { id }, lock: { mode: "pessimistic_write" } })) ?? undefined;
    }

    async exists(id: string): Promise<boolean> {
        return await this.clients.existsBy({ id });
    }

    async insert(client: OAuthClient): Promise<void> {
        await this.clients.insert(client);
    }

    async listOldestFirst(): Promise<OAuthClient[]> {
        return await this.clients.find({ order: { createdAt: "ASC", id: "ASC" } });
    }

    async count(): Promise<number> {
        return await this.clients.count();
    }

    async countWithDefaultTier(tierId: string, manager: EntityManager = this.dataSource.manager): Promise<number> {
        return await manager.countBy(OAuthClient, { defaultTier: tierId });
    }

    async update(manager: EntityManager, id: string, update: Partial<OAuthClient>): Promise<void> {
        await manager.update(OAuthClient, { id }, update);
    }

    /** Replaces the secret; false when the client does not exist. */
    async updateSecretHash(id: string, secretHash: string): Promise<boolean> {
        return ((await this.clients.update({ id }, { secretHash })).affected ?? 0) > 0;
    }

    /** Deletes the client; false when it did not exist. */
    async delete(id: string): Promise<boolean> {
        return ((await this.clients.delete({ id })).affected ?? 0) > 0;
    }
}
