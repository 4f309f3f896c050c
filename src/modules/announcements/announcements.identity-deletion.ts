import { Injectable, type OnModuleInit } from "@nestjs/common";

import { DomainEvents } from "../../core/events/domain-events";
import { IdentityDeleted } from "../identities/identities.events";

/** A deleted identity's address leaves the recipient lists of announcements addressed to it. */
@Injectable()
export class AnnouncementsIdentityDeletion implements OnModuleInit {
    constructor(private readonly domainEvents: DomainEvents) {}

    onModuleInit(): void {
        this.domainEvents.subscribe(IdentityDeleted, async (manager, event) => {
            await manager.query("UPDATE announcements SET recipients = array_remove(recipients, $1) WHERE $1 = ANY(recipients)", [
                event.address
            ]);
        });
    }
}
