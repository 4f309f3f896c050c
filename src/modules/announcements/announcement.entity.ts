import { Column, Entity, Index, PrimaryColumn } from "typeorm";

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

    /** The text in `language`, falling back to English. */
    textIn(language: string): AnnouncementText {
        return this.texts.find((t) => t.language === language) ?? this.texts.find((t) => t.language === DEFAULT_LANGUAGE) ?? this.texts[0]!;
    }

    isFor(address: string): boolean {
        return this.recipients === null || this.recipients.includes(address);
    }
}
