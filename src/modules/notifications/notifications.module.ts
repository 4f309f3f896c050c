import { Module } from "@nestjs/common";

import { DevicesModule } from "../devices/devices.module";
import { PushNotificationsModule } from "../push-notifications/push-notifications.module";
import { RelationshipsModule } from "../relationships/relationships.module";
import { NotificationsController } from "./notifications.controller";
import { NotificationsService } from "./notifications.service";

/** POST /Notifications: pushes with configured texts from an identity to its peers. */
@Module({
    imports: [RelationshipsModule, DevicesModule, PushNotificationsModule],
    controllers: [NotificationsController],
    providers: [NotificationsService]
})
export class NotificationsModule {}
