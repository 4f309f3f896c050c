import { Module } from "@nestjs/common";
import { TypeOrmModule } from "@nestjs/typeorm";

import { RelationshipsModule } from "../relationships/relationships.module";
import { FeatureFlag } from "./feature-flag.entity";
import { FeatureFlagsController } from "./feature-flags.controller";
import { FeatureFlagsIdentityDeletion } from "./feature-flags.identity-deletion";
import { FeatureFlagsRepository } from "./feature-flags.repository";
import { FeatureFlagsService } from "./feature-flags.service";

/** Feature flags an identity publishes to the identities that know it. */
@Module({
    imports: [TypeOrmModule.forFeature([FeatureFlag]), RelationshipsModule],
    controllers: [FeatureFlagsController],
    providers: [FeatureFlagsService, FeatureFlagsRepository, FeatureFlagsIdentityDeletion],
    exports: [FeatureFlagsService]
})
export class FeatureFlagsModule {}
