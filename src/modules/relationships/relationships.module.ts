import { Module } from "@nestjs/common";
import { TypeOrmModule } from "@nestjs/typeorm";

import { IdentitiesModule } from "../identities/identities.module";
import { Relationship } from "./relationship.entity";
import { RelationshipTemplate, RelationshipTemplateAllocation } from "./relationship-template.entity";
import { RelationshipTemplatesController } from "./relationship-templates.controller";
import { RelationshipTemplatesService } from "./relationship-templates.service";
import { RelationshipsController } from "./relationships.controller";
import { CreatedRelationshipTemplatesUsage, RelationshipsUsage } from "./relationships.quota";
import { RelationshipsService } from "./relationships.service";

/** Relationship templates and relationships between identities (status machine and audit log). */
@Module({
    imports: [TypeOrmModule.forFeature([RelationshipTemplate, RelationshipTemplateAllocation, Relationship]), IdentitiesModule],
    controllers: [RelationshipTemplatesController, RelationshipsController],
    providers: [RelationshipTemplatesService, RelationshipsService, CreatedRelationshipTemplatesUsage, RelationshipsUsage],
    exports: [RelationshipsService]
})
export class RelationshipsModule {}
