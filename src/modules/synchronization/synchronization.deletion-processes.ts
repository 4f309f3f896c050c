import { Injectable, type OnModuleInit } from "@nestjs/common";

import { DomainEvents } from "../../core/events/domain-events";
import { DeletionProcessCancelledBySupport, DeletionProcessStartedBySupport } from "../devices/devices.events";
import { ExternalEventType } from "./external-event-types";
import { ExternalEventsService } from "./external-events.service";

/**
 * Deletion processes that support starts or cancels reach the identity's devices as external events
 * (IdentityDeletionProcessStarted, IdentityDeletionProcessStatusChanged), written in the transaction of the change.
 */
@Injectable()
export class SynchronizationDeletionProcesses implements OnModuleInit {
    constructor(
        private readonly domainEvents: DomainEvents,
        private readonly externalEvents: ExternalEventsService
    ) {}

    onModuleInit(): void {
        this.domainEvents.subscribe<DeletionProcessStartedBySupport>(DeletionProcessStartedBySupport.eventName, async (manager, event) => {
            await this.externalEvents.record(manager, [
                {
                    owner: event.address,
                    type: ExternalEventType.IdentityDeletionProcessStarted,
                    payload: { deletionProcessId: event.deletionProcessId }
                }
            ]);
        });
        this.domainEvents.subscribe<DeletionProcessCancelledBySupport>(
            DeletionProcessCancelledBySupport.eventName,
            async (manager, event) => {
                await this.externalEvents.record(manager, [
                    {
                        owner: event.address,
                        type: ExternalEventType.IdentityDeletionProcessStatusChanged,
                        payload: { deletionProcessId: event.deletionProcessId }
                    }
                ]);
            }
        );
    }
}
