import type { BackboneConfig } from "../../config/config";
import type { BlobStorage } from "./blob-storage";
import { FsBlobStorage } from "./fs-blob-storage";
import { S3BlobStorage } from "./s3-blob-storage";

export function createBlobStorage(config: BackboneConfig): BlobStorage {
    if (config.BLOB_STORAGE === "s3") {
        return new S3BlobStorage({
            endpoint: config.S3_ENDPOINT!,
            bucket: config.S3_BUCKET,
            accessKey: config.S3_ACCESS_KEY!,
            secretKey: config.S3_SECRET_KEY!,
            region: config.S3_REGION,
            partSize: config.S3_PART_SIZE_MB * 1024 * 1024,
            connectTimeoutMs: config.S3_CONNECT_TIMEOUT_SECONDS * 1000,
            requestTimeoutMs: config.S3_REQUEST_TIMEOUT_SECONDS * 1000
        });
    }
    return new FsBlobStorage(config.BLOB_DIR);
}
