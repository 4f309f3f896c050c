import { Module } from "@nestjs/common";
import { TypeOrmModule } from "@nestjs/typeorm";

import { FileMetadata, FileUpload } from "./file.entity";
import { FilesController } from "./files.controller";
import { ExpiredFilesCleanup, FilesCleanup, OrphanedBlobsCleanup } from "./files.housekeeping";
import { FilesIdentityDeletion } from "./files.identity-deletion";
import { UploadedFilesUsage, UsedFileStorageSpaceUsage } from "./files.quota";
import { FilesRepository } from "./files.repository";
import { FilesService } from "./files.service";

/** Files: encrypted content streamed to the blob store, its metadata, and the ownership token flow. */
@Module({
    imports: [TypeOrmModule.forFeature([FileMetadata, FileUpload])],
    controllers: [FilesController],
    providers: [
        FilesService,
        FilesRepository,
        FilesCleanup,
        ExpiredFilesCleanup,
        OrphanedBlobsCleanup,
        UploadedFilesUsage,
        UsedFileStorageSpaceUsage,
        FilesIdentityDeletion
    ],
    exports: [FilesService]
})
export class FilesModule {}
