import { Module } from "@nestjs/common";

import { AnnouncementsModule } from "../announcements/announcements.module";
import { DevicesModule } from "../devices/devices.module";
import { QuotasModule } from "../quotas/quotas.module";
import {
    AdminAnnouncementsController,
    AdminClientsController,
    AdminHousekeepingController,
    AdminIdentitiesController,
    AdminTiersController
} from "./admin.controllers";
import { AdminService } from "./admin.service";

/** The admin surface (/admin/v1, X-API-KEY): operations on other modules through their exported services. */
@Module({
    imports: [DevicesModule, QuotasModule, AnnouncementsModule],
    controllers: [
        AdminClientsController,
        AdminTiersController,
        AdminAnnouncementsController,
        AdminIdentitiesController,
        AdminHousekeepingController
    ],
    providers: [AdminService],
    exports: [AdminService]
})
export class AdminModule {}
