import { ApiProperty } from "@nestjs/swagger";

import { IntProperty, StringProperty } from "../../core/validation/decorators";

export class ClientDto {
    @ApiProperty({ example: "CLTaaaaaaaaaaaaaaaaa" })
    clientId!: string;
    @ApiProperty()
    displayName!: string;
    @ApiProperty({ type: "string", nullable: true, example: "TIRaaaaaaaaaaaaaaaaa" })
    defaultTier!: string | null;
    @ApiProperty({ type: "integer", nullable: true })
    maxIdentities!: number | null;
    @ApiProperty({ type: "string", format: "date-time" })
    createdAt!: string;
    @ApiProperty({ type: "integer" })
    numberOfIdentities!: number;
}

export class CreatedClientDto extends ClientDto {
    @ApiProperty({ description: "Shown only in this response; stored hashed." })
    clientSecret!: string;
}

export class ClientSecretDto {
    @ApiProperty()
    clientId!: string;
    @ApiProperty({ description: "Shown only in this response; stored hashed." })
    clientSecret!: string;
}

export class CreateClientRequest {
    @StringProperty({
        required: false,
        minLength: 1,
        maxLength: 200,
        pattern: /^[A-Za-z0-9._~-]+$/,
        description: "Default: a generated CLT… id."
    })
    clientId?: string;
    @StringProperty({ required: false, minLength: 1, maxLength: 200 })
    displayName?: string;
    @StringProperty({ required: false, minLength: 12, maxLength: 200, description: "Default: a generated 30-character secret." })
    clientSecret?: string;
    @StringProperty({
        required: false,
        nullable: true,
        minLength: 1,
        maxLength: 20,
        description: "Tier given to identities created with this client."
    })
    defaultTier?: string | null;
    @IntProperty({
        required: false,
        nullable: true,
        min: 0,
        max: 2_000_000_000,
        description: "Most identities this client may create; null for no limit."
    })
    maxIdentities?: number | null;
}

export class UpdateClientRequest {
    @StringProperty({ required: false, nullable: true, minLength: 1, maxLength: 20 })
    defaultTier?: string | null;
    @IntProperty({ required: false, nullable: true, min: 0, max: 2_000_000_000 })
    maxIdentities?: number | null;
}

export class ChangeClientSecretRequest {
    @StringProperty({ required: false, minLength: 12, maxLength: 200, description: "Default: a generated 30-character secret." })
    clientSecret?: string;
}

export class IdentityLookupDto {
    @ApiProperty()
    address!: string;
    @ApiProperty()
    clientId!: string;
    @ApiProperty({ enum: ["Active", "ToBeDeleted", "Deleting"], enumName: "IdentityStatus" })
    status!: string;
    @ApiProperty({ type: "string", nullable: true })
    tierId!: string | null;
    @ApiProperty({ type: "integer" })
    identityVersion!: number;
    @ApiProperty({ type: "integer" })
    numberOfDevices!: number;
    @ApiProperty({ type: "string", format: "date-time" })
    createdAt!: string;
    @ApiProperty({ type: "string", format: "date-time", nullable: true })
    deletionGracePeriodEndsAt!: string | null;
}

export class HousekeepingReportDto {
    @ApiProperty({ type: "object", additionalProperties: { type: "integer" }, description: "Records removed per task." })
    removed!: Record<string, number>;
    @ApiProperty({ type: [String], description: "Tasks skipped because another run held their lock." })
    skipped!: string[];
}

export class AddressParams {
    @StringProperty({ minLength: 1, maxLength: 80 })
    address!: string;
}

export class IdParams {
    @StringProperty({ minLength: 1, maxLength: 200 })
    id!: string;
}

export class TierQuotaParams {
    @StringProperty({ minLength: 1, maxLength: 20 })
    id!: string;
    @StringProperty({ minLength: 1, maxLength: 20 })
    quotaId!: string;
}
