import { Injectable, type OnModuleInit } from "@nestjs/common";

import { DomainEvents } from "../../core/events/domain-events";
import { IdentityDeleted } from "../identities/identities.events";
import { QuotasRepository } from "./quotas.repository";

/** The quotas module's reaction to an identity's deletion: its individual quotas go, in the deletion's transaction. */
@Injectable()
export class QuotasIdentityDeletion implements OnModuleInit {
    constructor(
        private readonly events: DomainEvents,
        private readonly quotas: QuotasRepository
    ) {}

    onModuleInit(): void {
        this.events.subscribe(IdentityDeleted, (manager, event) => this.quotas.removeIdentity(manager, event.address));
    }
}
