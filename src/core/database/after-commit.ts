import { Injectable, Logger } from "@nestjs/common";
import {
    DataSource,
    type EntityManager,
    type EntitySubscriberInterface,
    type TransactionCommitEvent,
    type TransactionRollbackEvent
} from "typeorm";

type Flush<T> = (items: T[]) => Promise<void> | void;

interface Pending {
    items: Set<unknown>;
    flush: Flush<unknown>;
}

const PENDING = "backbone:after-commit";

/**
 * Work that may only happen once a transaction has committed (a push notification, deleting blobs of deleted rows):
 * what a use case collects under a key is handed to that key's `flush` once, when the outermost transaction of the
 * manager commits, and forgotten when it rolls back. A crash between commit and flush loses the flush, never data, so
 * flushes do what can be done again later (the next sync delivers the event; the orphan sweep removes the blob).
 */
@Injectable()
export class AfterCommit implements EntitySubscriberInterface {
    private readonly logger = new Logger("AfterCommit");

    constructor(dataSource: DataSource) {
        dataSource.subscribers.push(this);
    }

    /**
     * Adds `items` to what `flush` gets after the commit of `manager`'s transaction (each item once, in the order first
     * collected; the first `flush` given for a key is the one that runs). Without a transaction, `flush` runs at once
     * and is not awaited. The commit waits for the flush, so a flush that must not hold the commit up starts its work
     * without awaiting it. A failing flush is logged, never thrown at the committer.
     */
    collect<T>(manager: EntityManager, key: string, items: Iterable<T>, flush: Flush<T>): void {
        const list = [...items];
        if (list.length === 0) return;
        const runner = manager.queryRunner;
        if (!runner?.isTransactionActive) {
            void this.run(key, list, flush as Flush<unknown>);
            return;
        }
        const data = runner.data as Record<string, Map<string, Pending> | undefined>;
        const pending = (data[PENDING] ??= new Map<string, Pending>());
        let entry = pending.get(key);
        if (!entry) pending.set(key, (entry = { items: new Set(), flush: flush as Flush<unknown> }));
        for (const item of list) entry.items.add(item);
    }

    async afterTransactionCommit(event: TransactionCommitEvent): Promise<void> {
        if (event.queryRunner.isTransactionActive) return; // a savepoint was released; the transaction goes on
        const pending = this.take(event);
        if (!pending) return;
        for (const [key, entry] of pending) await this.run(key, [...entry.items], entry.flush);
    }

    afterTransactionRollback(event: TransactionRollbackEvent): void {
        if (!event.queryRunner.isTransactionActive) this.take(event);
    }

    private take(event: TransactionCommitEvent | TransactionRollbackEvent): Map<string, Pending> | undefined {
        const data = event.queryRunner.data as Record<string, Map<string, Pending> | undefined>;
        const pending = data[PENDING];
        delete data[PENDING];
        return pending;
    }

    private async run(key: string, items: unknown[], flush: Flush<unknown>): Promise<void> {
        try {
            await flush(items);
        } catch (error) {
            this.logger.warn(`after-commit work ${key} failed: ${(error as Error).message}`);
        }
    }
}
