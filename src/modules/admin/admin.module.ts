import { Module } from "@nestjs/common";

import { AnnouncementsModule } from "../announcements/announcements.module";
import { ChallengesModule } from "../challenges/challenges.module";
import { DevicesModule } from "../devices/devices.module";
import { IdentitiesModule } from "../identities/identities.module";
import { MessagesModule } from "../messages/messages.module";
import { OAuthClientsModule } from "../oauth-clients/oauth-clients.module";
import { QuotasModule } from "../quotas/quotas.module";
import { RelationshipsModule } from "../relationships/relationships.module";
import { TokensModule } from "../tokens/tokens.module";
import { HousekeepingAdminController, ValidateApiKeyAdminController, XsrfAdminController } from "./access.admin.controllers";
import {
    ChallengesAdminController,
    MessagesAdminController,
    MetricsAdminController,
    RelationshipsAdminController,
    TokensAdminController
} from "./activity.admin.controllers";
import { AdminRepository } from "./admin.repository";
import { AdminService } from "./admin.service";
import { AnnouncementsAdminController } from "./announcements.admin.controller";
import { ClientsAdminController } from "./clients.admin.controller";
import { ClientsAdministration } from "./clients-administration.service";
import { IdentitiesAdminController } from "./identities.admin.controller";
import { IdentitiesODataController } from "./identities.odata.controller";
import { IdentitiesAdministration } from "./identities-administration.service";
import { StatisticsAdminController } from "./statistics.admin.controller";
import { TiersAdminController } from "./tiers.admin.controller";

/**
 * The Admin API in the official shape (/api/v1 and /odata on the admin listener, X-API-KEY and anti-forgery token):
 * one controller per official controller, operating on the other modules through their exported services. The
 * services here (…Administration) hold what spans modules, for the controllers and the admin CLI; AdminService the
 * read models over several modules' tables (identity overview, statistics, from the read-only AdminRepository) and
 * housekeeping.
 */
@Module({
    imports: [
        DevicesModule,
        IdentitiesModule,
        OAuthClientsModule,
        QuotasModule,
        AnnouncementsModule,
        TokensModule,
        RelationshipsModule,
        MessagesModule,
        ChallengesModule
    ],
    controllers: [
        AnnouncementsAdminController,
        ClientsAdminController,
        IdentitiesAdminController,
        IdentitiesODataController,
        TiersAdminController,
        TokensAdminController,
        MetricsAdminController,
        RelationshipsAdminController,
        MessagesAdminController,
        ChallengesAdminController,
        XsrfAdminController,
        ValidateApiKeyAdminController,
        HousekeepingAdminController,
        StatisticsAdminController
    ],
    providers: [AdminService, AdminRepository, ClientsAdministration, IdentitiesAdministration],
    exports: [ClientsAdministration, IdentitiesAdministration]
})
export class AdminModule {}
