import { Injectable } from "@nestjs/common";
import { InjectDataSource } from "@nestjs/typeorm";
import type { DataSource, EntityManager } from "typeorm";

import { anonymizeRows } from "../../core/database/anonymize-rows";
import { type EntityRows, entityRows, rawPage } from "../../core/database/entity-rows";
import { rawQuery } from "../../core/database/raw-query";
import { type Page, type PageRequest, paginate } from "../../core/http/pagination";
import { createdByQuery } from "../../core/quotas/quota-usage";
import { MAX_FAILED_PASSWORD_ATTEMPTS, Token, type TokenAuthor } from "./token.entity";

/**
 * Every query of the tokens module, named by intent: the only place of the module that touches the database. Methods
 * that run inside a use case's transaction take its EntityManager first; standalone reads and single-statement writes
 * use the DataSource.
 */
@Injectable()
export class TokensRepository {
    private readonly rows: EntityRows<Token>;

    constructor(@InjectDataSource() private readonly dataSource: DataSource) {
        this.rows = entityRows(dataSource, Token, "t");
    }

    async insert(token: Token): Promise<void> {
        await rawQuery(
            this.dataSource,
            `INSERT INTO tokens (id, created_by, created_by_device, for_identity, created_at, expires_at, content, password_hash, failed_password_attempts)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
            [
                token.id,
                token.createdBy,
                token.createdByDevice,
                token.forIdentity,
                token.createdAt,
                token.expiresAt,
                token.content,
                token.passwordHash,
                token.failedPasswordAttempts
            ]
        );
    }

    async find(id: string): Promise<Token | undefined> {
        const { rows } = await rawQuery(this.dataSource, `SELECT ${this.rows.columns} FROM tokens t WHERE t.id = $1`, [id]);
        return rows[0] ? this.rows.of(rows[0]) : undefined;
    }

    async hasAllocation(tokenId: string, address: string): Promise<boolean> {
        const { rows } = await rawQuery(this.dataSource, "SELECT 1 FROM token_allocations WHERE token_id = $1 AND address = $2", [
            tokenId,
            address
        ]);
        return rows.length > 0;
    }

    /** Records that an identity read the token (once: a second read changes nothing). */
    async allocate(tokenId: string, reader: TokenAuthor, at: Date): Promise<void> {
        await rawQuery(
            this.dataSource,
            `INSERT INTO token_allocations (token_id, address, device_id, allocated_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
            [tokenId, reader.address, reader.deviceId, at]
        );
    }

    /**
     * Counts one failed password attempt unless the token is already locked, in one statement (concurrent attempts are
     * all counted). Returns the new count, or undefined when the token was already locked (or is gone).
     */
    async countFailedPasswordAttempt(manager: EntityManager, id: string): Promise<number | undefined> {
        const { rows } = await rawQuery<{ failed_password_attempts: number }>(
            manager,
            "UPDATE tokens SET failed_password_attempts = failed_password_attempts + 1 WHERE id = $1 AND failed_password_attempts < $2 RETURNING failed_password_attempts",
            [id, MAX_FAILED_PASSWORD_ATTEMPTS]
        );
        return rows[0]?.failed_password_attempts;
    }

    /** Unlocks a token after failed password attempts; false when it does not exist. */
    async resetFailedPasswordAttempts(id: string): Promise<boolean> {
        const result = await this.dataSource.getRepository(Token).update({ id }, { failedPasswordAttempts: 0 });
        return (result.affected ?? 0) > 0;
    }

    /** Fills an empty token, in one statement; false when it has content by now (or is gone). */
    async fillContent(id: string, content: Buffer, by: TokenAuthor): Promise<boolean> {
        const result = await this.dataSource
            .createQueryBuilder()
            .update(Token)
            .set({ content, createdBy: by.address, createdByDevice: by.deviceId })
            .where("id = :id AND content IS NULL", { id })
            .execute();
        return (result.affected ?? 0) > 0;
    }

    async delete(id: string): Promise<void> {
        await this.dataSource.getRepository(Token).delete({ id });
    }

    /** Tokens among `ids` that the caller created or has allocated, oldest first. */
    async pageVisibleTo(address: string, ids: string[], page: PageRequest): Promise<Page<Token>> {
        const from = `FROM tokens t WHERE t.id = ANY($1)
            AND (t.created_by = $2 OR EXISTS (SELECT 1 FROM token_allocations a WHERE a.token_id = t.id AND a.address = $2))`;
        return await rawPage(this.dataSource, this.rows, { from, orderBy: "t.created_at, t.id", parameters: [ids, address] }, page);
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

    /** How many tokens an identity created since `since` (ever when undefined) that still exist: the NumberOfTokens quota. */
    async countCreatedBy(address: string, since: Date | undefined): Promise<number> {
        return await createdByQuery(this.dataSource, Token, address, since).getCount();
    }

    /** Deletes up to `limit` tokens that expired at or before `before` (allocations go with them); returns how many. */
    async deleteExpired(before: Date, limit: number): Promise<number> {
        const { affected } = await rawQuery(
            this.dataSource,
            "DELETE FROM tokens WHERE id IN (SELECT id FROM tokens WHERE expires_at <= $1 ORDER BY expires_at LIMIT $2)",
            [before, limit]
        );
        return affected;
    }

    /**
     * Removes a deleted identity from the tokens, in the deletion's transaction: the tokens it created go (their
     * allocations by cascade); where it is the target of a personalised token or holds an allocation, its address is
     * replaced by the anonymised address.
     */
    async removeIdentity(manager: EntityManager, address: string, anonymized: string): Promise<void> {
        await manager.delete(Token, { createdBy: address });
        await manager.update(Token, { forIdentity: address }, { forIdentity: anonymized });
        await anonymizeRows(manager, { table: "token_allocations", key: "token_id", address: "address" }, address, anonymized);
    }
}
