import type { EntityManager } from "typeorm";

import { rawQuery } from "./raw-query";

/**
 * Takes a transaction-scoped PostgreSQL advisory lock on the key made of `parts` (joined with `:`, hashed with
 * `hashtext`), waiting for it: transactions asking for the same key run one after the other, and the lock goes with
 * the commit or rollback. For invariants over several rows that no constraint can express, e.g. "at most N flags per
 * identity" (`feature_flags:<address>`). Only inside a transaction: outside one the lock would be released at once.
 */
export async function lockForTransaction(manager: EntityManager, ...parts: [string, ...string[]]): Promise<void> {
    if (!manager.queryRunner?.isTransactionActive) throw new Error("an advisory lock for a transaction needs a transaction");
    await rawQuery(manager, "SELECT pg_advisory_xact_lock(hashtext($1))", [parts.join(":")]);
}

/**
 * Takes the transaction-scoped advisory locks of several keys in one statement, in the order given: callers that may
 * lock overlapping sets pass them sorted, so that no two transactions wait for each other in a cycle.
 */
export async function lockEachForTransaction(manager: EntityManager, keys: string[]): Promise<void> {
    if (!manager.queryRunner?.isTransactionActive) throw new Error("an advisory lock for a transaction needs a transaction");
    if (keys.length === 0) return;
    await rawQuery(
        manager,
        "SELECT pg_advisory_xact_lock(hashtext(k.key)) FROM unnest($1::text[]) WITH ORDINALITY AS k(key, n) ORDER BY k.n",
        [keys]
    );
}
