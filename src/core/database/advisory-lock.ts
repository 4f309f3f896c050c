import type { EntityManager } from "typeorm";

/**
 * Takes a transaction-scoped PostgreSQL advisory lock on the key made of `parts` (joined with `:`, hashed with
 * `hashtext`), waiting for it: transactions asking for the same key run one after the other, and the lock goes with
 * the commit or rollback. For invariants over several rows that no constraint can express, e.g. "at most N flags per
 * identity" (`feature_flags:<address>`). Only inside a transaction: outside one the lock would be released at once.
 */
export async function lockForTransaction(manager: EntityManager, ...parts: [string, ...string[]]): Promise<void> {
    if (!manager.queryRunner?.isTransactionActive) throw new Error("an advisory lock for a transaction needs a transaction");
    await manager.query("SELECT pg_advisory_xact_lock(hashtext($1))", [parts.join(":")]);
}
