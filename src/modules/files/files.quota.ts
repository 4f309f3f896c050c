import { QuotaUsageCounterOf } from "../../core/quotas/quota-usage";
import { FilesRepository } from "./files.repository";

/** Usage of the NumberOfFiles quota: files the identity uploaded (and that still exist). */
export class UploadedFilesUsage extends QuotaUsageCounterOf("NumberOfFiles", FilesRepository, (files, address, since) =>
    files.countCreatedBy(address, since)
) {}

/** Usage of the UsedFileStorageSpace quota: the bytes (cipher) of the files the identity uploaded. */
export class UsedFileStorageSpaceUsage extends QuotaUsageCounterOf("UsedFileStorageSpace", FilesRepository, (files, address, since) =>
    files.sumCipherSizeCreatedBy(address, since)
) {}
