import { Inject, Injectable, Logger } from "@nestjs/common";

import { BlobStorage } from "../../core/blob-storage/blob-storage";
import { Clock } from "../../core/clock/clock";
import {
    ExpiredRowsCleanupOf,
    type HousekeepingTask,
    RegisterHousekeepingTask,
    type SweepOutcome
} from "../../core/housekeeping/housekeeping";
import { FileMetadata } from "./file.entity";
import { FilesRepository } from "./files.repository";

/** An upload that has not completed after this long is considered dead (its process crashed or lost the client). */
export const STALE_UPLOAD_AFTER_MS = 6 * 60 * 60 * 1000;
const BATCH = 500;
const logger = new Logger("FilesCleanup");

export interface CleanupReport {
    staleUploads: number;
    orphanedBlobs: number;
}

/**
 * Restores the invariant "every blob belongs to a file or to an upload in progress": removes stale uploads with
 * their blobs, and blobs that belong to neither (a crash between deleting a file's row and its blob). Idempotent;
 * safe to run while uploads happen, because an upload row is written before its blob.
 */
@Injectable()
export class FilesCleanup {
    constructor(
        private readonly files: FilesRepository,
        private readonly blobs: BlobStorage,
        @Inject(Clock) private readonly clock: Clock
    ) {}

    /**
     * Removes up to `limit` files that expired before `before` (housekeeping `files.expired`): the row first (so nothing
     * half-deleted is served), then the blob. Answers how many it went through (a row another run deleted first counts).
     */
    async deleteExpired(before: Date, limit: number): Promise<number> {
        const ids = await this.files.expiredBefore(before, limit);
        for (const id of ids) {
            await this.files.delete(id);
            await this.blobs.delete(id);
        }
        return ids.length;
    }

    async removeOrphans(now: Date = this.clock.now()): Promise<CleanupReport> {
        const report: CleanupReport = { staleUploads: 0, orphanedBlobs: 0 };
        const staleBefore = new Date(now.getTime() - STALE_UPLOAD_AFTER_MS);
        for (;;) {
            const stale = await this.files.staleUploads(staleBefore, BATCH);
            for (const id of stale) {
                await this.blobs.delete(id);
                await this.files.forgetUpload(id);
                report.staleUploads++;
            }
            if (stale.length < BATCH) break;
        }
        let batch: string[] = [];
        const sweep = async (): Promise<void> => {
            const known = await this.files.knownKeys(batch);
            for (const key of batch) {
                if (known.has(key)) continue;
                await this.blobs.delete(key);
                report.orphanedBlobs++;
            }
            batch = [];
        };
        for await (const key of this.blobs.list()) {
            batch.push(key);
            if (batch.length >= BATCH) await sweep();
        }
        await sweep();
        if (report.staleUploads + report.orphanedBlobs > 0) {
            logger.log(`removed ${report.staleUploads} stale uploads and ${report.orphanedBlobs} orphaned blobs`);
        }
        return report;
    }
}

/** Deletes files (row, then blob) that expired more than 30 days ago. */
export class ExpiredFilesCleanup extends ExpiredRowsCleanupOf("files.expired", FilesCleanup, FileMetadata.retentionCutoff) {}

/**
 * Removes blobs without a file and uploads that never finished (their rows and blobs); one sweep over the blob store
 * per run, reported as the number of stale uploads plus orphaned blobs it removed.
 */
@RegisterHousekeepingTask()
export class OrphanedBlobsCleanup implements HousekeepingTask {
    readonly name = "files.orphans";

    constructor(private readonly cleanup: FilesCleanup) {}

    async runBatch(now: Date): Promise<SweepOutcome> {
        const report = await this.cleanup.removeOrphans(now);
        return { removed: report.staleUploads + report.orphanedBlobs, done: true };
    }
}
