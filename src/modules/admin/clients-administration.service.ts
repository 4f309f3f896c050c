import { Injectable } from "@nestjs/common";

import { Transactions } from "../../core/database/transactions";
import { ApiError, notFound } from "../../core/errors/errors";
import { type OAuthClientInfo, OAuthClientsService, type OAuthClientWithSecret } from "../oauth-clients/oauth-clients.service";
import { QuotasService } from "../quotas/quotas.service";

export const tierIdInvalidOrDoesNotExist = () =>
    new ApiError(
        "error.platform.validation.device.tierIdInvalidOrDoesNotExist",
        "The passed tier ID is not valid or the tier does not exist."
    );

/** A client with its default tier named, as the client list of the Admin API shows it. */
export interface ClientOverview extends Omit<OAuthClientInfo, "defaultTier"> {
    defaultTier: { id: string; name: string } | null;
}

/**
 * OAuth clients as operators manage them (Admin API and CLI). Clients live in the devices module, tiers in the
 * quotas module: this is where the two meet.
 */
@Injectable()
export class ClientsAdministration {
    constructor(
        private readonly transactions: Transactions,
        private readonly clients: OAuthClientsService,
        private readonly quotas: QuotasService
    ) {}

    async listClients(): Promise<ClientOverview[]> {
        const [clients, tierNames] = await Promise.all([this.clients.listClients(), this.quotas.tierNames()]);
        return clients.map((client) => ({
            ...client,
            defaultTier: client.defaultTier ? { id: client.defaultTier, name: tierNames.get(client.defaultTier) ?? "" } : null
        }));
    }

    getClient(id: string): Promise<OAuthClientInfo> {
        return this.clients.getClient(id);
    }

    /** Creates a client; its default tier may be given by id or by name (404 when no such tier exists). */
    async createClient(input: {
        clientId?: string | null;
        displayName?: string | null;
        clientSecret?: string | null;
        defaultTier?: string | null;
        maxIdentities?: number | null;
    }): Promise<OAuthClientWithSecret> {
        let defaultTier: string | null = null;
        if (input.defaultTier) {
            const tier = await this.quotas.findTier(input.defaultTier);
            if (!tier) throw notFound("Tier");
            defaultTier = tier.id;
        }
        return await this.clients.createClient({
            id: input.clientId ?? undefined,
            secret: input.clientSecret ?? undefined,
            displayName: input.displayName ?? undefined,
            defaultTier,
            maxIdentities: input.maxIdentities ?? null
        });
    }

    /** Sets the default tier (by id; null for none) and the identity limit; `undefined` leaves a value as it is. */
    async updateClient(id: string, changes: { defaultTier?: string | null; maxIdentities?: number | null }): Promise<OAuthClientInfo> {
        await this.transactions.run(async (manager) => {
            if (changes.defaultTier && !(await this.quotas.tierExists(changes.defaultTier, manager))) {
                if (!(await this.clients.findClient(id))) throw notFound("OAuthClient");
                throw tierIdInvalidOrDoesNotExist();
            }
            await this.clients.updateClient(id, changes, manager);
        });
        return await this.clients.getClient(id);
    }

    changeClientSecret(id: string, newSecret?: string | null): Promise<OAuthClientWithSecret> {
        return this.clients.changeClientSecret(id, newSecret);
    }

    deleteClient(id: string): Promise<void> {
        return this.clients.deleteClient(id);
    }
}
