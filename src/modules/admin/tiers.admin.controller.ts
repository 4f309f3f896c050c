import { Body, Param } from "@nestjs/common";

import { AdminController } from "../../core/admin/admin-api";
import { Endpoint } from "../../core/http/endpoint";
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

@AdminController("Tiers")
export class TiersAdminController {
    constructor(private readonly quotas: QuotasService) {}

    @Endpoint({ method: "GET", summary: "List the tiers", description: "With their number of identities.", result: [TierOverviewDto] })
    listTiers(): Promise<TierOverviewDto[]> {
        return this.quotas.listTiers();
    }

    @Endpoint({ method: "GET", path: ":tierId", summary: "Get a tier with its quotas", result: TierDetailsDto, errors: [404] })
    getTier(@Param() params: TierIdParams): Promise<TierDetailsDto> {
        return this.quotas.getTier(params.tierId);
    }

    @Endpoint({ method: "POST", summary: "Create a tier", result: TierRefDto, errors: [400] })
    createTier(@Body() request: CreateTierRequest): Promise<TierRefDto> {
        return this.quotas.createTier(request.name);
    }

    @Endpoint({
        method: "DELETE",
        path: ":tierId",
        summary: "Delete a tier and its quotas",
        description: "Refused while a client has it as default tier or an identity has it, and for the built-in tier.",
        result: "none",
        errors: [400, 404]
    })
    async deleteTier(@Param() params: TierIdParams): Promise<void> {
        await this.quotas.deleteTier(params.tierId);
    }

    @Endpoint({
        method: "POST",
        path: ":tierId/Quotas",
        summary: "Add a quota to a tier",
        description: "At most one quota per metric and period.",
        result: QuotaDefinitionDto,
        errors: [400, 404]
    })
    createTierQuota(@Param() params: TierIdParams, @Body() request: CreateQuotaRequest): Promise<QuotaDefinitionDto> {
        return this.quotas.createTierQuota(params.tierId, request);
    }

    @Endpoint({
        method: "DELETE",
        path: ":tierId/Quotas/:tierQuotaDefinitionId",
        summary: "Remove a quota from a tier",
        result: "none",
        errors: [400, 404]
    })
    async deleteTierQuota(@Param() params: TierQuotaParams): Promise<void> {
        await this.quotas.deleteTierQuota(params.tierId, params.tierQuotaDefinitionId);
    }
}
