import { Controller } from "@nestjs/common";
import { ApiTags } from "@nestjs/swagger";

import { type Caller, CurrentCaller } from "../../core/auth/caller";
import { Endpoint } from "../../core/http/endpoint";
import { MetricQuotasDto } from "./quotas.dto";
import { QuotasService } from "./quotas.service";

/** The Consumer API of quotas: translates HTTP to one service call and maps the result to its DTO. */
@ApiTags("Quotas")
@Controller("api/v2/Quotas")
export class QuotasController {
    constructor(private readonly quotas: QuotasService) {}

    @Endpoint({
        method: "GET",
        summary: "List the caller's quotas",
        description: "The quotas of the caller's tier per metric, with the usage in the current period.",
        result: [MetricQuotasDto],
        errors: [401]
    })
    async listOwnQuotas(@CurrentCaller() caller: Caller): Promise<MetricQuotasDto[]> {
        return (await this.quotas.quotasOf(caller.address)).map((metric) => MetricQuotasDto.from(metric));
    }
}
