import { ApiProperty } from "@nestjs/swagger";

import { IdProperty } from "../../core/validation/decorators";
import type { Challenge } from "./challenge.entity";

export class ChallengeDto {
    @ApiProperty({ example: "CHLaaaaaaaaaaaaaaaaa" })
    id!: string;

    @ApiProperty({ type: "string", format: "date-time" })
    expiresAt!: string;

    @ApiProperty({ type: "string", nullable: true })
    createdBy!: string | null;

    @ApiProperty({ type: "string", nullable: true })
    createdByDevice!: string | null;

    static from(challenge: Challenge): ChallengeDto {
        return {
            id: challenge.id,
            expiresAt: challenge.expiresAt.toISOString(),
            createdBy: challenge.createdBy,
            createdByDevice: challenge.createdByDevice
        };
    }
}

export class ChallengeIdParams {
    @IdProperty("CHL")
    id!: string;
}
