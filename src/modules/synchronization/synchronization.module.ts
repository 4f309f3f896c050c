import { Module } from "@nestjs/common";
import { TypeOrmModule } from "@nestjs/typeorm";
import { ExternalEvent, ExternalEventCounter } from "./external-event.entity";
import { ExternalEventsService } from "./external-events.service";
import { SynchronizationMetrics } from "./synchronization.metrics";

@Module({
    imports: [TypeOrmModule.forFeature([ExternalEvent, ExternalEventCounter])],
    providers: [ExternalEventsService, SynchronizationMetrics],
    exports: [ExternalEventsService]
})
export class SynchronizationModule {}
