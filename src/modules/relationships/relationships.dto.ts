import { ApiProperty } from "@nestjs/swagger";

import { toBase64Url } from "../../core/crypto/base64";
import { ApiBytesProperty } from "../../core/http/openapi";
import { PageQuery } from "../../core/http/pagination";
import { AddressProperty, BytesProperty, IdListQueryProperty, IdProperty } from "../../core/validation/decorators";
import type { AuditLogEntry, Relationship } from "./relationship.entity";
import { AUDIT_LOG_REASONS, RELATIONSHIP_STATUSES } from "./relationships.events";

export const MAX_RELATIONSHIP_CONTENT_BYTES = 10 * 1024 * 1024;

export class CreateRelationshipRequest {
    @IdProperty("RLT")
    relationshipTemplateId!: string;

    @BytesProperty({ required: false, nullable: true, minBytes: 0, maxBytes: MAX_RELATIONSHIP_CONTENT_BYTES })
    creationContent?: Buffer | null;
}

export class RelationshipCreationResponseRequest {
    @BytesProperty({ required: false, nullable: true, minBytes: 0, maxBytes: MAX_RELATIONSHIP_CONTENT_BYTES })
    creationResponseContent?: Buffer | null;
}

export class AuditLogEntryDto {
    @ApiProperty({ type: "string", format: "date-time" })
    createdAt!: string;
    @ApiProperty()
    createdBy!: string;
    @ApiProperty({ type: "string", nullable: true })
    createdByDevice!: string | null;
    @ApiProperty({ enum: AUDIT_LOG_REASONS, enumName: "RelationshipAuditLogReason" })
    reason!: string;
    @ApiProperty({
        type: "string",
        enum: RELATIONSHIP_STATUSES,
        enumName: "RelationshipStatus",
        nullable: true,
        description: "null for the creation"
    })
    oldStatus!: string | null;
    @ApiProperty({ enum: RELATIONSHIP_STATUSES, enumName: "RelationshipStatus" })
    newStatus!: string;

    static from(entry: AuditLogEntry): AuditLogEntryDto {
        return {
            createdAt: entry.createdAt,
            createdBy: entry.createdBy,
            createdByDevice: entry.createdByDevice,
            reason: entry.reason,
            oldStatus: entry.oldStatus,
            newStatus: entry.newStatus
        };
    }
}

export class RelationshipMetadataDto {
    @ApiProperty({ example: "RELaaaaaaaaaaaaaaaaa" })
    id!: string;
    @ApiProperty({ type: "string", nullable: true })
    relationshipTemplateId!: string | null;
    @ApiProperty()
    from!: string;
    @ApiProperty()
    to!: string;
    @ApiProperty({ type: "string", format: "date-time" })
    createdAt!: string;
    @ApiProperty({ enum: RELATIONSHIP_STATUSES, enumName: "RelationshipStatus" })
    status!: string;
    @ApiProperty({ type: [AuditLogEntryDto] })
    auditLog!: AuditLogEntryDto[];

    static from(relationship: Relationship): RelationshipMetadataDto {
        return {
            id: relationship.id,
            relationshipTemplateId: relationship.relationshipTemplateId,
            from: relationship.from,
            to: relationship.to,
            createdAt: relationship.createdAt.toISOString(),
            status: relationship.status,
            auditLog: relationship.auditLog.map((entry) => AuditLogEntryDto.from(entry))
        };
    }
}

export class RelationshipDto extends RelationshipMetadataDto {
    @ApiBytesProperty({ nullable: true })
    creationContent!: string | null;
    @ApiBytesProperty({ nullable: true })
    creationResponseContent!: string | null;

    static override from(relationship: Relationship): RelationshipDto {
        return {
            ...RelationshipMetadataDto.from(relationship),
            creationContent: relationship.creationContent ? toBase64Url(relationship.creationContent) : null,
            creationResponseContent: relationship.creationResponseContent ? toBase64Url(relationship.creationResponseContent) : null
        };
    }
}

export class RelationshipIdParams {
    @IdProperty("REL")
    id!: string;
}

export class ListRelationshipsQuery extends PageQuery {
    @IdListQueryProperty("REL", { maxItems: 200 })
    ids?: string[];
}

export class CanCreateRelationshipQuery {
    @AddressProperty()
    peer!: string;
}

export class CanCreateRelationshipResponse {
    @ApiProperty()
    canCreate!: boolean;
    @ApiProperty({ type: "string", nullable: true })
    code!: string | null;
}
