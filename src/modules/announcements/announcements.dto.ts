import { ApiProperty, PickType } from "@nestjs/swagger";
import { IsObject } from "class-validator";

import {
    AddressListProperty,
    BooleanProperty,
    DateProperty,
    EnumProperty,
    NestedArrayProperty,
    StringProperty
} from "../../core/validation/decorators";
import type { Announcement } from "./announcement.entity";
import { ANNOUNCEMENT_SEVERITIES, type AnnouncementSeverity } from "./announcements.events";
import { IsCommunicationLanguage } from "./language";

export class AnnouncementActionDto {
    @ApiProperty()
    displayName!: string;
    @ApiProperty()
    link!: string;
    @ApiProperty({ type: "string", nullable: true })
    iqlQuery!: string | null;
}

export class AnnouncementDto {
    @ApiProperty({ example: "ANCaaaaaaaaaaaaaaaaa" })
    id!: string;
    @ApiProperty({ type: "string", format: "date-time" })
    createdAt!: string;
    @ApiProperty({ type: "string", format: "date-time", nullable: true })
    expiresAt!: string | null;
    @ApiProperty({ enum: ANNOUNCEMENT_SEVERITIES, enumName: "AnnouncementSeverity" })
    severity!: AnnouncementSeverity;
    @ApiProperty()
    title!: string;
    @ApiProperty()
    body!: string;
    @ApiProperty({ type: [AnnouncementActionDto] })
    actions!: AnnouncementActionDto[];
    @ApiProperty({ type: "string", nullable: true })
    iqlQuery!: string | null;

    static from(announcement: Announcement, language: string): AnnouncementDto {
        const text = announcement.textIn(language);
        return {
            id: announcement.id,
            createdAt: announcement.createdAt.toISOString(),
            expiresAt: announcement.expiresAt?.toISOString() ?? null,
            severity: announcement.severity,
            title: text.title,
            body: text.body,
            actions: announcement.actions.map((action) => ({
                displayName: action.displayNames[language] ?? action.displayNames.en ?? Object.values(action.displayNames)[0] ?? "",
                link: action.link,
                iqlQuery: null
            })),
            iqlQuery: announcement.iqlQuery
        };
    }
}

export class ListAnnouncementsQuery {
    @StringProperty({ minLength: 2, maxLength: 2, example: "en", description: "ISO 639-1 code; texts fall back to English." })
    @IsCommunicationLanguage()
    language!: string;
}

export class AnnouncementTextInput {
    @StringProperty({ minLength: 2, maxLength: 2, example: "en" })
    @IsCommunicationLanguage()
    language!: string;
    @StringProperty({ minLength: 1, maxLength: 500 })
    title!: string;
    @StringProperty({ minLength: 1, maxLength: 10_000 })
    body!: string;
}

export class AnnouncementActionInput {
    @ApiProperty({
        type: "object",
        additionalProperties: { type: "string", minLength: 1, maxLength: 30 },
        example: { en: "Read more", de: "Mehr lesen" },
        description: "Display name per language (ISO 639-1 code → 1 to 30 characters, no line breaks); must contain `en`."
    })
    @IsObject()
    displayName!: Record<string, string>;
    @StringProperty({ minLength: 1, maxLength: 300, example: "https://example.org/news" })
    link!: string;
}

/** The body of POST /api/v1/Announcements, as the official Admin API takes it. */
export class CreateAnnouncementRequest {
    @EnumProperty(ANNOUNCEMENT_SEVERITIES, { enumName: "AnnouncementSeverity" })
    severity!: AnnouncementSeverity;
    @BooleanProperty({ required: false, description: "Silent announcements cause no push notification (default false)." })
    isSilent?: boolean;
    @NestedArrayProperty(() => AnnouncementTextInput, { minItems: 1, maxItems: 200 })
    texts!: AnnouncementTextInput[];
    @DateProperty({ required: false, nullable: true, future: true })
    expiresAt?: Date | null;
    @NestedArrayProperty(() => AnnouncementActionInput, { required: false, maxItems: 20 })
    actions?: AnnouncementActionInput[];
    @AddressListProperty({
        required: false,
        nullable: true,
        maxItems: 100,
        description: "Recipient addresses (at most 100); omitted or empty for everybody."
    })
    recipients?: string[] | null;
    @StringProperty({ required: false, nullable: true, minLength: 1, maxLength: 10_000 })
    iqlQuery?: string | null;
}

export class AdminAnnouncementTextDto {
    @ApiProperty({ example: "en" })
    language!: string;
    @ApiProperty()
    title!: string;
    @ApiProperty()
    body!: string;
}

export class AdminAnnouncementActionDto {
    @ApiProperty({ type: "object", additionalProperties: { type: "string" }, example: { en: "Read more" } })
    displayName!: Record<string, string>;
    @ApiProperty()
    link!: string;
}

/** An announcement with all its texts, as the official Admin API shows it. */
export class AdminAnnouncementDto extends PickType(AnnouncementDto, ["id", "createdAt", "expiresAt", "severity"] as const) {
    @ApiProperty({ type: [AdminAnnouncementTextDto] })
    texts!: AdminAnnouncementTextDto[];
    @ApiProperty({ type: [String], description: "Empty for an announcement to everybody." })
    recipients!: string[];
    @ApiProperty({ type: [AdminAnnouncementActionDto] })
    actions!: AdminAnnouncementActionDto[];
    @ApiProperty({ type: "string", nullable: true })
    iqlQuery!: string | null;
    @ApiProperty()
    isSilent!: boolean;

    static from(a: Announcement): AdminAnnouncementDto {
        return {
            id: a.id,
            createdAt: a.createdAt.toISOString(),
            expiresAt: a.expiresAt?.toISOString() ?? null,
            severity: a.severity,
            texts: a.texts.map((t) => ({ language: t.language, title: t.title, body: t.body })),
            recipients: a.recipients ?? [],
            actions: a.actions.map((action) => ({ displayName: action.displayNames, link: action.link })),
            iqlQuery: a.iqlQuery,
            isSilent: a.isSilent
        };
    }
}
