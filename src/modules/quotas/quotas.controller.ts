import { Controller, Get } from "@nestjs/common";
import { ApiBearerAuth, ApiOperation, ApiTags } from "@nestjs/swagger";

import { type Caller, CurrentCaller } from "../../core/auth/caller";
import { ApiErrors, ApiResult } from "../../core/http/openapi";
import { MetricQuotasDto } from "./quotas.dto";
import { QuotasService } from "./quotas.service";

@ApiTags("Quotas")
@Controller("api/v2/Quotas")
export class QuotasController {
    constructor(private readonly quotas: QuotasService) {}

    @Get()
    @ApiBearerAuth()
    @ApiOperation({
        summary: "List the caller's quotas",
        description: "The quotas of the caller's tier per metric, with the usage in the current period."
    })
    @ApiResult([MetricQuotasDto])
    @ApiErrors(401)
    async listOwnQuotas(@CurrentCaller() caller: Caller): Promise<MetricQuotasDto[]> {
        return await this.quotas.quotasOf(caller.address);
    }
}
