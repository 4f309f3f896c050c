import { repositoryUsageCounter } from "../../core/quotas/quota-usage";
import { RelationshipsRepository } from "./relationships.repository";

/** Usage of the NumberOfRelationships quota: relationships the identity takes part in (either side), by creation date. */
export const RelationshipsUsage = repositoryUsageCounter(
    "NumberOfRelationships",
    RelationshipsRepository,
    (relationships, address, since) => relationships.countOfParticipant(address, since)
);
