import { ExpiredRowsCleanupOf } from "../../core/housekeeping/housekeeping";
import { Announcement } from "./announcement.entity";
import { AnnouncementsRepository } from "./announcements.repository";

/** Deletes announcements that expired more than 30 days ago. */
export class ExpiredAnnouncementsCleanup extends ExpiredRowsCleanupOf(
    "announcements.expired",
    AnnouncementsRepository,
    Announcement.retentionCutoff
) {}
