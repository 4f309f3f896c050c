import { Module } from "@nestjs/common";
import { TypeOrmModule } from "@nestjs/typeorm";

import { ChallengesModule } from "../challenges/challenges.module";
import { AuthController } from "./auth.controller";
import { AuthService } from "./auth.service";
import { DeletedIdentityUsername } from "./deleted-identity.entity";
import { IdentityDeletionProcess } from "./deletion-process.entity";
import { DeletionProcessAuditLogEntry } from "./deletion-process-audit-log.entity";
import { DeletionProcessesController } from "./deletion-processes.controller";
import { DeletionProcessesService } from "./deletion-processes.service";
import { Device } from "./device.entity";
import { DevicesController } from "./devices.controller";
import { DueIdentitiesDeletion } from "./devices.housekeeping";
import { CreatedDevicesUsage } from "./devices.quota-usage";
import { DevicesService } from "./devices.service";
import { IdentitiesController } from "./identities.controller";
import { IdentitiesService } from "./identities.service";
import { Identity } from "./identity.entity";
import { IdentityDeletionService } from "./identity-deletion.service";
import { OAuthClient } from "./oauth-client.entity";
import { OAuthClientsService } from "./oauth-clients.service";
import { SignedChallengeVerifier } from "./signed-challenge";

/** Identities, their devices, logins and OAuth clients. */
@Module({
    imports: [
        TypeOrmModule.forFeature([
            Identity,
            Device,
            OAuthClient,
            IdentityDeletionProcess,
            DeletionProcessAuditLogEntry,
            DeletedIdentityUsername
        ]),
        ChallengesModule
    ],
    controllers: [AuthController, IdentitiesController, DeletionProcessesController, DevicesController],
    providers: [
        AuthService,
        IdentitiesService,
        DeletionProcessesService,
        IdentityDeletionService,
        DevicesService,
        OAuthClientsService,
        SignedChallengeVerifier,
        CreatedDevicesUsage,
        DueIdentitiesDeletion
    ],
    exports: [IdentitiesService, OAuthClientsService, IdentityDeletionService, DeletionProcessesService]
})
export class DevicesModule {}
