import { Injectable } from "@nestjs/common";
import { DataSource } from "typeorm";

import { createdByQuery, type QuotaUsageCounter, RegisterQuotaUsageCounter } from "../../core/quotas/quota-usage";
import { FileMetadata } from "./file.entity";

function filesCreatedBy(dataSource: DataSource, address: string, since: Date | undefined) {
    return createdByQuery(dataSource, FileMetadata, address, since);
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
        const row = await filesCreatedBy(this.dataSource, address, since)
            .select("COALESCE(SUM(row.cipherSize), 0)", "total")
            .getRawOne<{ total: string }>();
        return Number(row?.total ?? 0);
    }
}
