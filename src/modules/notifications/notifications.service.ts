import { Inject, Injectable } from "@nestjs/common";

import { BACKBONE_CONFIG, type BackboneConfig } from "../../config/config";
import type { Caller } from "../../core/auth/caller";
import { Transactions } from "../../core/database/transactions";
import { DevicesService } from "../devices/devices.service";
import { PushNotificationsService } from "../push-notifications/push-notifications.service";
import { RelationshipStatus } from "../relationships/relationships.events";
import { RelationshipsService } from "../relationships/relationships.service";
import { loadNotificationTexts, type NotificationTexts } from "./notification-texts";
import { NotificationsErrors } from "./notifications.errors";

/** Statuses of the youngest relationship that allow notifying the peer. */
const NOTIFIABLE_STATUSES: readonly RelationshipStatus[] = [
    RelationshipStatus.Pending,
    RelationshipStatus.Active,
    RelationshipStatus.Terminated
];

/** Push notifications with operator-configured texts, sent by an identity to its peers. Nothing is stored. */
@Injectable()
export class NotificationsService {
    private readonly texts: NotificationTexts;

    constructor(
        private readonly transactions: Transactions,
        private readonly relationships: RelationshipsService,
        private readonly identities: DevicesService,
        private readonly pushNotifications: PushNotificationsService,
        @Inject(BACKBONE_CONFIG) config: BackboneConfig
    ) {
        this.texts = loadNotificationTexts(config.NOTIFICATION_TEXTS_FILE);
    }

    async sendNotification(caller: Caller, recipients: string[], code: string): Promise<void> {
        const texts = Object.hasOwn(this.texts, code) ? this.texts[code] : undefined;
        if (!texts) throw NotificationsErrors.codeDoesNotExist();
        const unique = [...new Set(recipients)];
        await this.transactions.run(async (manager) => {
            for (const recipient of unique) {
                const relationship = await this.relationships.youngestRelationshipBetween(manager, caller.address, recipient);
                if (!relationship) throw NotificationsErrors.noRelationship();
                if (!NOTIFIABLE_STATUSES.includes(relationship.status)) throw NotificationsErrors.relationshipNotInCorrectStatus();
            }
        });
        for (const recipient of unique) {
            const languages = await this.identities.deviceLanguagesOf(recipient);
            await this.pushNotifications.sendToIdentity(
                recipient,
                "Notification",
                {},
                { texts: (deviceId) => texts[languages.get(deviceId) ?? "en"] ?? texts.en, tag: `notification_${code}` }
            );
        }
    }
}
