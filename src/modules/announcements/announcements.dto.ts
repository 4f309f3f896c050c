import { ApiProperty } from "@nestjs/swagger";
import { ArrayMaxSize, IsArray, IsObject, IsOptional, IsString, Length } from "class-validator";

import { BooleanProperty, DateProperty, EnumProperty, NestedArrayProperty, StringProperty } from "../../core/validation/decorators";
import { type Announcement, ANNOUNCEMENT_SEVERITIES, type AnnouncementSeverity } from "./announcement.entity";
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
    @StringProperty({ minLength: 1, maxLength: 2000, example: "https://example.org/news" })
    link!: string;
    @ApiProperty({
        type: "object",
        additionalProperties: { type: "string" },
        example: { en: "Read more", de: "Mehr lesen" },
        description: "Display name per language; must contain `en`."
    })
    @IsObject()
    displayName!: Record<string, string>;
}

export class CreateAnnouncementRequest {
    @EnumProperty(ANNOUNCEMENT_SEVERITIES, { enumName: "AnnouncementSeverity" })
    severity!: AnnouncementSeverity;
    @DateProperty({ required: false, nullable: true })
    expiresAt?: Date | null;
    @BooleanProperty({ required: false })
    isSilent?: boolean;
    @StringProperty({ required: false, nullable: true, minLength: 1, maxLength: 10_000 })
    iqlQuery?: string | null;
    @ApiProperty({ type: [String], required: false, nullable: true, description: "Recipient addresses; omitted or null for everybody." })
    @IsOptional()
    @IsArray()
    @ArrayMaxSize(100_000)
    @IsString({ each: true })
    @Length(1, 80, { each: true })
    recipients?: string[] | null;
    @NestedArrayProperty(() => AnnouncementTextInput, { minItems: 1, maxItems: 200 })
    texts!: AnnouncementTextInput[];
    @NestedArrayProperty(() => AnnouncementActionInput, { required: false, maxItems: 20 })
    actions?: AnnouncementActionInput[];
}

export class AdminAnnouncementDto {
    @ApiProperty({ example: "ANCaaaaaaaaaaaaaaaaa" })
    id!: string;
    @ApiProperty({ type: "string", format: "date-time" })
    createdAt!: string;
    @ApiProperty({ type: "string", format: "date-time", nullable: true })
    expiresAt!: string | null;
    @ApiProperty({ enum: ANNOUNCEMENT_SEVERITIES, enumName: "AnnouncementSeverity" })
    severity!: AnnouncementSeverity;
    @ApiProperty()
    isSilent!: boolean;
    @ApiProperty({ type: "string", nullable: true })
    iqlQuery!: string | null;
    @ApiProperty({ type: [String], nullable: true })
    recipients!: string[] | null;
    @ApiProperty({ type: [AnnouncementTextInput] })
    texts!: AnnouncementTextInput[];
    @ApiProperty({ type: [AnnouncementActionInput] })
    actions!: AnnouncementActionInput[];

    static from(a: Announcement): AdminAnnouncementDto {
        return {
            id: a.id,
            createdAt: a.createdAt.toISOString(),
            expiresAt: a.expiresAt?.toISOString() ?? null,
            severity: a.severity,
            isSilent: a.isSilent,
            iqlQuery: a.iqlQuery,
            recipients: a.recipients,
            texts: a.texts,
            actions: a.actions.map((action) => ({ link: action.link, displayName: action.displayNames }))
        };
    }
}
