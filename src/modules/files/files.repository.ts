import { Injectable } from "@nestjs/common";
import { InjectDataSource } from "@nestjs/typeorm";
import { type DataSource, type EntityManager, In, LessThan, MoreThan } from "typeorm";

import { rawQuery } from "../../core/database/raw-query";
import { type Page, type PageRequest, paginate } from "../../core/http/pagination";
import { createdByQuery } from "../../core/quotas/quota-usage";
import { FileMetadata, FileUpload } from "./file.entity";

/**
 * Every query of the files module, named by intent: the only place of the module that touches the database. Methods
 * that run inside a use case's transaction take its EntityManager first; standalone reads and writes use the
 * DataSource.
 */
@Injectable()
export class FilesRepository {
    constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

    /** Announces an upload before any content is stored under its id. */
    async startUpload(id: string, startedBy: string, at: Date): Promise<void> {
        await this.dataSource.getRepository(FileUpload).insert({ id, startedBy, startedAt: at });
    }

    /**
     * Turns an upload into a file in one transaction: the upload row goes, the file row comes. False when the upload
     * row no longer exists (the cleanup judged it stale), in which case nothing is written.
     */
    async completeUpload(file: FileMetadata): Promise<boolean> {
        return await this.dataSource.transaction(async (manager) => {
            const removed = await manager.getRepository(FileUpload).delete({ id: file.id });
            if ((removed.affected ?? 0) !== 1) return false;
            await manager.getRepository(FileMetadata).insert(file);
            return true;
        });
    }

    async forgetUpload(id: string): Promise<void> {
        await this.dataSource.getRepository(FileUpload).delete({ id });
    }

    async find(id: string): Promise<FileMetadata | undefined> {
        return (await this.dataSource.getRepository(FileMetadata).findOneBy({ id })) ?? undefined;
    }

    async findForUpdate(manager: EntityManager, id: string): Promise<FileMetadata | undefined> {
        return (await manager.getRepository(FileMetadata).findOne({ where: { id }, lock: { mode: "pessimistic_write" } })) ?? undefined;
    }

    async save(manager: EntityManager, file: FileMetadata): Promise<void> {
        await manager.getRepository(FileMetadata).save(file);
    }

    /** The caller's own (created) files that have not expired, oldest first. */
    async pageCreatedBy(address: string, ids: string[] | undefined, now: Date, page: PageRequest): Promise<Page<FileMetadata>> {
        const query = this.dataSource
            .getRepository(FileMetadata)
            .createQueryBuilder("f")
            .where("f.created_by = :address", { address })
            .andWhere("f.expires_at > :now", { now })
            .orderBy("f.created_at", "ASC")
            .addOrderBy("f.id", "ASC");
        if (ids) query.andWhere("f.id IN (:...ids)", { ids });
        return await paginate(query, page);
    }

    async delete(id: string): Promise<boolean> {
        const result = await this.dataSource.getRepository(FileMetadata).delete({ id });
        return (result.affected ?? 0) > 0;
    }

    async idsOfVisible(ids: string[], now: Date, manager: EntityManager = this.dataSource.manager): Promise<string[]> {
        if (ids.length === 0) return [];
        const rows = await manager
            .getRepository(FileMetadata)
            .find({ where: { id: In(ids), expiresAt: MoreThan(now) }, select: { id: true } });
        return rows.map((row) => row.id);
    }

    /** Up to `limit` ids of files that expired before `before`. */
    async expiredBefore(before: Date, limit: number): Promise<string[]> {
        const rows = await this.dataSource
            .getRepository(FileMetadata)
            .find({ where: { expiresAt: LessThan(before) }, select: { id: true }, order: { expiresAt: "ASC" }, take: limit });
        return rows.map((row) => row.id);
    }

    async staleUploads(startedBefore: Date, limit: number): Promise<string[]> {
        const rows = await this.dataSource
            .getRepository(FileUpload)
            .find({ where: { startedAt: LessThan(startedBefore) }, select: { id: true }, order: { startedAt: "ASC" }, take: limit });
        return rows.map((row) => row.id);
    }

    /** Which of the keys belong to a file or to an upload in progress (one statement, so one consistent view). */
    async knownKeys(keys: string[]): Promise<Set<string>> {
        if (keys.length === 0) return new Set();
        const { rows } = await rawQuery<{ id: string }>(
            this.dataSource,
            "SELECT id FROM files WHERE id = ANY($1) UNION SELECT id FROM file_uploads WHERE id = ANY($1)",
            [keys]
        );
        return new Set(rows.map((row) => row.id));
    }

    /** How many files an identity uploaded since `since` (ever when undefined) that still exist: the NumberOfFiles quota. */
    async countCreatedBy(address: string, since: Date | undefined): Promise<number> {
        return await createdByQuery(this.dataSource, FileMetadata, address, since).getCount();
    }

    /** The cipher bytes of the files an identity uploaded since `since` (ever when undefined): the UsedFileStorageSpace quota. */
    async sumCipherSizeCreatedBy(address: string, since: Date | undefined): Promise<number> {
        const row = await createdByQuery(this.dataSource, FileMetadata, address, since)
            .select("COALESCE(SUM(row.cipherSize), 0)", "total")
            .getRawOne<{ total: string }>();
        return Number(row?.total ?? 0);
    }

    /**
     * Removes a deleted identity from the files, in the deletion's transaction: the files it owns and its uploads in
     * progress go; in files it created or modified that others own by now, the anonymised address takes its place.
     * Returns the ids whose blobs are to be deleted once the transaction commits.
     */
    async removeIdentity(manager: EntityManager, address: string, anonymized: string): Promise<string[]> {
        const owned = await manager.find(FileMetadata, { where: { owner: address }, select: { id: true } });
        const uploads = await manager.find(FileUpload, { where: { startedBy: address }, select: { id: true } });
        const ids = owned.map((f) => f.id);
        if (ids.length > 0) await manager.delete(FileMetadata, { id: In(ids) });
        if (uploads.length > 0) await manager.delete(FileUpload, { id: In(uploads.map((u) => u.id)) });
        await manager.update(FileMetadata, { createdBy: address }, { createdBy: anonymized });
        await manager.update(FileMetadata, { modifiedBy: address }, { modifiedBy: anonymized });
        return [...ids, ...uploads.map((u) => u.id)];
    }
}
