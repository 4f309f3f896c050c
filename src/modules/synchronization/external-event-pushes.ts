import { Injectable, Logger } from "@nestjs/common";
import {
    DataSource,
    type EntityManager,
    type EntitySubscriberInterface,
    type TransactionCommitEvent,
    type TransactionRollbackEvent
} from "typeorm";

import { IdentitiesService } from "../devices/identities.service";
import { PushNotificationsService } from "../push-notifications/push-notifications.service";

const PENDING = "externalEventPushOwners";

/**
 * Sends the `ExternalEventCreated` push for newly recorded events, exactly once and only after commit.
 *
 * Every instance LISTENs for NOTIFY, so real-time SSE delivery goes through Postgres; but a push sent from the
 * LISTEN side would be sent once per instance. Pushes are therefore sent by the one instance whose transaction
 * wrote the events: record() remembers the owners on the transaction's QueryRunner, and this subscriber sends
 * when that QueryRunner commits its outermost transaction (and forgets them on rollback). Writers need to do
 * nothing beyond calling record() with their transaction's EntityManager. A crash between commit and send loses
 * the push, never the event: the next sync still delivers it.
 */
@Injectable()
export class ExternalEventPushes implements EntitySubscriberInterface {
    private readonly logger = new Logger("ExternalEventPushes");

    constructor(
        dataSource: DataSource,
        private readonly identities: IdentitiesService,
        private readonly pushNotifications: PushNotificationsService
    ) {
        dataSource.subscribers.push(this);
    }

    /** Schedules the push to the owners for when the manager's transaction commits (at once if there is none). */
    afterCommit(manager: EntityManager, owners: string[]): void {
        if (owners.length === 0) return;
        const runner = manager.queryRunner;
        if (runner?.isTransactionActive) {
            const pending = ((runner.data as Record<string, Set<string> | undefined>)[PENDING] ??= new Set<string>());
            for (const owner of owners) pending.add(owner);
            return;
        }
        void this.send(owners);
    }

    afterTransactionCommit(event: TransactionCommitEvent): void {
        if (event.queryRunner.isTransactionActive) return; // a savepoint was released; the transaction goes on
        const data = event.queryRunner.data as Record<string, Set<string> | undefined>;
        const pending = data[PENDING];
        if (!pending) return;
        delete data[PENDING];
        void this.send([...pending]);
    }

    afterTransactionRollback(event: TransactionRollbackEvent): void {
        if (!event.queryRunner.isTransactionActive) delete (event.queryRunner.data as Record<string, unknown>)[PENDING];
    }

    private async send(owners: string[]): Promise<void> {
        for (const owner of new Set(owners)) {
            try {
                if ((await this.identities.statusOf(owner)) !== "Active") continue;
                await this.pushNotifications.sendToIdentity(owner, "ExternalEventCreated", {});
            } catch (error) {
                this.logger.warn(`ExternalEventCreated push failed: ${(error as Error).message}`);
            }
        }
    }
}
