import { anAnnouncement } from "../../../test/factories/announcements";
import { Announcement, ANNOUNCEMENT_RETENTION_MS } from "./announcement.entity";

const ALICE = "did:e:localhost:dids:aaaaaaaaaaaaaaaaaaaaaa";
const BOB = "did:e:localhost:dids:bbbbbbbbbbbbbbbbbbbbbb";
const english = { language: "en", title: "Title", body: "Body" };
const german = { language: "de", title: "Titel", body: "Text" };
const message = (text: string) => expect.objectContaining({ message: expect.stringContaining(text) });

describe("Announcement", () => {
    it("is for everybody without recipients, else for its recipients only, each named once", () => {
        expect(anAnnouncement({ recipients: [] }).isFor(ALICE)).toBe(true);
        const addressed = anAnnouncement({ recipients: [ALICE, ALICE] });
        expect(addressed.recipients).toEqual([ALICE]);
        expect(addressed.isFor(ALICE)).toBe(true);
        expect(addressed.isFor(BOB)).toBe(false);
    });

    it("needs an English text and at most one text per language", () => {
        expect(() => anAnnouncement({ texts: [german] })).toThrow(message("There must be a text for English"));
        expect(() => anAnnouncement({ texts: [english, german, german] })).toThrow(message("each language may appear only once"));
    });

    it("shows the text in the asked language, else the English one", () => {
        const announcement = anAnnouncement({ texts: [german, english] });
        expect(announcement.textIn("de").title).toBe("Titel");
        expect(announcement.textIn("fr").title).toBe("Title");
    });

    it("checks the display names of its actions", () => {
        const action = (displayName: Record<string, unknown>) => ({ actions: [{ link: "https://example.org", displayName }] });
        expect(anAnnouncement(action({ en: "Read", de: "Lesen" })).actions).toEqual([
            { link: "https://example.org", displayNames: { en: "Read", de: "Lesen" } }
        ]);
        expect(() => anAnnouncement(action({ de: "Lesen" }))).toThrow(message("'actions.0.displayName': An action must have"));
        expect(() => anAnnouncement(action({ en: "Read", xx: "?" }))).toThrow(message("keys must be ISO 639-1 codes"));
        expect(() => anAnnouncement(action({ en: "x".repeat(31) }))).toThrow(message("between 1 and 30 characters"));
        expect(() => anAnnouncement(action({ en: "Read\nmore" }))).toThrow(message("must not contain line breaks"));
    });

    it("is kept 30 days after it expired", () => {
        const now = new Date("2026-01-01T00:00:00.000Z");
        expect(Announcement.retentionCutoff(now)).toEqual(new Date(now.getTime() - ANNOUNCEMENT_RETENTION_MS));
    });
});
