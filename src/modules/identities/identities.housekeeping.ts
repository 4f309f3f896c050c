import { type HousekeepingTask, RegisterHousekeepingTask } from "../../core/housekeeping/housekeeping";
import { IdentityDeletionService } from "./identity-deletion.service";

/** Deletes identities whose deletion grace period is over. */
@RegisterHousekeepingTask()
export class DueIdentitiesDeletion implements HousekeepingTask {
    readonly name = "identities.deletion";

    constructor(private readonly deletion: IdentityDeletionService) {}

    async runBatch(_now: Date, batchSize: number): Promise<number> {
        return await this.deletion.deleteDueIdentities(batchSize);
    }
}
