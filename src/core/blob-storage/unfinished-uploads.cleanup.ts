import { Inject, Logger, type OnApplicationBootstrap } from "@nestjs/common";

import { BACKBONE_CONFIG, type BackboneConfig } from "../../config/config";
import { Clock } from "../clock/clock";
import { type HousekeepingTask, RegisterHousekeepingTask, type SweepOutcome } from "../housekeeping/housekeeping";
import { BlobStorage, describeFailure } from "./blob-storage";

/**
 * Removes what interrupted writes left in the blob store (temporary files of the filesystem store, unfinished S3
 * multipart uploads) once they are older than BLOB_UNFINISHED_UPLOAD_MAX_AGE_MINUTES: at start-up, and in every
 * housekeeping run. Younger ones may belong to uploads in progress (on this or another instance) and are kept.
 */
@RegisterHousekeepingTask()
export class UnfinishedUploadsCleanup implements HousekeepingTask, OnApplicationBootstrap {
    readonly name = "blobs.unfinishedUploads";
    private readonly logger = new Logger("BlobStorage");

    constructor(
        private readonly blobs: BlobStorage,
        @Inject(Clock) private readonly clock: Clock,
        @Inject(BACKBONE_CONFIG) private readonly config: BackboneConfig
    ) {}

    /** At start-up a store that cannot be reached only delays the cleanup to the next housekeeping run. */
    async onApplicationBootstrap(): Promise<void> {
        try {
            const removed = await this.removeAsOf(this.clock.now());
            if (removed > 0) this.logger.log(`removed ${removed} unfinished uploads left by an earlier run`);
        } catch (error) {
            this.logger.warn(`could not remove unfinished uploads at start-up: ${describeFailure(error)}`);
        }
    }

    async runBatch(now: Date): Promise<SweepOutcome> {
        return { removed: await this.removeAsOf(now), done: true };
    }

    private removeAsOf(now: Date): Promise<number> {
        return this.blobs.removeUnfinishedUploads(new Date(now.getTime() - this.config.BLOB_UNFINISHED_UPLOAD_MAX_AGE_MINUTES * 60_000));
    }
}
