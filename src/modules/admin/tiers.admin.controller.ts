import { Body, Delete, Get, HttpCode, Param, Post } from "@nestjs/common";
import { ApiOperation, ApiTags } from "@nestjs/swagger";

import { AdminController } from "../../core/admin/admin-api";
import { ApiErrors, ApiNoContent, ApiResult } from "../../core/http/openapi";
import { QuotasService } from "../quotas/quotas.service";
import {
    CreateQuotaRequest,
    CreateTierRequest,
    QuotaDefinitionDto,
    TierDetailsDto,
    TierIdParams,
    TierOverviewDto,
    TierQuotaParams,
    TierRefDto
} from "./admin.dto";

@ApiTags("Tiers")
@AdminController("Tiers")
export class TiersAdminController {
    constructor(private readonly quotas: QuotasService) {}

    @Get()
    @ApiOperation({ summary: "List the tiers", description: "With their number of identities." })
    @ApiResult([TierOverviewDto])
    listTiers(): Promise<TierOverviewDto[]> {
        return this.quotas.listTiers();
    }

    @Get(":tierId")
    @ApiOperation({ summary: "Get a tier with its quotas" })
    @ApiResult(TierDetailsDto)
    @ApiErrors(404)
    getTier(@Param() params: TierIdParams): Promise<TierDetailsDto> {
        return this.quotas.getTier(params.tierId);
    }

    @Post()
    @HttpCode(201)
    @ApiOperation({ summary: "Create a tier" })
    @ApiResult(TierRefDto, 201)
    @ApiErrors(400)
    createTier(@Body() request: CreateTierRequest): Promise<TierRefDto> {
        return this.quotas.createTier(request.name);
    }

    @Delete(":tierId")
    @HttpCode(204)
    @ApiOperation({
        summary: "Delete a tier and its quotas",
        description: "Refused while a client has it as default tier or an identity has it, and for the built-in tier."
    })
    @ApiNoContent()
    @ApiErrors(400, 404)
    async deleteTier(@Param() params: TierIdParams): Promise<void> {
        await this.quotas.deleteTier(params.tierId);
    }

    @Post(":tierId/Quotas")
    @HttpCode(201)
    @ApiOperation({ summary: "Add a quota to a tier", description: "At most one quota per metric and period." })
    @ApiResult(QuotaDefinitionDto, 201)
    @ApiErrors(400, 404)
    createTierQuota(@Param() params: TierIdParams, @Body() request: CreateQuotaRequest): Promise<QuotaDefinitionDto> {
        return this.quotas.createTierQuota(params.tierId, request);
    }

    @Delete(":tierId/Quotas/:tierQuotaDefinitionId")
    @HttpCode(204)
    @ApiOperation({ summary: "Remove a quota from a tier" })
    @ApiNoContent()
    @ApiErrors(400, 404)
    async deleteTierQuota(@Param() params: TierQuotaParams): Promise<void> {
        await this.quotas.deleteTierQuota(params.tierId, params.tierQuotaDefinitionId);
    }
}
