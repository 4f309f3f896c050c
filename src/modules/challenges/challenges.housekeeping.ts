import { ExpiredRowsCleanupOf } from "../../core/housekeeping/housekeeping";
import { Challenge } from "./challenge.entity";
import { ChallengesRepository } from "./challenges.repository";

/** Deletes challenges that expired more than 30 days ago. */
export class ExpiredChallengesCleanup extends ExpiredRowsCleanupOf("challenges.expired", ChallengesRepository, Challenge.retentionCutoff) {}
