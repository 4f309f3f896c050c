import { Module } from "@nestjs/common";
import { TypeOrmModule } from "@nestjs/typeorm";

import { IdentitiesModule } from "../identities/identities.module";
import { OAuthClientsModule } from "../oauth-clients/oauth-clients.module";
import { IndividualQuota } from "./individual-quota.entity";
import { QuotasController } from "./quotas.controller";
import { QuotasIdentityDeletion } from "./quotas.identity-deletion";
import { QuotasRepository } from "./quotas.repository";
import { QuotasService } from "./quotas.service";
import { Tier, TierQuotaDefinition } from "./tier.entity";

/** Tiers, quota definitions, the Consumer read side of quotas and the checker behind @EnforceQuota(). */
@Module({
    imports: [TypeOrmModule.forFeature([Tier, TierQuotaDefinition, IndividualQuota]), IdentitiesModule, OAuthClientsModule],
    controllers: [QuotasController],
    providers: [QuotasService, QuotasRepository, QuotasIdentityDeletion],
    exports: [QuotasService]
})
export class QuotasModule {}
