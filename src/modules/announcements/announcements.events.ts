// The public vocabulary of the announcements module: the severities of an announcement.

export const ANNOUNCEMENT_SEVERITIES = ["Low", "Medium", "High"] as const;
export type AnnouncementSeverity = (typeof ANNOUNCEMENT_SEVERITIES)[number];
