import { Injectable, type OnModuleInit } from "@nestjs/common";

import { DomainEvents } from "../../core/events/domain-events";
import { IdentityDeleted } from "../devices/devices.events";
import { Challenge } from "./challenge.entity";

/** The challenges a deleted identity created (authenticated) go with it; anonymous ones carry no address. */
@Injectable()
export class ChallengesIdentityDeletion implements OnModuleInit {
    constructor(private readonly domainEvents: DomainEvents) {}

    onModuleInit(): void {
        this.domainEvents.subscribe(IdentityDeleted, async (manager, event) => {
            await manager.delete(Challenge, { createdBy: event.address });
        });
    }
}
