import { Injectable } from "@nestjs/common";
import { InjectDataSource } from "@nestjs/typeorm";
import type { DataSource, EntityManager } from "typeorm";

import { deleteExpiredRows } from "../../core/database/delete-expired";
import { rawQuery } from "../../core/database/raw-query";
import { Announcement } from "./announcement.entity";

/** Every query of the announcements module, named by intent: the only place of the module that touches the database. */
@Injectable()
export class AnnouncementsRepository {
    constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

    /** Announcements for everybody or for `address`, newest first. */
    async listFor(address: string): Promise<Announcement[]> {
        return await this.dataSource
            .getRepository(Announcement)
            .createQueryBuilder("a")
            .where("(a.recipients IS NULL OR :address = ANY(a.recipients))", { address })
            .orderBy("a.createdAt", "DESC")
            .addOrderBy("a.id", "ASC")
            .getMany();
    }

    /** Every announcement, newest first (Admin API). */
    async listAll(): Promise<Announcement[]> {
        return await this.dataSource.getRepository(Announcement).find({ order: { createdAt: "DESC", id: "ASC" } });
    }

    async insert(announcement: Announcement): Promise<void> {
        await this.dataSource.getRepository(Announcement).insert(announcement);
    }

    async find(id: string): Promise<Announcement | undefined> {
        return (await this.dataSource.getRepository(Announcement).findOneBy({ id })) ?? undefined;
    }

    /** False when it does not exist. */
    async delete(id: string): Promise<boolean> {
        const result = await this.dataSource.getRepository(Announcement).delete({ id });
        return (result.affected ?? 0) > 0;
    }

    /** Deletes up to `limit` announcements that expired at or before `before`; returns how many. */
    async deleteExpired(before: Date, limit: number): Promise<number> {
        return await deleteExpiredRows(this.dataSource, "announcements", before, limit);
    }

    /** Removes a deleted identity from the recipient lists, in the deletion's transaction. */
    async removeRecipient(manager: EntityManager, address: string): Promise<void> {
        await rawQuery(manager, "UPDATE announcements SET recipients = array_remove(recipients, $1) WHERE $1 = ANY(recipients)", [address]);
    }
}
