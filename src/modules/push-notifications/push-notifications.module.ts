import { Inject, Module, type OnApplicationShutdown } from "@nestjs/common";
import { TypeOrmModule } from "@nestjs/typeorm";

import { BACKBONE_CONFIG, type BackboneConfig } from "../../config/config";
import { ApnsPushSender } from "./apns-push-sender";
import { FcmPushSender } from "./fcm-push-sender";
import { PlatformPushSender, PushNotificationSender } from "./push-notification-sender";
import { PushNotificationsController } from "./push-notifications.controller";
import { PushNotificationsIdentityDeletion } from "./push-notifications.identity-deletion";
import { PushNotificationsRepository } from "./push-notifications.repository";
import { PushNotificationsService } from "./push-notifications.service";
import { PushRegistration } from "./push-registration.entity";

function list(value: string): string[] {
    return value.split(",").map((v) => v.trim());
}

/** Chooses the push adapters from the configuration: FCM and/or APNs when configured, logging otherwise. */
export function createPushNotificationSender(config: BackboneConfig): PushNotificationSender {
    return new PlatformPushSender({
        fcm:
            config.PUSH_FCM_SERVICE_ACCOUNT_FILE && config.PUSH_FCM_APP_IDS
                ? new FcmPushSender({ serviceAccountFile: config.PUSH_FCM_SERVICE_ACCOUNT_FILE, appIds: list(config.PUSH_FCM_APP_IDS) })
                : undefined,
        apns:
            config.PUSH_APNS_KEY_FILE && config.PUSH_APNS_KEY_ID && config.PUSH_APNS_TEAM_ID && config.PUSH_APNS_APP_IDS
                ? new ApnsPushSender({
                      keyFile: config.PUSH_APNS_KEY_FILE,
                      keyId: config.PUSH_APNS_KEY_ID,
                      teamId: config.PUSH_APNS_TEAM_ID,
                      appIds: list(config.PUSH_APNS_APP_IDS)
                  })
                : undefined
    });
}

/** Push registrations of devices and the sending of pushes through the configured providers. */
@Module({
    imports: [TypeOrmModule.forFeature([PushRegistration])],
    controllers: [PushNotificationsController],
    providers: [
        PushNotificationsService,
        PushNotificationsRepository,
        PushNotificationsIdentityDeletion,
        { provide: PushNotificationSender, inject: [BACKBONE_CONFIG], useFactory: createPushNotificationSender }
    ],
    exports: [PushNotificationsService]
})
export class PushNotificationsModule implements OnApplicationShutdown {
    constructor(@Inject(PushNotificationSender) private readonly sender: PushNotificationSender) {}

    onApplicationShutdown(): void {
        if (this.sender instanceof PlatformPushSender) this.sender.close();
    }
}
