import { Module } from "@nestjs/common";
import { TypeOrmModule } from "@nestjs/typeorm";

import { IdentitiesModule } from "../identities/identities.module";
import { PushNotificationsModule } from "../push-notifications/push-notifications.module";
import { RelationshipsModule } from "../relationships/relationships.module";
import { DatawalletController } from "./datawallet.controller";
import { Datawallet, DatawalletModification } from "./datawallet.entity";
import { DatawalletRepository } from "./datawallet.repository";
import { DatawalletService } from "./datawallet.service";
import { ExternalEvent, ExternalEventCounter } from "./external-event.entity";
import { ExternalEventPushes } from "./external-event-pushes";
import { ExternalEventsListener } from "./external-events.listener";
import { ExternalEventsRepository } from "./external-events.repository";
import { ExternalEventsService } from "./external-events.service";
import { SseController } from "./sse.controller";
import { SseHub } from "./sse-hub";
import { SyncRun } from "./sync-run.entity";
import { SyncRunsController } from "./sync-runs.controller";
import { SyncRunsRepository } from "./sync-runs.repository";
import { SyncRunsService } from "./sync-runs.service";
import { SynchronizationIdentityDeletion } from "./synchronization.identity-deletion";
import { SynchronizationMetrics } from "./synchronization.metrics";
import { ExternalEventsFromDomainEvents } from "./synchronization.subscriptions";

/**
 * Sync runs, external events, the datawallet and real-time delivery (SSE fed by Postgres LISTEN). It exports nothing:
 * the other modules publish domain events, which it turns into external events (synchronization.subscriptions.ts).
 */
@Module({
    imports: [
        TypeOrmModule.forFeature([ExternalEvent, ExternalEventCounter, SyncRun, Datawallet, DatawalletModification]),
        IdentitiesModule,
        PushNotificationsModule,
        RelationshipsModule
    ],
    controllers: [SyncRunsController, DatawalletController, SseController],
    providers: [
        ExternalEventsService,
        SynchronizationMetrics,
        ExternalEventPushes,
        SyncRunsRepository,
        ExternalEventsRepository,
        DatawalletRepository,
        SyncRunsService,
        DatawalletService,
        SseHub,
        ExternalEventsListener,
        SynchronizationIdentityDeletion,
        ExternalEventsFromDomainEvents
    ]
})
export class SynchronizationModule {}
