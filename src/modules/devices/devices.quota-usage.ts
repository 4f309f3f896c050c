import { Injectable } from "@nestjs/common";

import { type QuotaUsageCounter, RegisterQuotaUsageCounter } from "../../core/quotas/quota-usage";
import { IdentitiesService } from "./identities.service";

/** Usage of the NumberOfCreatedDevices quota. */
@Injectable()
@RegisterQuotaUsageCounter()
export class CreatedDevicesUsage implements QuotaUsageCounter {
    readonly metricKey = "NumberOfCreatedDevices";

    constructor(private readonly identities: IdentitiesService) {}

    countUsage(address: string, since: Date | undefined): Promise<number> {
        return this.identities.countCreatedDevices(address, since);
    }
}
