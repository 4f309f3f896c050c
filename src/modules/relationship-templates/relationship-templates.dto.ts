import { ApiProperty } from "@nestjs/swagger";

import { toBase64Url } from "../../core/crypto/base64";
import { CreatedDto } from "../../core/http/created";
import { ApiBytesProperty, CreatedRecordDto } from "../../core/http/openapi";
import { PageQuery } from "../../core/http/pagination";
import {
    AddressProperty,
    BytesProperty,
    DateProperty,
    IdListQueryProperty,
    IdProperty,
    IndexedQueryObjectsProperty,
    IntProperty
} from "../../core/validation/decorators";
import type { RelationshipTemplate } from "./relationship-template.entity";

export const MAX_TEMPLATE_CONTENT_BYTES = 10 * 1024 * 1024;

export class CreateRelationshipTemplateRequest {
    @BytesProperty({ minBytes: 0, maxBytes: MAX_TEMPLATE_CONTENT_BYTES, description: "The encrypted template content." })
    content!: Buffer;

    @DateProperty({ required: false, nullable: true, future: true, description: "Must lie in the future." })
    expiresAt?: Date | null;

    @IntProperty({ required: false, nullable: true, min: 1, max: 2_147_483_647 })
    maxNumberOfAllocations?: number | null;

    @AddressProperty({ required: false, nullable: true, description: "Only this identity (and the creator) may see the template." })
    forIdentity?: string | null;

    @BytesProperty({ required: false, nullable: true, minBytes: 1, maxBytes: 200 })
    password?: Buffer | null;
}

export class CreatedRelationshipTemplateDto extends CreatedDto("RLTaaaaaaaaaaaaaaaaa") {}

export class RelationshipTemplateDto extends CreatedRecordDto("RLTaaaaaaaaaaaaaaaaa") {
    @ApiProperty({ type: "integer", nullable: true })
    maxNumberOfAllocations!: number | null;
    @ApiProperty({ type: "string", format: "date-time", nullable: true })
    expiresAt!: string | null;
    @ApiBytesProperty()
    content!: string;
    @ApiProperty({ type: "string", nullable: true })
    forIdentity!: string | null;

    static from(template: RelationshipTemplate): RelationshipTemplateDto {
        return {
            ...RelationshipTemplateDto.createdFieldsOf(template),
            maxNumberOfAllocations: template.maxNumberOfAllocations,
            expiresAt: template.expiresAt?.toISOString() ?? null,
            content: toBase64Url(template.content),
            forIdentity: template.forIdentity
        };
    }
}

export class RelationshipTemplateIdParams {
    @IdProperty("RLT")
    id!: string;
}

export class GetRelationshipTemplateQuery {
    @BytesProperty({ required: false, minBytes: 1, maxBytes: 200, inQuery: true, description: "Standard base64 (URL-encoded)." })
    password?: Buffer;
}

export class RelationshipTemplateQueryItem {
    @IdProperty("RLT")
    id!: string;

    @BytesProperty({ required: false, minBytes: 1, maxBytes: 200, inQuery: true })
    password?: Buffer;
}

export class ListRelationshipTemplatesQuery extends PageQuery {
    @IndexedQueryObjectsProperty(() => RelationshipTemplateQueryItem, { maxItems: 200 })
    templates?: RelationshipTemplateQueryItem[];

    @IdListQueryProperty("RLT", { required: false, maxItems: 200, description: "Legacy form of `templates` without passwords." })
    ids?: string[];
}
