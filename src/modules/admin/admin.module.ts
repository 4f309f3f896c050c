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
import { AnnouncementsAdminController } from "./announcements.admin.controller";
import { ClientsAdminController } from "./clients.admin.controller";
import { ClientsAdministration } from "./clients.administration";
import { IdentitiesAdminController } from "./identities.admin.controller";
import { IdentitiesAdministration } from "./identities.administration";
import { IdentitiesODataController } from "./identities.odata.controller";
import { IdentityOverviews } from "./identity-overviews.query";
import { StatisticsAdminController } from "./statistics.admin.controller";
import { Statistics } from "./statistics.query";
import { TiersAdminController } from "./tiers.admin.controller";

/**
 * The Admin API in the official shape (/api/v1 and /odata on the admin listener, X-API-KEY and anti-forgery token):
 * one controller per official controller, operating on the other modules through their exported services. The
 * services here (…Administration) hold what spans modules, for the controllers and the admin CLI.
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
    providers: [ClientsAdministration, IdentitiesAdministration, IdentityOverviews, Statistics],
    exports: [ClientsAdministration, IdentitiesAdministration]
})
export class AdminModule {}
