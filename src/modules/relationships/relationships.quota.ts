import { QuotaUsageCounterOf } from "../../core/quotas/quota-usage";
import { RelationshipsRepository } from "./relationships.repository";

/** Usage of the NumberOfRelationships quota: relationships the identity takes part in (either side), by creation date. */
export class RelationshipsUsage extends QuotaUsageCounterOf(
    "NumberOfRelationships",
    RelationshipsRepository,
    (relationships, address, since) => relationships.countOfParticipant(address, since)
) {}
