import { Injectable } from "@nestjs/common";

import { Transactions } from "../../core/database/transactions";
import { notFound } from "../../core/errors/errors";
import type { SignedChallengeDto } from "../devices/devices.dto";
import { DevicesService, type IdentityDetails } from "../devices/devices.service";
import {
    type DeletionAuditLogEntryInfo,
    DeletionProcessesService,
    type DeletionProcessOverview
} from "../identities/deletion-processes.service";
import { IdentitiesService } from "../identities/identities.service";
import { type IdentityQuotaInfo, QuotasService } from "../quotas/quotas.service";

/** Identities as support sees and manages them (Admin API and CLI): details with quotas, tier, deletion processes. */
@Injectable()
export class IdentitiesAdministration {
    constructor(
        private readonly transactions: Transactions,
        private readonly identities: IdentitiesService,
        private readonly quotas: QuotasService,
        private readonly deletionProcesses: DeletionProcessesService,
        private readonly devices: DevicesService
    ) {}

    async getIdentity(address: string): Promise<IdentityDetails & { quotas: IdentityQuotaInfo[] }> {
        const details = await this.devices.getIdentityDetails(address);
        return { ...details, quotas: await this.quotas.identityQuotas(address) };
    }

    /** Moves an identity to another tier (404 when the identity or the tier does not exist). */
    async changeTier(address: string, tierId: string): Promise<void> {
        await this.transactions.run(async (manager) => {
            if (!(await this.identities.exists(address, manager))) throw notFound("Identity");
            if (!(await this.quotas.tierExists(tierId, manager))) throw notFound("Tier");
            await this.identities.changeTier(address, tierId, manager);
        });
    }

    createIdentity(request: {
        clientId: string;
        identityPublicKey: string;
        devicePassword: string;
        deviceCommunicationLanguage?: string;
        identityVersion: number;
        signedChallenge: SignedChallengeDto;
    }) {
        return this.devices.createIdentityAsSupport(request);
    }

    startDeletionProcess(address: string) {
        return this.deletionProcesses.startDeletionProcessAsSupport(address);
    }

    listDeletionProcesses(address: string): Promise<DeletionProcessOverview[]> {
        return this.deletionProcesses.listDeletionProcessesAsSupport(address);
    }

    getDeletionProcess(address: string, id: string): Promise<DeletionProcessOverview & { auditLog: DeletionAuditLogEntryInfo[] }> {
        return this.deletionProcesses.getDeletionProcessAsSupport(address, id);
    }

    listDeletionAuditLogs(address: string): Promise<DeletionAuditLogEntryInfo[]> {
        return this.deletionProcesses.auditLogsOfIdentity(address);
    }

    async cancelDeletionProcess(address: string, id: string): Promise<void> {
        await this.deletionProcesses.cancelDeletionProcessAsSupport(address, id);
    }
}
