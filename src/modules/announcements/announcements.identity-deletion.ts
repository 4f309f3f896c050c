import { Injectable, type OnModuleInit } from "@nestjs/common";

import { DomainEvents } from "../../core/events/domain-events";
import { IdentityDeleted } from "../identities/identities.events";
import { AnnouncementsRepository } from "./announcements.repository";

/** A deleted identity's address leaves the recipient lists of announcements addressed to it. */
@Injectable()
export class AnnouncementsIdentityDeletion implements OnModuleInit {
    constructor(
        private readonly events: DomainEvents,
        private readonly announcements: AnnouncementsRepository
    ) {}

    onModuleInit(): void {
        this.events.subscribe(IdentityDeleted, (manager, event) => this.announcements.removeRecipient(manager, event.address));
    }
}
