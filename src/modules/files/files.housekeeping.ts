import { Injectable } from "@nestjs/common";

import { type HousekeepingTask, RegisterHousekeepingTask, type SweepOutcome } from "../../core/housekeeping/housekeeping";
import { FilesCleanup } from "./files-cleanup";

/** Deletes files (row, then blob) that expired more than 30 days ago. */
@Injectable()
@RegisterHousekeepingTask()
export class ExpiredFilesCleanup implements HousekeepingTask {
    readonly name = "files.expired";

    constructor(private readonly cleanup: FilesCleanup) {}

    async runBatch(now: Date, batchSize: number): Promise<number> {
        return (await this.cleanup.removeExpiredBatch(now, batchSize)).seen;
    }
}

/**
 * Removes blobs without a file and uploads that never finished (their rows and blobs); one sweep over the blob store
 * per run, reported as the number of stale uploads plus orphaned blobs it removed.
 */
@Injectable()
@RegisterHousekeepingTask()
export class OrphanedBlobsCleanup implements HousekeepingTask {
    readonly name = "files.orphans";

    constructor(private readonly cleanup: FilesCleanup) {}

    async runBatch(now: Date): Promise<SweepOutcome> {
        const report = await this.cleanup.removeOrphans(now);
        return { removed: report.staleUploads + report.orphanedBlobs, done: true };
    }
}
