import { Injectable, type OnModuleInit } from "@nestjs/common";

import { DomainEvents } from "../../core/events/domain-events";
import { IdentityDeleted } from "../identities/identities.events";
import { FeatureFlagsRepository } from "./feature-flags.repository";

/** The feature-flags module's reaction to an identity's deletion: its flags go, in the deletion's transaction. */
@Injectable()
export class FeatureFlagsIdentityDeletion implements OnModuleInit {
    constructor(
        private readonly events: DomainEvents,
        private readonly featureFlags: FeatureFlagsRepository
    ) {}

    onModuleInit(): void {
        this.events.subscribe(IdentityDeleted, (manager, event) => this.featureFlags.removeIdentity(manager, event.address));
    }
}
