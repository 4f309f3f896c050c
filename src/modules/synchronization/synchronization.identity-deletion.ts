import { Injectable, type OnModuleInit } from "@nestjs/common";
import type { EntityManager } from "typeorm";

import { DomainEvents } from "../../core/events/domain-events";
import { IdentityDeleted } from "../identities/identities.events";
import { Datawallet, DatawalletModification } from "./datawallet.entity";
import { ExternalEvent, ExternalEventCounter } from "./external-event.entity";
import { SyncRun } from "./sync-run.entity";

/** A deleted identity's external events (and their counter), sync runs, datawallet and its modifications go with it. */
@Injectable()
export class SynchronizationIdentityDeletion implements OnModuleInit {
    constructor(private readonly domainEvents: DomainEvents) {}

    onModuleInit(): void {
        this.domainEvents.subscribe(IdentityDeleted, (manager, event) => this.remove(manager, event.address));
    }

    private async remove(manager: EntityManager, address: string): Promise<void> {
        await manager.delete(ExternalEvent, { owner: address });
        await manager.delete(ExternalEventCounter, { owner: address });
        await manager.delete(SyncRun, { createdBy: address });
        await manager.delete(DatawalletModification, { owner: address });
        await manager.delete(Datawallet, { owner: address });
    }
}
