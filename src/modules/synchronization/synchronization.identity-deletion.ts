import { Injectable, type OnModuleInit } from "@nestjs/common";

import { DomainEvents } from "../../core/events/domain-events";
import { IdentityDeleted } from "../identities/identities.events";
import { DatawalletRepository } from "./datawallet.repository";
import { ExternalEventsRepository } from "./external-events.repository";
import { SyncRunsRepository } from "./sync-runs.repository";

/** A deleted identity's external events (and their counter), sync runs, datawallet and its modifications go with it. */
@Injectable()
export class SynchronizationIdentityDeletion implements OnModuleInit {
    constructor(
        private readonly domainEvents: DomainEvents,
        private readonly externalEvents: ExternalEventsRepository,
        private readonly syncRuns: SyncRunsRepository,
        private readonly datawallets: DatawalletRepository
    ) {}

    onModuleInit(): void {
        this.domainEvents.subscribe(IdentityDeleted, async (manager, event) => {
            await this.externalEvents.removeIdentity(manager, event.address);
            await this.syncRuns.removeIdentity(manager, event.address);
            await this.datawallets.removeIdentity(manager, event.address);
        });
    }
}
