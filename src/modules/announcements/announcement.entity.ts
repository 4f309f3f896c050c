import { Column, Entity, Index, PrimaryColumn } from "typeorm";

import { newId } from "../../core/ids/ids";
import { isCommunicationLanguage } from "../devices/devices.events";
import { AnnouncementsErrors } from "./announcements.errors";
import type { AnnouncementSeverity } from "./announcements.events";

/** Housekeeping deletes an announcement this long after it expired. */
export const ANNOUNCEMENT_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;
export const DEFAULT_LANGUAGE = "en";

export interface AnnouncementText {
    language: string;
    title: string;
    body: string;
}

export interface AnnouncementAction {
    link: string;
    /** Display name per language; `en` is always present. */
    displayNames: Record<string, string>;
}

export interface NewAnnouncement {
    severity: AnnouncementSeverity;
    isSilent?: boolean;
    texts: AnnouncementText[];
    expiresAt?: Date | null;
    /** Display names per language as the operator gave them (checked here: ISO 639-1 keys, `en`, 1 to 30 characters). */
    actions?: Array<{ link: string; displayName: Record<string, unknown> }>;
    /** Omitted or empty for everybody; duplicates are dropped. */
    recipients?: string[] | null;
    iqlQuery?: string | null;
    now: Date;
}

/** A notice from the operator to every identity or to some, with texts in several languages. */
@Entity({ name: "announcements" })
export class Announcement {
    @PrimaryColumn({ type: "varchar", length: 20 })
    id!: string;

    @Column({ type: "timestamptz" })
    createdAt!: Date;

    @Index("ix_announcements_expires_at")
    @Column({ type: "timestamptz", nullable: true })
    expiresAt!: Date | null;

    @Column({ type: "varchar", length: 10 })
    severity!: AnnouncementSeverity;

    @Column({ type: "boolean", default: false })
    isSilent!: boolean;

    @Column({ type: "text", nullable: true })
    iqlQuery!: string | null;

    /** Addresses it is meant for; null for everybody. */
    @Column({ type: "varchar", length: 80, array: true, nullable: true })
    recipients!: string[] | null;

    @Column({ type: "jsonb" })
    texts!: AnnouncementText[];

    @Column({ type: "jsonb" })
    actions!: AnnouncementAction[];

    /**
     * A new announcement. Every language has at most one text and English one; every action has a display name for
     * English and each of 1 to 30 characters without line breaks, keyed by ISO 639-1 codes.
     */
    static create(input: NewAnnouncement): Announcement {
        const languages = new Set(input.texts.map((t) => t.language));
        if (languages.size !== input.texts.length) throw AnnouncementsErrors.duplicateTextLanguage();
        if (!languages.has(DEFAULT_LANGUAGE)) throw AnnouncementsErrors.englishTextMissing();
        return Object.assign(new Announcement(), {
            id: newId("ANC"),
            createdAt: input.now,
            expiresAt: input.expiresAt ?? null,
            severity: input.severity,
            isSilent: input.isSilent ?? false,
            iqlQuery: input.iqlQuery ?? null,
            recipients: input.recipients && input.recipients.length > 0 ? [...new Set(input.recipients)] : null,
            texts: input.texts.map((t) => ({ language: t.language, title: t.title, body: t.body })),
            actions: (input.actions ?? []).map((action, index) => ({
                link: action.link,
                displayNames: displayNames(action.displayName, index)
            }))
        });
    }

    /** Announcements that expired at or before this instant are kept no longer: housekeeping removes them. */
    static retentionCutoff(now: Date): Date {
        return new Date(now.getTime() - ANNOUNCEMENT_RETENTION_MS);
    }

    /** The text in `language`, falling back to English. */
    textIn(language: string): AnnouncementText {
        return this.texts.find((t) => t.language === language) ?? this.texts.find((t) => t.language === DEFAULT_LANGUAGE) ?? this.texts[0]!;
    }

    isFor(address: string): boolean {
        return this.recipients === null || this.recipients.includes(address);
    }
}

/** The display names of the action at `index`, checked. */
function displayNames(given: Record<string, unknown> | undefined, index: number): Record<string, string> {
    const names = Object.entries(given ?? {});
    if (!names.every(([language, name]) => isCommunicationLanguage(language) && typeof name === "string")) {
        throw AnnouncementsErrors.invalidDisplayNames(index);
    }
    const checked = names as Array<[string, string]>;
    if (given!.en === undefined) throw AnnouncementsErrors.englishDisplayNameMissing(index);
    if (!checked.every(([, name]) => name.length > 0 && name.length <= 30)) throw AnnouncementsErrors.displayNameLength(index);
    if (checked.some(([, name]) => /[\r\n]/.test(name))) throw AnnouncementsErrors.displayNameLineBreak(index);
    return Object.fromEntries(checked);
}
