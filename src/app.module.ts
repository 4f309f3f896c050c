import { type DynamicModule, Module } from "@nestjs/common";
import { CoreModule, type RuntimeOptions } from "./core/core.module";
import { LoggingModule } from "./core/logging/logging.module";
import { ChallengesModule } from "./modules/challenges/challenges.module";
import { DevicesModule } from "./modules/devices/devices.module";
import { MessagesModule } from "./modules/messages/messages.module";
import { RelationshipsModule } from "./modules/relationships/relationships.module";
import { SynchronizationModule } from "./modules/synchronization/synchronization.module";

@Module({})
export class AppModule {
    static forRoot(options: RuntimeOptions): DynamicModule {
        return {
            module: AppModule,
            imports: [CoreModule.forRoot(options), LoggingModule.forRoot(options.config), ChallengesModule, DevicesModule, SynchronizationModule, RelationshipsModule, MessagesModule]
        };
    }
}
