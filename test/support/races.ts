import type { Response } from "supertest";
import { DataSource, type QueryRunner } from "typeorm";

import { IdentityDeletionService } from "../../src/modules/identities/identity-deletion.service";
import { aStartedDeletionProcess } from "../factories/identities";
import type { TestIdentity } from "./identities";
import type { TestApp } from "./test-app";

/** How many connections to the test's database wait for a lock. */
async function waitingForLocks(t: TestApp): Promise<number> {
    const rows: Array<{ waiting: number }> = await t.app
        .get(DataSource)
        .query("SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'");
    return rows[0]!.waiting;
}

/** Until `count` connections wait for a lock, or `done` says that waiting is over. */
export async function untilWaitingForLocks(t: TestApp, count: number, done: () => boolean = () => false): Promise<void> {
    while (!done() && (await waitingForLocks(t)) < count) await new Promise((resolve) => setTimeout(resolve, 5));
}

/**
 * Runs `work` with a transaction of the test's own (to hold rows that requests then wait for); whatever `work` leaves
 * open is rolled back.
 */
export async function withHolder<T>(t: TestApp, work: (holder: QueryRunner) => Promise<T>): Promise<T> {
    const holder = t.app.get(DataSource).createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    try {
        return await work(holder);
    } finally {
        if (holder.isTransactionActive) await holder.rollbackTransaction();
        await holder.release();
    }
}

/**
 * Races a request with the deletion of `identity` (a deletion process without grace period, the clock a second on):
 * `hold` writes, in the test's own transaction, a row that the request's write must wait for; once the request waits,
 * the deletion runs and the row is rolled back. Answers whether the deletion ran meanwhile (1 or 0) and the request's
 * response; afterwards the deletion has run again and the clock is back.
 */
export async function raceWithDeletion(
    t: TestApp,
    identity: TestIdentity,
    hold: (holder: QueryRunner) => Promise<unknown>,
    request: () => PromiseLike<Response>
): Promise<{ deletedMeanwhile: number; response: Response }> {
    await aStartedDeletionProcess(t, identity, 0);
    t.clock.advance(1000);
    const deletion = t.app.get(IdentityDeletionService);
    try {
        const raced = await withHolder(t, async (holder) => {
            await hold(holder);
            const response = Promise.resolve(request());
            await untilWaitingForLocks(t, 1);
            const deletedMeanwhile = await deletion.deleteDueIdentities();
            await holder.rollbackTransaction();
            return { deletedMeanwhile, response: await response };
        });
        await deletion.deleteDueIdentities();
        return raced;
    } finally {
        t.clock.set(new Date());
    }
}
