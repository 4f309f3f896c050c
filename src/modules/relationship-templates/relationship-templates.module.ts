import { Module } from "@nestjs/common";
import { TypeOrmModule } from "@nestjs/typeorm";

import { RelationshipTemplate, RelationshipTemplateAllocation } from "./relationship-template.entity";
import { RelationshipTemplatesController } from "./relationship-templates.controller";
import { RelationshipTemplatesIdentityDeletion } from "./relationship-templates.identity-deletion";
import { CreatedRelationshipTemplatesUsage } from "./relationship-templates.quota";
import { RelationshipTemplatesRepository } from "./relationship-templates.repository";
import { RelationshipTemplatesService } from "./relationship-templates.service";

/** Relationship templates: encrypted content an identity publishes so that others can request a relationship with it. */
@Module({
    imports: [TypeOrmModule.forFeature([RelationshipTemplate, RelationshipTemplateAllocation])],
    controllers: [RelationshipTemplatesController],
    providers: [
        RelationshipTemplatesService,
        RelationshipTemplatesRepository,
        CreatedRelationshipTemplatesUsage,
        RelationshipTemplatesIdentityDeletion
    ],
    exports: [RelationshipTemplatesService]
})
export class RelationshipTemplatesModule {}
