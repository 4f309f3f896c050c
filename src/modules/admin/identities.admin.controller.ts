import { Body, Delete, Get, HttpCode, Param, Post, Put } from "@nestjs/common";
import { ApiOperation, ApiTags } from "@nestjs/swagger";

import { AdminController } from "../../core/admin/admin-api";
import { ApiErrors, ApiNoContent, ApiResult } from "../../core/http/openapi";
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
import { IdentitiesAdministration } from "./identities.administration";

@ApiTags("Identities")
@AdminController("Identities")
export class IdentitiesAdminController {
    constructor(
        private readonly identities: IdentitiesAdministration,
        private readonly quotas: QuotasService
    ) {}

    @Get(":address")
    @ApiOperation({
        summary: "Get an identity",
        description: "Client, tier, status, devices (never passwords or keys but the identity's public key) and quotas with usage."
    })
    @ApiResult(IdentityDetailsDto)
    @ApiErrors(400, 404)
    getIdentity(@Param() params: AddressParams): Promise<IdentityDetailsDto> {
        return this.identities.getIdentity(params.address);
    }

    @Put(":address")
    @HttpCode(204)
    @ApiOperation({ summary: "Move an identity to another tier", description: "Not to or from the built-in tier 'Queued for Deletion'." })
    @ApiNoContent()
    @ApiErrors(400, 404)
    async updateIdentity(@Param() params: AddressParams, @Body() request: UpdateIdentityRequest): Promise<void> {
        await this.identities.changeTier(params.address, request.tierId);
    }

    @Post()
    @HttpCode(201)
    @ApiOperation({
        summary: "Create an identity for a client",
        description: "As POST /api/v2/Identities, but without the client's secret."
    })
    @ApiResult(CreatedIdentityDto, 201)
    @ApiErrors(400)
    createIdentity(@Body() request: CreateIdentityAsSupportRequest): Promise<CreatedIdentityDto> {
        return this.identities.createIdentity(request);
    }

    @Post(":address/Quotas")
    @HttpCode(201)
    @ApiOperation({
        summary: "Give an identity an individual quota",
        description:
            "For its metric, an identity's individual quotas apply instead of its tier's (except in the tier 'Queued for Deletion')."
    })
    @ApiResult(QuotaDefinitionDto, 201)
    @ApiErrors(400, 404)
    createIndividualQuota(@Param() params: AddressParams, @Body() request: CreateQuotaRequest): Promise<QuotaDefinitionDto> {
        return this.quotas.createIndividualQuota(params.address, request);
    }

    @Delete(":address/Quotas/:individualQuotaId")
    @HttpCode(204)
    @ApiOperation({ summary: "Remove an individual quota of an identity" })
    @ApiNoContent()
    @ApiErrors(400, 404)
    async deleteIndividualQuota(@Param() params: IndividualQuotaParams): Promise<void> {
        await this.quotas.deleteIndividualQuota(params.address, params.individualQuotaId);
    }

    @Post(":address/DeletionProcesses")
    @HttpCode(201)
    @ApiOperation({
        summary: "Start the deletion of an identity as support",
        description:
            "Active at once with the default grace period (14 days): the identity is ToBeDeleted and its devices see the process in " +
            "GET /api/v2/Identities/Self/DeletionProcesses; an IdentityDeletionProcessStarted external event is written for them."
    })
    @ApiResult(StartedDeletionProcessDto, 201)
    @ApiErrors(400, 404)
    startDeletionProcessAsSupport(@Param() params: AddressParams): Promise<StartedDeletionProcessDto> {
        return this.identities.startDeletionProcess(params.address);
    }

    @Get(":address/DeletionProcesses")
    @ApiOperation({ summary: "List the deletion processes of an identity", description: "Newest first." })
    @ApiResult([DeletionProcessOverviewDto])
    @ApiErrors(400, 404)
    listDeletionProcessesAsSupport(@Param() params: AddressParams): Promise<DeletionProcessOverviewDto[]> {
        return this.identities.listDeletionProcesses(params.address);
    }

    @Get(":address/DeletionProcesses/AuditLogs")
    @ApiOperation({
        summary: "List the deletion audit log of an address",
        description: "Every entry about the address, oldest first; the log names identities only by a hash and outlives them."
    })
    @ApiResult([DeletionAuditLogEntryDto])
    @ApiErrors(400)
    listDeletionProcessesAuditLogs(@Param() params: AddressParams): Promise<DeletionAuditLogEntryDto[]> {
        return this.identities.listDeletionAuditLogs(params.address);
    }

    @Get(":address/DeletionProcesses/:deletionProcessId")
    @ApiOperation({ summary: "Get a deletion process of an identity with its audit log" })
    @ApiResult(DeletionProcessDetailsDto)
    @ApiErrors(400, 404)
    getDeletionProcessAsSupport(@Param() params: DeletionProcessParams): Promise<DeletionProcessDetailsDto> {
        return this.identities.getDeletionProcess(params.address, params.deletionProcessId);
    }

    @Put(":address/DeletionProcesses/:deletionProcessId/Cancel")
    @HttpCode(204)
    @ApiOperation({
        summary: "Cancel an active deletion process as support",
        description: "The identity is active again with its previous tier; its devices get an IdentityDeletionProcessStatusChanged event."
    })
    @ApiNoContent()
    @ApiErrors(400, 404)
    async cancelDeletionProcessAsSupport(@Param() params: DeletionProcessParams): Promise<void> {
        await this.identities.cancelDeletionProcess(params.address, params.deletionProcessId);
    }
}
