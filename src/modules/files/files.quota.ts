import { Injectable } from "@nestjs/common";
import { DataSource } from "typeorm";
import { type QuotaUsageCounter, RegisterQuotaUsageCounter } from "../../core/quotas/quota-usage";
import { FileMetadata } from "./file.entity";

function filesCreatedBy(dataSource: DataSource, address: string, since: Date | undefined) {
    const query = dataSource.getRepository(FileMetadata).createQueryBuilder("f").where("f.createdBy = :address", { address });
    if (since) query.andWhere("f.createdAt >= :since", { since });
    return query;
}

/** Usage of the NumberOfFiles quota: files the identity uploaded (and that still exist). */
@Injectable()
@RegisterQuotaUsageCounter()
export class UploadedFilesUsage implements QuotaUsageCounter {
    readonly metricKey = "NumberOfFiles";

    constructor(private readonly dataSource: DataSource) {}

    async countUsage(address: string, since: Date | undefined): Promise<number> {
        return await filesCreatedBy(this.dataSource, address, since).getCount();
    }
}

/** Usage of the UsedFileStorageSpace quota: the bytes (cipher) of the files the identity uploaded. */
@Injectable()
@RegisterQuotaUsageCounter()
export class UsedFileStorageSpaceUsage implements QuotaUsageCounter {
    readonly metricKey = "UsedFileStorageSpace";

    constructor(private readonly dataSource: DataSource) {}

    async countUsage(address: string, since: Date | undefined): Promise<number> {
        const row = await filesCreatedBy(this.dataSource, address, since).select("COALESCE(SUM(f.cipherSize), 0)", "total").getRawOne<{ total: string }>();
        return Number(row?.total ?? 0);
    }
}
