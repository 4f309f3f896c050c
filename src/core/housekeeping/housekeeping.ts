import { applyDecorators, Inject, Injectable, SetMetadata, type Type } from "@nestjs/common";

/** What a batch that sweeps everything at once reports: how many it removed, and that the run is complete. */
export interface SweepOutcome {
    removed: number;
    done: true;
}

/**
 * One module's cleanup job. `runBatch` removes at most `batchSize` expired records as of `now` and returns how many
 * it removed; it must be idempotent and safe to run concurrently (select its batch with `FOR UPDATE SKIP LOCKED`
 * or delete by a condition that holds for every row it touches). A task that goes through everything in one call
 * (a sweep over the blob store) returns a SweepOutcome instead, so that its count is reported and it is not repeated.
 */
export interface HousekeepingTask {
    /** Stable, unique name (used for the advisory lock, logs and metrics), e.g. `challenges.expired`. */
    readonly name: string;
    runBatch(now: Date, batchSize: number): Promise<number | SweepOutcome>;
}

export const HOUSEKEEPING_TASK = "backbone:housekeeping-task";

/**
 * Makes a class implementing HousekeepingTask an injectable provider that the core Housekeeper finds and runs on its
 * schedule. Register the class in the module's `providers`.
 */
export const RegisterHousekeepingTask = (): ClassDecorator => applyDecorators(Injectable(), SetMetadata(HOUSEKEEPING_TASK, true));

/** What an expired-rows cleanup deletes from: a provider that deletes up to `limit` rows that expired before `before`. */
export interface ExpiredRows {
    deleteExpired(before: Date, limit: number): Promise<number>;
}

/** A housekeeping task that deletes expired rows in batches: each batch answers how many it deleted. */
export interface ExpiredRowsTask extends HousekeepingTask {
    runBatch(now: Date, batchSize: number): Promise<number>;
}

/**
 * The housekeeping task `name` of a module whose records are kept for a while after they expire: each batch deletes,
 * through the module's `source` (its repository), up to `batchSize` of those that expired before `retentionCutoff(now)`.
 * ```ts
 * export class ExpiredTokensCleanup extends ExpiredRowsCleanupOf("tokens.expired", TokensRepository, Token.retentionCutoff) {}
 * ```
 */
export function ExpiredRowsCleanupOf(name: string, source: Type<ExpiredRows>, retentionCutoff: (now: Date) => Date): Type<ExpiredRowsTask> {
    @RegisterHousekeepingTask()
    class ExpiredRowsCleanup implements HousekeepingTask {
        readonly name = name;

        constructor(@Inject(source) private readonly rows: ExpiredRows) {}

        async runBatch(now: Date, batchSize: number): Promise<number> {
            return await this.rows.deleteExpired(retentionCutoff(now), batchSize);
        }
    }
    return ExpiredRowsCleanup;
}
