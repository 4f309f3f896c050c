import { ApiProperty } from "@nestjs/swagger";

export class VersionDto {
    @ApiProperty({ example: "7", description: "Major version of the Backbone, as a string" })
    majorVersion!: string;
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
}
