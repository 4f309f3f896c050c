import { Injectable } from "@nestjs/common";

import { ApiError, ErrorCode } from "../../core/errors/errors";
import { Housekeeper, type HousekeepingReport } from "../../core/housekeeping/housekeeper";
import type { CreateAnnouncementRequest } from "../announcements/announcements.dto";
import { AnnouncementsService } from "../announcements/announcements.service";
import { IdentitiesService, type IdentityLookup } from "../devices/identities.service";
import { type OAuthClientInfo, OAuthClientsService } from "../devices/oauth-clients.service";
import type { QuotaMetricKey, QuotaPeriod } from "../quotas/quota-metrics";
import { QuotasService } from "../quotas/quotas.service";

/** The operations of the admin surface, shared by the HTTP controllers and the CLI. */
@Injectable()
export class AdminService {
    constructor(
        private readonly clients: OAuthClientsService,
        private readonly identities: IdentitiesService,
        private readonly quotas: QuotasService,
        private readonly announcements: AnnouncementsService,
        private readonly housekeeper: Housekeeper
    ) {}

    async createClient(input: {
        clientId?: string;
        displayName?: string;
        clientSecret?: string;
        defaultTier?: string | null;
        maxIdentities?: number | null;
    }) {
        await this.requireTier(input.defaultTier);
        if (input.clientId && (await this.clients.listClients()).some((c) => c.clientId === input.clientId)) {
            throw new ApiError(ErrorCode.invalidPropertyValue, "A client with this id already exists.");
        }
        const created = await this.clients.createClient({
            id: input.clientId,
            secret: input.clientSecret,
            displayName: input.displayName,
            defaultTier: input.defaultTier ?? null,
            maxIdentities: input.maxIdentities ?? null
        });
        return { ...(await this.clients.getClient(created.id)), clientSecret: created.secret };
    }

    listClients(): Promise<OAuthClientInfo[]> {
        return this.clients.listClients();
    }

    getClient(id: string): Promise<OAuthClientInfo> {
        return this.clients.getClient(id);
    }

    async updateClient(id: string, changes: { defaultTier?: string | null; maxIdentities?: number | null }): Promise<OAuthClientInfo> {
        await this.requireTier(changes.defaultTier);
        return await this.clients.updateClient(id, changes);
    }

    changeClientSecret(id: string, secret?: string) {
        return this.clients.changeClientSecret(id, secret);
    }

    deleteClient(id: string): Promise<void> {
        return this.clients.deleteClient(id);
    }

    listTiers() {
        return this.quotas.listTiers();
    }

    getTier(id: string) {
        return this.quotas.getTier(id);
    }

    createTier(name: string) {
        return this.quotas.createTier(name);
    }

    deleteTier(id: string) {
        return this.quotas.deleteTier(id);
    }

    addTierQuota(tierId: string, input: { metricKey: QuotaMetricKey; max: number; period: QuotaPeriod }) {
        return this.quotas.addTierQuota(tierId, input);
    }

    deleteTierQuota(tierId: string, quotaId: string) {
        return this.quotas.deleteTierQuota(tierId, quotaId);
    }

    createAnnouncement(request: CreateAnnouncementRequest) {
        return this.announcements.createAnnouncement(request);
    }

    listAnnouncements() {
        return this.announcements.listAllAnnouncements();
    }

    deleteAnnouncement(id: string) {
        return this.announcements.deleteAnnouncement(id);
    }

    lookupIdentity(address: string): Promise<IdentityLookup> {
        return this.identities.lookupIdentity(address);
    }

    runHousekeeping(only?: string[]): Promise<HousekeepingReport> {
        return this.housekeeper.runOnce(only);
    }

    private async requireTier(tierId: string | null | undefined): Promise<void> {
        if (tierId && !(await this.quotas.tierExists(tierId))) {
            throw new ApiError("error.platform.validation.tierDoesNotExist", "'defaultTier': no tier with this id exists.");
        }
    }
}
