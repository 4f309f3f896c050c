import { Inject, Injectable, Logger, type OnModuleInit } from "@nestjs/common";
import {
    DataSource,
    type EntityManager,
    type EntitySubscriberInterface,
    In,
    type TransactionCommitEvent,
    type TransactionRollbackEvent
} from "typeorm";

import { BACKBONE_CONFIG, type BackboneConfig } from "../../config/config";
import { BlobStorage } from "../../core/blob-storage/blob-storage";
import { anonymizedAddress } from "../../core/crypto/identity-address";
import { DomainEvents } from "../../core/events/domain-events";
import { IdentityDeleted } from "../devices/devices.events";
import { FileMetadata, FileUpload } from "./file.entity";

const PENDING = "filesBlobsToDeleteAfterCommit";

/**
 * A deleted identity's files (those it owns) go with it; in files it created or modified that others own by now,
 * its address is replaced by the anonymised address. The rows go in the deletion's transaction; the blobs are
 * removed right after that transaction commits (the commit waits for it; failures are only logged). A blob left behind by a crash in between has no row any more and is
 * removed by FilesCleanup.removeOrphans().
 */
@Injectable()
export class FilesIdentityDeletion implements OnModuleInit, EntitySubscriberInterface {
    private readonly logger = new Logger("FilesIdentityDeletion");
    private readonly anonymizedAddress: string;

    constructor(
        dataSource: DataSource,
        private readonly domainEvents: DomainEvents,
        private readonly blobs: BlobStorage,
        @Inject(BACKBONE_CONFIG) config: BackboneConfig
    ) {
        this.anonymizedAddress = anonymizedAddress(config.DID_DOMAIN);
        dataSource.subscribers.push(this);
    }

    onModuleInit(): void {
        this.domainEvents.subscribe<IdentityDeleted>(IdentityDeleted.eventName, (manager, event) => this.remove(manager, event.address));
    }

    private async remove(manager: EntityManager, address: string): Promise<void> {
        const owned = await manager.find(FileMetadata, { where: { owner: address }, select: { id: true } });
        const uploads = await manager.find(FileUpload, { where: { startedBy: address }, select: { id: true } });
        const ids = owned.map((f) => f.id);
        if (ids.length > 0) await manager.delete(FileMetadata, { id: In(ids) });
        if (uploads.length > 0) await manager.delete(FileUpload, { id: In(uploads.map((u) => u.id)) });
        await manager.update(FileMetadata, { createdBy: address }, { createdBy: this.anonymizedAddress });
        await manager.update(FileMetadata, { modifiedBy: address }, { modifiedBy: this.anonymizedAddress });
        this.deleteBlobsAfterCommit(manager, [...ids, ...uploads.map((u) => u.id)]);
    }

    private deleteBlobsAfterCommit(manager: EntityManager, ids: string[]): void {
        if (ids.length === 0) return;
        const runner = manager.queryRunner;
        if (!runner?.isTransactionActive) {
            void this.deleteBlobs(ids);
            return;
        }
        const pending = ((runner.data as Record<string, Set<string> | undefined>)[PENDING] ??= new Set<string>());
        for (const id of ids) pending.add(id);
    }

    /** Returns the removal, so that the commit of the (background) deletion completes once the blobs are gone. */
    async afterTransactionCommit(event: TransactionCommitEvent): Promise<void> {
        if (event.queryRunner.isTransactionActive) return; // a savepoint was released; the transaction goes on
        const data = event.queryRunner.data as Record<string, Set<string> | undefined>;
        const pending = data[PENDING];
        if (!pending) return;
        delete data[PENDING];
        await this.deleteBlobs([...pending]);
    }

    afterTransactionRollback(event: TransactionRollbackEvent): void {
        if (!event.queryRunner.isTransactionActive) delete (event.queryRunner.data as Record<string, unknown>)[PENDING];
    }

    private async deleteBlobs(ids: string[]): Promise<void> {
        let failed = 0;
        for (const id of ids) {
            try {
                await this.blobs.delete(id);
            } catch {
                failed++;
            }
        }
        if (failed > 0)
            this.logger.warn(`${failed} blob(s) of deleted files could not be removed now; the orphan cleanup removes them later`);
    }
}
