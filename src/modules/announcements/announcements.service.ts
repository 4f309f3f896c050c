import { Inject, Injectable } from "@nestjs/common";
import { InjectRepository } from "@nestjs/typeorm";
import type { Repository } from "typeorm";

import { Clock } from "../../core/clock/clock";
import { notFound, ValidationError } from "../../core/errors/errors";
import { newId } from "../../core/ids/ids";
import { isCommunicationLanguage } from "../devices/devices.events";
import { Announcement, DEFAULT_LANGUAGE } from "./announcement.entity";
import { AdminAnnouncementDto, AnnouncementDto, type CreateAnnouncementRequest } from "./announcements.dto";

@Injectable()
export class AnnouncementsService {
    constructor(
        @InjectRepository(Announcement) private readonly announcements: Repository<Announcement>,
        @Inject(Clock) private readonly clock: Clock
    ) {}

    /** Announcements for everybody or for the caller, texts in `language` (falling back to English), newest first. */
    async listAnnouncementsFor(address: string, language: string): Promise<AnnouncementDto[]> {
        const found = await this.announcements
            .createQueryBuilder("a")
            .where("(a.recipients IS NULL OR :address = ANY(a.recipients))", { address })
            .orderBy("a.createdAt", "DESC")
            .addOrderBy("a.id", "ASC")
            .getMany();
        return found.map((a) => AnnouncementDto.from(a, language));
    }

    async createAnnouncement(request: CreateAnnouncementRequest): Promise<AdminAnnouncementDto> {
        const languages = new Set(request.texts.map((t) => t.language));
        if (languages.size !== request.texts.length) throw new ValidationError("'texts': each language may appear only once.");
        if (!languages.has(DEFAULT_LANGUAGE)) throw new ValidationError("'texts': There must be a text for English.");
        const actions = (request.actions ?? []).map((action, index) => {
            const names = Object.entries(action.displayName ?? {});
            if (!names.every(([language, name]) => isCommunicationLanguage(language) && typeof name === "string")) {
                throw new ValidationError(`'actions.${index}.displayName': keys must be ISO 639-1 codes and values strings.`);
            }
            if (action.displayName.en === undefined)
                throw new ValidationError(`'actions.${index}.displayName': An action must have a display name for English.`);
            if (!names.every(([, name]) => name.length > 0 && name.length <= 30))
                throw new ValidationError(`'actions.${index}.displayName': A display name must have between 1 and 30 characters.`);
            if (names.some(([, name]) => /[\r\n]/.test(name)))
                throw new ValidationError(`'actions.${index}.displayName': A display name must not contain line breaks.`);
            return { link: action.link, displayNames: Object.fromEntries(names) };
        });
        const now = this.clock.now();
        const announcement = this.announcements.create({
            id: newId("ANC"),
            createdAt: now,
            expiresAt: request.expiresAt ?? null,
            severity: request.severity,
            isSilent: request.isSilent ?? false,
            iqlQuery: request.iqlQuery ?? null,
            recipients: request.recipients && request.recipients.length > 0 ? [...new Set(request.recipients)] : null,
            texts: request.texts.map((t) => ({ language: t.language, title: t.title, body: t.body })),
            actions
        });
        await this.announcements.insert(announcement);
        return AdminAnnouncementDto.from(announcement);
    }

    async getAnnouncement(id: string): Promise<AdminAnnouncementDto> {
        const announcement = await this.announcements.findOneBy({ id });
        if (!announcement) throw notFound("Announcement");
        return AdminAnnouncementDto.from(announcement);
    }

    async listAllAnnouncements(): Promise<AdminAnnouncementDto[]> {
        const all = await this.announcements.find({ order: { createdAt: "DESC", id: "ASC" } });
        return all.map((a) => AdminAnnouncementDto.from(a));
    }

    async deleteAnnouncement(id: string): Promise<void> {
        const result = await this.announcements.delete({ id });
        if (!result.affected) throw notFound("Announcement");
    }
}
