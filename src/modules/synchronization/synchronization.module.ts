import { Module } from "@nestjs/common";
import { TypeOrmModule } from "@nestjs/typeorm";
import { ExternalEvent, ExternalEventCounter } from "./external-event.entity";
import { ExternalEventsService } from "./external-events.service";

@Module({
    imports: [TypeOrmModule.forFeature([ExternalEvent, ExternalEventCounter])],
    providers: [ExternalEventsService],
    exports: [ExternalEventsService]
})
export class SynchronizationModule {}
