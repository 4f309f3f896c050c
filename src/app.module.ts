import { type DynamicModule, Module } from "@nestjs/common";

import { CoreModule, type RuntimeOptions } from "./core/core.module";
import { HealthModule } from "./core/health/health.module";
import { LoggingModule } from "./core/logging/logging.module";
import { AdminModule } from "./modules/admin/admin.module";
import { AnnouncementsModule } from "./modules/announcements/announcements.module";
import { ChallengesModule } from "./modules/challenges/challenges.module";
import { DevicesModule } from "./modules/devices/devices.module";
import { FeatureFlagsModule } from "./modules/feature-flags/feature-flags.module";
import { FilesModule } from "./modules/files/files.module";
import { IdentitiesModule } from "./modules/identities/identities.module";
import { MessagesModule } from "./modules/messages/messages.module";
import { NotificationsModule } from "./modules/notifications/notifications.module";
import { OAuthClientsModule } from "./modules/oauth-clients/oauth-clients.module";
import { PlatformModule } from "./modules/platform/platform.module";
import { PushNotificationsModule } from "./modules/push-notifications/push-notifications.module";
import { QuotasModule } from "./modules/quotas/quotas.module";
import { RelationshipTemplatesModule } from "./modules/relationship-templates/relationship-templates.module";
import { RelationshipsModule } from "./modules/relationships/relationships.module";
import { SynchronizationModule } from "./modules/synchronization/synchronization.module";
import { TokensModule } from "./modules/tokens/tokens.module";

@Module({})
export class AppModule {
    static forRoot(options: RuntimeOptions): DynamicModule {
        return {
            module: AppModule,
            imports: [
                CoreModule.forRoot(options),
                LoggingModule.forRoot({ config: options.config, logger: options.logger, destination: options.logDestination }),
                HealthModule,
                ChallengesModule,
                IdentitiesModule,
                OAuthClientsModule,
                DevicesModule,
                PlatformModule,
                PushNotificationsModule,
                SynchronizationModule,
                TokensModule,
                FilesModule,
                RelationshipTemplatesModule,
                RelationshipsModule,
                MessagesModule,
                FeatureFlagsModule,
                NotificationsModule,
                QuotasModule,
                AnnouncementsModule,
                AdminModule
            ]
        };
    }
}
