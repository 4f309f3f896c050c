import { Injectable, type OnModuleInit } from "@nestjs/common";

import { DomainEvents } from "../../core/events/domain-events";
import { DeviceDeleted } from "../devices/devices.events";
import { IdentityDeleted } from "../identities/identities.events";
import { PushRegistration } from "./push-registration.entity";

/** Push registrations go with their device, and all of them with a deleted identity. */
@Injectable()
export class PushNotificationsIdentityDeletion implements OnModuleInit {
    constructor(private readonly domainEvents: DomainEvents) {}

    onModuleInit(): void {
        this.domainEvents.subscribe(IdentityDeleted, async (manager, event) => {
            await manager.delete(PushRegistration, { identityAddress: event.address });
        });
        this.domainEvents.subscribe(DeviceDeleted, async (manager, event) => {
            await manager.delete(PushRegistration, { deviceId: event.deviceId, identityAddress: event.address });
        });
    }
}
