import { Module } from "@nestjs/common";
import { TypeOrmModule } from "@nestjs/typeorm";

import { IdentityDeletionProcess } from "./deletion-process.entity";
import { DeletionProcessAuditLogEntry } from "./deletion-process-audit-log.entity";
import { DeletionProcessesController } from "./deletion-processes.controller";
import { DeletionProcessesService } from "./deletion-processes.service";
import { IdentitiesController } from "./identities.controller";
import { DueIdentitiesDeletion } from "./identities.housekeeping";
import { IdentitiesRepository } from "./identities.repository";
import { IdentitiesService } from "./identities.service";
import { Identity } from "./identity.entity";
import { IdentityDeletionService } from "./identity-deletion.service";

/** Identities, their deletion processes with the audit log, and the deletion of identities whose grace period is over. */
@Module({
    imports: [TypeOrmModule.forFeature([Identity, IdentityDeletionProcess, DeletionProcessAuditLogEntry])],
    controllers: [IdentitiesController, DeletionProcessesController],
    providers: [IdentitiesService, DeletionProcessesService, IdentityDeletionService, IdentitiesRepository, DueIdentitiesDeletion],
    exports: [IdentitiesService, DeletionProcessesService, IdentityDeletionService]
})
export class IdentitiesModule {}
