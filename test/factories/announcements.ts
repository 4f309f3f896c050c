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

/**
 * The body of POST /api/v1/Announcements as the official client library's announcement tests send it: severity High,
 * expiring in a day, not silent, English and German texts and one action; for everybody unless `recipients` are given.
 */
export function anAnnouncementRequest(recipients: string[] = []): Record<string, unknown> {
    return {
        expiresAt: new Date(Date.now() + 24 * 60 * 60 * 1000).toISOString(),
        severity: "High",
        isSilent: false,
        recipients,
        texts: [
            { language: "en", title: "English Title", body: "English Body" },
            { language: "de", title: "Deutscher Titel", body: "Deutscher Body" }
        ],
        actions: [
            {
                displayName: { en: "English Action Display Name", de: "Deutscher Action Anzeigename" },
                link: "https://example.com/some-action"
            }
        ]
    };
}
