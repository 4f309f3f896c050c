import { ApiProperty } from "@nestjs/swagger";

import { IdentityStatus } from "./identities.events";
import type { Identity } from "./identity.entity";

export class IdentityDto {
    @ApiProperty()
    address!: string;
    @ApiProperty({ type: "string", format: "date-time" })
    createdAt!: string;
    @ApiProperty({ type: "integer" })
    identityVersion!: number;
    @ApiProperty({ type: "string", nullable: true })
    tierId!: string | null;
    @ApiProperty({ enum: Object.values(IdentityStatus), enumName: "IdentityStatus" })
    status!: string;
    @ApiProperty({ type: "string", format: "date-time", nullable: true })
    deletionGracePeriodEndsAt!: string | null;

    static from(identity: Identity): IdentityDto {
        return {
            address: identity.address,
            createdAt: identity.createdAt.toISOString(),
            identityVersion: identity.identityVersion,
            tierId: identity.tierId,
            status: identity.status,
            deletionGracePeriodEndsAt: identity.deletionGracePeriodEndsAt?.toISOString() ?? null
        };
    }
}
