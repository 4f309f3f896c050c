import { Body, Delete, Get, HttpCode, Param, Post, Put } from "@nestjs/common";
import { ApiOperation, ApiTags } from "@nestjs/swagger";

import { AdminController } from "../../core/admin/admin-api";
import { ApiErrors, ApiNoContent, ApiResult } from "../../core/http/openapi";
import { AdminAnnouncementDto, CreateAnnouncementRequest } from "../announcements/announcements.dto";
import { CreateTierQuotaRequest, CreateTierRequest, TierDto, TierQuotaDto } from "../quotas/quotas.dto";
import {
    AddressParams,
    ChangeClientSecretRequest,
    ClientDto,
    ClientSecretDto,
    CreateClientRequest,
    CreatedClientDto,
    HousekeepingReportDto,
    IdentityLookupDto,
    IdParams,
    TierQuotaParams,
    UpdateClientRequest
} from "./admin.dto";
import { AdminService } from "./admin.service";

@ApiTags("Clients")
@AdminController("Clients")
export class AdminClientsController {
    constructor(private readonly admin: AdminService) {}

    @Post()
    @HttpCode(201)
    @ApiOperation({
        summary: "Create an OAuth client",
        description: "The secret is generated unless given, and shown only in this response."
    })
    @ApiResult(CreatedClientDto, 201)
    @ApiErrors(400)
    createClient(@Body() request: CreateClientRequest): Promise<CreatedClientDto> {
        return this.admin.createClient(request);
    }

    @Get()
    @ApiOperation({ summary: "List the OAuth clients" })
    @ApiResult([ClientDto])
    listClients(): Promise<ClientDto[]> {
        return this.admin.listClients();
    }

    @Get(":id")
    @ApiOperation({ summary: "Get an OAuth client" })
    @ApiResult(ClientDto)
    @ApiErrors(404)
    getClient(@Param() params: IdParams): Promise<ClientDto> {
        return this.admin.getClient(params.id);
    }

    @Put(":id")
    @ApiOperation({
        summary: "Change a client's default tier or its maximum number of identities",
        description: "Omitted fields stay as they are; null removes the limit or the tier."
    })
    @ApiResult(ClientDto)
    @ApiErrors(400, 404)
    updateClient(@Param() params: IdParams, @Body() request: UpdateClientRequest): Promise<ClientDto> {
        return this.admin.updateClient(params.id, request);
    }

    @Post(":id/ChangeSecret")
    @HttpCode(200)
    @ApiOperation({ summary: "Replace a client's secret", description: "Generated unless given; shown only in this response." })
    @ApiResult(ClientSecretDto)
    @ApiErrors(400, 404)
    changeClientSecret(@Param() params: IdParams, @Body() request: ChangeClientSecretRequest): Promise<ClientSecretDto> {
        return this.admin.changeClientSecret(params.id, request.clientSecret);
    }

    @Delete(":id")
    @HttpCode(204)
    @ApiOperation({
        summary: "Delete an OAuth client",
        description: "Its credentials stop working at once for logins and identity creation."
    })
    @ApiNoContent()
    @ApiErrors(404)
    async deleteClient(@Param() params: IdParams): Promise<void> {
        await this.admin.deleteClient(params.id);
    }
}

@ApiTags("Tiers")
@AdminController("Tiers")
export class AdminTiersController {
    constructor(private readonly admin: AdminService) {}

    @Post()
    @HttpCode(201)
    @ApiOperation({ summary: "Create a tier" })
    @ApiResult(TierDto, 201)
    @ApiErrors(400)
    createTier(@Body() request: CreateTierRequest): Promise<TierDto> {
        return this.admin.createTier(request.name);
    }

    @Get()
    @ApiOperation({ summary: "List the tiers with their quotas" })
    @ApiResult([TierDto])
    listTiers(): Promise<TierDto[]> {
        return this.admin.listTiers();
    }

    @Get(":id")
    @ApiOperation({ summary: "Get a tier with its quotas" })
    @ApiResult(TierDto)
    @ApiErrors(404)
    getTier(@Param() params: IdParams): Promise<TierDto> {
        return this.admin.getTier(params.id);
    }

    @Delete(":id")
    @HttpCode(204)
    @ApiOperation({ summary: "Delete a tier and its quotas" })
    @ApiNoContent()
    @ApiErrors(404)
    async deleteTier(@Param() params: IdParams): Promise<void> {
        await this.admin.deleteTier(params.id);
    }

    @Post(":id/Quotas")
    @HttpCode(201)
    @ApiOperation({ summary: "Add a quota to a tier" })
    @ApiResult(TierQuotaDto, 201)
    @ApiErrors(400, 404)
    addTierQuota(@Param() params: IdParams, @Body() request: CreateTierQuotaRequest): Promise<TierQuotaDto> {
        return this.admin.addTierQuota(params.id, request);
    }

    @Delete(":id/Quotas/:quotaId")
    @HttpCode(204)
    @ApiOperation({ summary: "Remove a quota from a tier" })
    @ApiNoContent()
    @ApiErrors(404)
    async deleteTierQuota(@Param() params: TierQuotaParams): Promise<void> {
        await this.admin.deleteTierQuota(params.id, params.quotaId);
    }
}

@ApiTags("Announcements")
@AdminController("Announcements")
export class AdminAnnouncementsController {
    constructor(private readonly admin: AdminService) {}

    @Post()
    @HttpCode(201)
    @ApiOperation({
        summary: "Create an announcement",
        description: "Texts per language (English required); recipients omitted for everybody."
    })
    @ApiResult(AdminAnnouncementDto, 201)
    @ApiErrors(400)
    createAnnouncement(@Body() request: CreateAnnouncementRequest): Promise<AdminAnnouncementDto> {
        return this.admin.createAnnouncement(request);
    }

    @Get()
    @ApiOperation({ summary: "List all announcements" })
    @ApiResult([AdminAnnouncementDto])
    listAnnouncements(): Promise<AdminAnnouncementDto[]> {
        return this.admin.listAnnouncements();
    }

    @Delete(":id")
    @HttpCode(204)
    @ApiOperation({ summary: "Delete an announcement" })
    @ApiNoContent()
    @ApiErrors(404)
    async deleteAnnouncement(@Param() params: IdParams): Promise<void> {
        await this.admin.deleteAnnouncement(params.id);
    }
}

@ApiTags("Identities")
@AdminController("Identities")
export class AdminIdentitiesController {
    constructor(private readonly admin: AdminService) {}

    @Get(":address")
    @ApiOperation({
        summary: "Look an identity up by its address",
        description: "Status, tier, client, number of devices and creation date."
    })
    @ApiResult(IdentityLookupDto)
    @ApiErrors(404)
    getIdentity(@Param() params: AddressParams): Promise<IdentityLookupDto> {
        return this.admin.lookupIdentity(params.address);
    }
}

@ApiTags("Housekeeping")
@AdminController("Housekeeping")
export class AdminHousekeepingController {
    constructor(private readonly admin: AdminService) {}

    @Post("Run")
    @HttpCode(200)
    @ApiOperation({ summary: "Run the housekeeping jobs now", description: "Skips a job another instance is running at the moment." })
    @ApiResult(HousekeepingReportDto)
    runHousekeeping(): Promise<HousekeepingReportDto> {
        return this.admin.runHousekeeping();
    }
}
