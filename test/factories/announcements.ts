import { Announcement, type NewAnnouncement } from "../../src/modules/announcements/announcement.entity";

/**
 * An announcement in memory, as `Announcement.create` makes it: severity Low, an English text, for everybody, without
 * actions or expiry unless told.
 */
export function anAnnouncement(overrides: Partial<NewAnnouncement> = {}): Announcement {
    return Announcement.create({
        severity: "Low",
        texts: [{ language: "en", title: "Maintenance", body: "The Backbone is down on Sunday." }],
        now: new Date("2026-01-01T00:00:00.000Z"),
        ...overrides
    });
}
