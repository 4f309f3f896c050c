import { QuotaUsageCounterOf } from "../../core/quotas/quota-usage";
import { DevicesRepository } from "./devices.repository";

/** Usage of the NumberOfCreatedDevices quota: devices the identity has (created since the period began). */
export class CreatedDevicesUsage extends QuotaUsageCounterOf("NumberOfCreatedDevices", DevicesRepository, (devices, address, since) =>
    devices.countCreatedBy(address, since)
) {}
