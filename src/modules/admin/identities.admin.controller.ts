import { Body, Param } from "@nestjs/common";

import { AdminController } from "../../core/admin/admin-api";
import { Endpoint } from "../../core/http/endpoint";
import { QuotasService } from "../quotas/quotas.service";
import {
    AddressParams,
    CreatedIdentityDto,
    CreateIdentityAsSupportRequest,
    CreateQuotaRequest,
    DeletionAuditLogEntryDto,
    DeletionProcessDetailsDto,
    DeletionProcessOverviewDto,
    DeletionProcessParams,
    IdentityDetailsDto,
    IndividualQuotaParams,
    QuotaDefinitionDto,
    StartedDeletionProcessDto,
    UpdateIdentityRequest
} from "./admin.dto";
import { IdentitiesAdministration } from "./identities-administration.service";

@AdminController("Identities")
export class IdentitiesAdminController {
    constructor(
        private readonly identities: IdentitiesAdministration,
        private readonly quotas: QuotasService
    ) {}

    @Endpoint({
        method: "GET",
        path: ":address",
        summary: "Get an identity",
        description: "Client, tier, status, devices (never passwords or keys but the identity's public key) and quotas with usage.",
        result: IdentityDetailsDto,
        errors: [400, 404]
    })
    getIdentity(@Param() params: AddressParams): Promise<IdentityDetailsDto> {
        return this.identities.getIdentity(params.address);
    }

    @Endpoint({
        method: "PUT",
        path: ":address",
        summary: "Move an identity to another tier",
        description: "Not to or from the built-in tier 'Queued for Deletion'.",
        result: "none",
        errors: [400, 404]
    })
    async updateIdentity(@Param() params: AddressParams, @Body() request: UpdateIdentityRequest): Promise<void> {
        await this.identities.changeTier(params.address, request.tierId);
    }

    @Endpoint({
        method: "POST",
        summary: "Create an identity for a client",
        description: "As POST /api/v2/Identities, but without the client's secret.",
        result: CreatedIdentityDto,
        errors: [400]
    })
    createIdentity(@Body() request: CreateIdentityAsSupportRequest): Promise<CreatedIdentityDto> {
        return this.identities.createIdentity(request);
    }

    @Endpoint({
        method: "POST",
        path: ":address/Quotas",
        summary: "Give an identity an individual quota",
        description:
            "For its metric, an identity's individual quotas apply instead of its tier's (except in the tier 'Queued for Deletion').",
        result: QuotaDefinitionDto,
        errors: [400, 404]
    })
    createIndividualQuota(@Param() params: AddressParams, @Body() request: CreateQuotaRequest): Promise<QuotaDefinitionDto> {
        return this.quotas.createIndividualQuota(params.address, request);
    }

    @Endpoint({
        method: "DELETE",
        path: ":address/Quotas/:individualQuotaId",
        summary: "Remove an individual quota of an identity",
        result: "none",
        errors: [400, 404]
    })
    async deleteIndividualQuota(@Param() params: IndividualQuotaParams): Promise<void> {
        await this.quotas.deleteIndividualQuota(params.address, params.individualQuotaId);
    }

    @Endpoint({
        method: "POST",
        path: ":address/DeletionProcesses",
        summary: "Start the deletion of an identity as support",
        description:
            "Active at once with the default grace period (14 days): the identity is ToBeDeleted and its devices see the process in " +
            "GET /api/v2/Identities/Self/DeletionProcesses; an IdentityDeletionProcessStarted external event is written for them.",
        result: StartedDeletionProcessDto,
        errors: [400, 404]
    })
    async startDeletionProcessAsSupport(@Param() params: AddressParams): Promise<StartedDeletionProcessDto> {
        return StartedDeletionProcessDto.from(await this.identities.startDeletionProcess(params.address));
    }

    @Endpoint({
        method: "GET",
        path: ":address/DeletionProcesses",
        summary: "List the deletion processes of an identity",
        description: "Newest first.",
        result: [DeletionProcessOverviewDto],
        errors: [400, 404]
    })
    listDeletionProcessesAsSupport(@Param() params: AddressParams): Promise<DeletionProcessOverviewDto[]> {
        return this.identities.listDeletionProcesses(params.address);
    }

    @Endpoint({
        method: "GET",
        path: ":address/DeletionProcesses/AuditLogs",
        summary: "List the deletion audit log of an address",
        description: "Every entry about the address, oldest first; the log names identities only by a hash and outlives them.",
        result: [DeletionAuditLogEntryDto],
        errors: [400]
    })
    listDeletionProcessesAuditLogs(@Param() params: AddressParams): Promise<DeletionAuditLogEntryDto[]> {
        return this.identities.listDeletionAuditLogs(params.address);
    }

    @Endpoint({
        method: "GET",
        path: ":address/DeletionProcesses/:deletionProcessId",
        summary: "Get a deletion process of an identity with its audit log",
        result: DeletionProcessDetailsDto,
        errors: [400, 404]
    })
    getDeletionProcessAsSupport(@Param() params: DeletionProcessParams): Promise<DeletionProcessDetailsDto> {
        return this.identities.getDeletionProcess(params.address, params.deletionProcessId);
    }

    @Endpoint({
        method: "PUT",
        path: ":address/DeletionProcesses/:deletionProcessId/Cancel",
        summary: "Cancel an active deletion process as support",
        description: "The identity is active again with its previous tier; its devices get an IdentityDeletionProcessStatusChanged event.",
        result: "none",
        errors: [400, 404]
    })
    async cancelDeletionProcessAsSupport(@Param() params: DeletionProcessParams): Promise<void> {
        await this.identities.cancelDeletionProcess(params.address, params.deletionProcessId);
    }
}
