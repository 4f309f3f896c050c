import { Injectable } from "@nestjs/common";
import { InjectDataSource } from "@nestjs/typeorm";
import { Brackets, type DataSource, type EntityManager } from "typeorm";

import { type Page, type PageRequest, paginate } from "../../core/http/pagination";
import { MAX_FAILED_PASSWORD_ATTEMPTS, Token, TokenAllocation } from "./token.entity";

/** The queries of the tokens module, named by intent. */
@Injectable()
export class TokensRepository {
    constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

    async insert(token: Token): Promise<void> {
        await this.dataSource.getRepository(Token).insert(token);
    }

    async find(id: string): Promise<Token | undefined> {
        return (await this.dataSource.getRepository(Token).findOneBy({ id })) ?? undefined;
    }

    async findForUpdate(manager: EntityManager, id: string): Promise<Token | undefined> {
        return (await manager.getRepository(Token).findOne({ where: { id }, lock: { mode: "pessimistic_write" } })) ?? undefined;
    }

    async hasAllocation(tokenId: string, address: string): Promise<boolean> {
        return await this.dataSource.getRepository(TokenAllocation).existsBy({ tokenId, address });
    }

    async allocate(tokenId: string, address: string, deviceId: string, at: Date): Promise<void> {
        await this.dataSource
            .createQueryBuilder()
            .insert()
            .into(TokenAllocation)
            .values({ tokenId, address, deviceId, allocatedAt: at })
            .orIgnore()
            .execute();
    }

    /**
     * Counts one failed password attempt unless the token is already locked. Returns the new count, or undefined when
     * the token was already locked (or is gone).
     */
    async countFailedPasswordAttempt(manager: EntityManager, id: string): Promise<number | undefined> {
        const result: unknown = await manager.query(
            "UPDATE tokens SET failed_password_attempts = failed_password_attempts + 1 WHERE id = $1 AND failed_password_attempts < $2 RETURNING failed_password_attempts",
            [id, MAX_FAILED_PASSWORD_ATTEMPTS]
        );
        // The driver answers an UPDATE with [rows, affected].
        const rows = (Array.isArray(result) && Array.isArray(result[0]) ? result[0] : result) as Array<{
            failed_password_attempts: number;
        }>;
        return rows[0]?.failed_password_attempts;
    }

    /** Tokens among `ids` that the caller created or has allocated, oldest first. */
    async pageVisibleTo(address: string, ids: string[], page: PageRequest): Promise<Page<Token>> {
        const query = this.dataSource
            .getRepository(Token)
            .createQueryBuilder("t")
            .where("t.id IN (:...ids)", { ids })
            .andWhere(
                new Brackets((q) =>
                    q
                        .where("t.created_by = :address", { address })
                        .orWhere("EXISTS (SELECT 1 FROM token_allocations a WHERE a.token_id = t.id AND a.address = :address)", { address })
                )
            )
            .orderBy("t.created_at", "ASC")
            .addOrderBy("t.id", "ASC");
        return await paginate(query, page);
    }

    /** Tokens an identity created, oldest first, without their content (Admin API). */
    async pageCreatedBy(address: string, page: PageRequest): Promise<Page<Token>> {
        const query = this.dataSource
            .getRepository(Token)
            .createQueryBuilder("t")
            .select(["t.id", "t.createdBy", "t.createdByDevice", "t.forIdentity", "t.createdAt", "t.expiresAt", "t.passwordHash"])
            .where("t.created_by = :address", { address })
            .orderBy("t.created_at", "ASC")
            .addOrderBy("t.id", "ASC");
        return await paginate(query, page);
    }

    /** Unlocks a token after failed password attempts; false when it does not exist. */
    async resetFailedPasswordAttempts(id: string): Promise<boolean> {
        const result = await this.dataSource.getRepository(Token).update({ id }, { failedPasswordAttempts: 0 });
        return (result.affected ?? 0) > 0;
    }

    /** Deletes up to `limit` tokens that expired at or before `before` (allocations go with them); returns how many. */
    async deleteExpired(before: Date, limit: number): Promise<number> {
        const result: unknown = await this.dataSource.query(
            "DELETE FROM tokens WHERE id IN (SELECT id FROM tokens WHERE expires_at <= $1 ORDER BY expires_at LIMIT $2)",
            [before, limit]
        );
        return Array.isArray(result) && typeof result[1] === "number" ? result[1] : 0;
    }

    async delete(id: string): Promise<void> {
        await this.dataSource.getRepository(Token).delete({ id });
    }

    /** Fills an empty token; false when it got content in the meantime. */
    async fillContent(manager: EntityManager, id: string, content: Buffer, createdBy: string, createdByDevice: string): Promise<boolean> {
        const result = await manager
            .createQueryBuilder()
            .update(Token)
            .set({ content, createdBy, createdByDevice })
            .where("id = :id AND content IS NULL", { id })
            .execute();
        return (result.affected ?? 0) > 0;
    }
}
