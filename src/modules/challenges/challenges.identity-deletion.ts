import { Injectable, type OnModuleInit } from "@nestjs/common";

import { DomainEvents } from "../../core/events/domain-events";
import { IdentityDeleted } from "../identities/identities.events";
import { ChallengesRepository } from "./challenges.repository";

/** The challenges a deleted identity created (authenticated) go with it; anonymous ones carry no address. */
@Injectable()
export class ChallengesIdentityDeletion implements OnModuleInit {
    constructor(
        private readonly events: DomainEvents,
        private readonly challenges: ChallengesRepository
    ) {}

    onModuleInit(): void {
        this.events.subscribe(IdentityDeleted, (manager, event) => this.challenges.deleteCreatedBy(manager, event.address));
    }
}
