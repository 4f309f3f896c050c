import { SetMetadata } from "@nestjs/common";

/**
 * One module's cleanup job. `runBatch` removes at most `batchSize` expired records as of `now` and returns how many
 * it removed; it must be idempotent and safe to run concurrently (select its batch with `FOR UPDATE SKIP LOCKED`
 * or delete by a condition that holds for every row it touches).
 */
export interface HousekeepingTask {
    /** Stable, unique name (used for the advisory lock, logs and metrics), e.g. `challenges.expired`. */
    readonly name: string;
    runBatch(now: Date, batchSize: number): Promise<number>;
}

export const HOUSEKEEPING_TASK = "backbone:housekeeping-task";

/**
 * Marks a provider class implementing HousekeepingTask; the core Housekeeper finds every such provider of the
 * application and runs it on its schedule. Register the class in the module's `providers`.
 */
export const RegisterHousekeepingTask = (): ClassDecorator => SetMetadata(HOUSEKEEPING_TASK, true);
