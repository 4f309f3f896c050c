import { ApiProperty } from "@nestjs/swagger";

/**
 * The answer to creating a record: its id and creation time. A module derives its named response from it, so that its
 * schema keeps the module's name and id example: `export class CreatedXDto extends CreatedDto("XYZaaaaaaaaaaaaaaaaa") {}`.
 */
export function CreatedDto(idExample: string) {
    class Created {
        @ApiProperty({ example: idExample })
        id!: string;
        @ApiProperty({ type: "string", format: "date-time" })
        createdAt!: string;

        static from(record: { id: string; createdAt: Date }): Created {
            return { id: record.id, createdAt: record.createdAt.toISOString() };
        }
    }
    return Created;
}
