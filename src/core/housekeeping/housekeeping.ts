import { SetMetadata } from "@nestjs/common";

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
 * Marks a provider class implementing HousekeepingTask; the core Housekeeper finds every such provider of the
 * application and runs it on its schedule. Register the class in the module's `providers`.
 */
export const RegisterHousekeepingTask = (): ClassDecorator => SetMetadata(HOUSEKEEPING_TASK, true);
