import { Inject, Injectable } from "@nestjs/common";

import { BACKBONE_CONFIG, type BackboneConfig } from "../../config/config";
import type { Caller } from "../../core/auth/caller";
import { Transactions } from "../../core/database/transactions";
import { notFound } from "../../core/errors/errors";
import { DomainEvents } from "../../core/events/domain-events";
import { RelationshipsService } from "../relationships/relationships.service";
import { FeatureFlag } from "./feature-flag.entity";
import { FeatureFlagsChanged } from "./feature-flags.events";
import { FeatureFlagsRepository } from "./feature-flags.repository";

/** The use cases of feature flags, one method each. */
@Injectable()
export class FeatureFlagsService {
    constructor(
        private readonly featureFlags: FeatureFlagsRepository,
        private readonly relationships: RelationshipsService,
        private readonly transactions: Transactions,
        private readonly events: DomainEvents,
        @Inject(BACKBONE_CONFIG) private readonly config: BackboneConfig
    ) {}

    /**
     * Sets the given flags of the caller (the others stay) and announces the change (synchronization tells the
     * identities that follow the caller), in one transaction.
     */
    async updateOwnFeatureFlags(caller: Caller, flags: Array<[string, boolean]>): Promise<void> {
        if (flags.length === 0) return;
        await this.transactions.run(async (manager) => {
            await this.featureFlags.lockIdentity(manager, caller.address);
            await this.featureFlags.upsert(
                manager,
                flags.map(([name, enabled]) => FeatureFlag.create(caller.address, name, enabled))
            );
            FeatureFlag.checkLimit(
                await this.featureFlags.countOf(manager, caller.address),
                this.config.MAX_NUMBER_OF_FEATURE_FLAGS_PER_IDENTITY
            );
            await this.events.publish(manager, new FeatureFlagsChanged(caller.address));
        });
    }

    /**
     * The flags of an identity, for itself and for identities that know it (any relationship, or an allocated template
     * of it); 404 for everybody else.
     */
    async featureFlagsOf(caller: Caller, address: string): Promise<FeatureFlag[]> {
        if (caller.address !== address && !(await this.relationships.knows(caller.address, address))) throw notFound("Identity");
        return await this.featureFlags.findOf(address);
    }
}
