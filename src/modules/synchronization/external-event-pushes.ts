import { Injectable } from "@nestjs/common";
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

    /** One lookup of the owners' registrations; the statuses only of those that have any: pushes go to active ones. */
    private async send(owners: string[]): Promise<void> {
        await this.pushNotifications.sendToIdentities(
            owners,
            "ExternalEventCreated",
            {},
            {
                onlyTo: async (registered) => {
                    const statuses = await this.identities.statusesOf(registered);
                    return registered.filter((owner) => statuses.get(owner) === IdentityStatus.Active);
                }
            }
        );
    }
}
