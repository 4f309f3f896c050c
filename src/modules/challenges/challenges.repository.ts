import { Injectable } from "@nestjs/common";
import { InjectDataSource } from "@nestjs/typeorm";
import type { DataSource, EntityManager } from "typeorm";

import { rawQuery } from "../../core/database/raw-query";
import { Challenge } from "./challenge.entity";

/** Every query of the challenges module, named by intent. */
@Injectable()
export class ChallengesRepository {
    constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

    async insert(challenge: Challenge): Promise<void> {
        await this.dataSource.getRepository(Challenge).insert(challenge);
    }

    async find(id: string): Promise<Challenge | undefined> {
        return (await this.dataSource.getRepository(Challenge).findOneBy({ id })) ?? undefined;
    }

    /** Deletes up to `limit` challenges that expired at or before `before`, skipping rows another run holds; returns how many. */
    async deleteExpired(before: Date, limit: number): Promise<number> {
        const { affected } = await rawQuery(
            this.dataSource,
            `DELETE FROM challenges WHERE id IN (
                SELECT id FROM challenges WHERE expires_at <= $1 ORDER BY expires_at LIMIT $2 FOR UPDATE SKIP LOCKED
            )`,
            [before, limit]
        );
        return affected;
    }

    /** The challenges a deleted identity created go with it, in the deletion's transaction. */
    async deleteCreatedBy(manager: EntityManager, address: string): Promise<void> {
        await manager.delete(Challenge, { createdBy: address });
    }
}
