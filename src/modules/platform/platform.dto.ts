import { ApiProperty } from "@nestjs/swagger";

import type { PublicTemplateReference } from "./platform.service";

export class VersionDto {
    @ApiProperty({ example: "7", description: "Major version of the Backbone, as a string" })
    majorVersion!: string;

    static from(majorVersion: string): VersionDto {
        return { majorVersion };
    }
}

export class TagsDto {
    @ApiProperty({ type: [String], example: ["de", "en"] })
    supportedLanguages!: string[];

    @ApiProperty({
        type: "object",
        additionalProperties: true,
        description: "Per attribute value type: tag name → {displayNames: {language: text}, children: {...}}"
    })
    tagsForAttributeValueTypes!: Record<string, unknown>;
}

export class PublicRelationshipTemplateReferenceDto {
    @ApiProperty()
    title!: string;
    @ApiProperty()
    description!: string;
    @ApiProperty()
    truncatedReference!: string;

    static from(reference: PublicTemplateReference): PublicRelationshipTemplateReferenceDto {
        return { title: reference.title, description: reference.description, truncatedReference: reference.truncatedReference };
    }
}
