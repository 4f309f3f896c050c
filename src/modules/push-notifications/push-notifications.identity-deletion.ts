import { Injectable, type OnModuleInit } from "@nestjs/common";

import { DomainEvents } from "../../core/events/domain-events";
import { DeviceDeleted } from "../devices/devices.events";
import { IdentityDeleted } from "../identities/identities.events";
import { PushNotificationsRepository } from "./push-notifications.repository";

/** Push registrations go with their device, and all of them with a deleted identity. */
@Injectable()
export class PushNotificationsIdentityDeletion implements OnModuleInit {
    constructor(
        private readonly events: DomainEvents,
        private readonly registrations: PushNotificationsRepository
    ) {}

    onModuleInit(): void {
        this.events.subscribe(IdentityDeleted, (manager, event) => this.registrations.removeIdentity(manager, event.address));
        this.events.subscribe(DeviceDeleted, (manager, event) => this.registrations.removeDevice(manager, event.address, event.deviceId));
    }
}
