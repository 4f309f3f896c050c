import { Injectable } from "@nestjs/common";

import { type QuotaUsageCounter, RegisterQuotaUsageCounter } from "../../core/quotas/quota-usage";
import { DevicesRepository } from "./devices.repository";

/** Usage of the NumberOfCreatedDevices quota: devices the identity has (created since the period began). */
@Injectable()
@RegisterQuotaUsageCounter()
export class CreatedDevicesUsage implements QuotaUsageCounter {
    readonly metricKey = "NumberOfCreatedDevices";

    constructor(private readonly devices: DevicesRepository) {}

    async countUsage(address: string, since: Date | undefined): Promise<number> {
        return await this.devices.countCreatedBy(address, since);
    }
}
