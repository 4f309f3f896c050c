import { Module } from "@nestjs/common";
import { TypeOrmModule } from "@nestjs/typeorm";

import { IdentitiesModule } from "../identities/identities.module";
import { RelationshipTemplatesModule } from "../relationship-templates/relationship-templates.module";
import { Relationship } from "./relationship.entity";
import { RelationshipsController } from "./relationships.controller";
import { RelationshipsIdentityDeletion } from "./relationships.identity-deletion";
import { RelationshipsUsage } from "./relationships.quota";
import { RelationshipsRepository } from "./relationships.repository";
import { RelationshipsService } from "./relationships.service";
import { RelationshipsSubscriptions } from "./relationships.subscriptions";

/** Relationships between identities (status machine and audit log), each created from a relationship template. */
@Module({
    imports: [TypeOrmModule.forFeature([Relationship]), IdentitiesModule, RelationshipTemplatesModule],
    controllers: [RelationshipsController],
    providers: [
        RelationshipsService,
        RelationshipsRepository,
        RelationshipsUsage,
        RelationshipsIdentityDeletion,
        RelationshipsSubscriptions
    ],
    exports: [RelationshipsService]
})
export class RelationshipsModule {}
