import { Injectable, Logger } from "@nestjs/common";
import type { EntityManager } from "typeorm";

import { AfterCommit } from "../../core/database/after-commit";
import { IdentityStatus } from "../identities/identities.events";
import { IdentitiesService } from "../identities/identities.service";
import { PushNotificationsService } from "../push-notifications/push-notifications.service";

/**
 * Sends the `ExternalEventCreated` push for newly recorded events, exactly once and only after commit.
 *
 * Every instance LISTENs for NOTIFY, so real-time SSE delivery goes through Postgres; but a push sent from the
 * LISTEN side would be sent once per instance. Pushes are therefore sent by the one instance whose transaction
 * wrote the events, through the after-commit hook (owners collected per transaction, each pushed once; nothing on
 * rollback). A crash between commit and send loses the push, never the event: the next sync still delivers it.
 */
@Injectable()
export class ExternalEventPushes {
    private readonly logger = new Logger("ExternalEventPushes");

    constructor(
        private readonly afterCommit: AfterCommit,
        private readonly identities: IdentitiesService,
        private readonly pushNotifications: PushNotificationsService
    ) {}

    /** Schedules the push to the owners for when the manager's transaction commits (at once if there is none). */
    afterCommitOf(manager: EntityManager, owners: string[]): void {
        // The commit does not wait for the pushes.
        this.afterCommit.collect(manager, "external-event-pushes", owners, (all) => void this.send(all));
    }

    private async send(owners: string[]): Promise<void> {
        let statuses: Map<string, IdentityStatus>;
        try {
            statuses = await this.identities.statusesOf(owners);
        } catch (error) {
            this.logger.warn(`ExternalEventCreated push failed: ${(error as Error).message}`);
            return;
        }
        for (const owner of owners) {
            if (statuses.get(owner) !== IdentityStatus.Active) continue;
            try {
                await this.pushNotifications.sendToIdentity(owner, "ExternalEventCreated", {});
            } catch (error) {
                this.logger.warn(`ExternalEventCreated push failed: ${(error as Error).message}`);
            }
        }
    }
}
