import { Injectable, Logger, type OnModuleInit } from "@nestjs/common";
import type { EntityManager } from "typeorm";

import { BlobStorage } from "../../core/blob-storage/blob-storage";
import { DeletedIdentityAddress } from "../../core/crypto/identity-address";
import { AfterCommit } from "../../core/database/after-commit";
import { DomainEvents } from "../../core/events/domain-events";
import { IdentityDeleted } from "../identities/identities.events";
import { FilesRepository } from "./files.repository";

/**
 * A deleted identity's files (those it owns) go with it; in files it created or modified that others own by now,
 * its address is replaced by the anonymised address. The rows go in the deletion's transaction; the blobs are
 * removed right after that transaction commits (the commit waits for it; failures are only logged). A blob left behind
 * by a crash in between has no row any more and is removed by the orphan sweep (`files.orphans` housekeeping).
 */
@Injectable()
export class FilesIdentityDeletion implements OnModuleInit {
    private readonly logger = new Logger("FilesIdentityDeletion");

    constructor(
        private readonly domainEvents: DomainEvents,
        private readonly afterCommit: AfterCommit,
        private readonly blobs: BlobStorage,
        private readonly files: FilesRepository,
        private readonly deletedAddress: DeletedIdentityAddress
    ) {}

    onModuleInit(): void {
        this.domainEvents.subscribe(IdentityDeleted, (manager, event) => this.remove(manager, event.address));
    }

    private async remove(manager: EntityManager, address: string): Promise<void> {
        const removed = await this.files.removeIdentity(manager, address, this.deletedAddress.value);
        this.afterCommit.collect(manager, "files.blobs-of-deleted-identities", removed, (all) => this.deleteBlobs(all));
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
