import { Inject, Injectable, type OnModuleInit } from "@nestjs/common";

import { Clock } from "../../core/clock/clock";
import { DomainEvents } from "../../core/events/domain-events";
import { IdentityDeleted } from "../identities/identities.events";
import { DevicesRepository } from "./devices.repository";

/**
 * The devices module's reaction to an identity's deletion, in the deletion's transaction: its devices go, and the hash
 * of each username stays with the time of the deletion, so that `GET /Identities/IsDeleted` can still answer them.
 */
@Injectable()
export class DevicesIdentityDeletion implements OnModuleInit {
    constructor(
        private readonly events: DomainEvents,
        private readonly devices: DevicesRepository,
        @Inject(Clock) private readonly clock: Clock
    ) {}

    onModuleInit(): void {
        this.events.subscribe(IdentityDeleted, (manager, event) => this.devices.removeIdentity(manager, event.address, this.clock.now()));
    }
}
