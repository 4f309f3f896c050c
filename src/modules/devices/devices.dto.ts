import { ApiProperty, ApiPropertyOptional, PickType } from "@nestjs/swagger";
import { Transform } from "class-transformer";
import { IsArray, IsOptional, IsString } from "class-validator";

import { PageQuery } from "../../core/http/pagination";
import { BooleanProperty, IdProperty, IntProperty, NestedProperty, StringProperty } from "../../core/validation/decorators";
import type { Device } from "./device.entity";

export class SignedChallengeDto {
    @StringProperty({ minLength: 1, description: "The challenge JSON exactly as signed." })
    challenge!: string;

    @StringProperty({ minLength: 1, description: "Base64(url) of the JSON signature object {sig, alg}." })
    signature!: string;
}

export class CreateIdentityRequest {
    @StringProperty({ minLength: 1, maxLength: 200 })
    clientId!: string;

    @StringProperty({ minLength: 1, maxLength: 200 })
    clientSecret!: string;

    @StringProperty({ minLength: 1, maxLength: 1000, description: "Base64(url) of the JSON public key object {pub, alg}." })
    identityPublicKey!: string;

    @StringProperty({ minLength: 1, maxLength: 200 })
    devicePassword!: string;

    @StringProperty({ required: false, minLength: 2, maxLength: 2, example: "en" })
    deviceCommunicationLanguage?: string;

    @IntProperty({ min: 0, max: 255 })
    identityVersion!: number;

    @NestedProperty(() => SignedChallengeDto)
    signedChallenge!: SignedChallengeDto;
}

export class CreatedDeviceDto {
    @ApiProperty({ example: "DVCaaaaaaaaaaaaaaaaa" })
    id!: string;
    @ApiProperty({ example: "USRaaaaaaaaaaaaaaaaa" })
    username!: string;
    @ApiProperty({ type: "string", format: "date-time" })
    createdAt!: string;
}

export class CreateIdentityResponse {
    @ApiProperty()
    address!: string;
    @ApiProperty({ type: "string", format: "date-time" })
    createdAt!: string;
    @ApiProperty({ type: CreatedDeviceDto })
    device!: CreatedDeviceDto;

    static from(identity: { address: string; device: Device }): CreateIdentityResponse {
        const createdAt = identity.device.createdAt.toISOString();
        return { address: identity.address, createdAt, device: { id: identity.device.id, username: identity.device.username, createdAt } };
    }
}

export class RegisterDeviceRequest {
    @StringProperty({ minLength: 1, maxLength: 200 })
    devicePassword!: string;

    @StringProperty({ required: false, minLength: 2, maxLength: 2, example: "en" })
    communicationLanguage?: string;

    @NestedProperty(() => SignedChallengeDto)
    signedChallenge!: SignedChallengeDto;

    @BooleanProperty({ required: false })
    isBackupDevice?: boolean;
}

export class LastLoginDto {
    @ApiProperty({ type: "string", format: "date-time" })
    time!: string;
}

export class DeviceDto {
    @ApiProperty()
    id!: string;
    @ApiProperty()
    username!: string;
    @ApiProperty({ type: "string", format: "date-time" })
    createdAt!: string;
    @ApiProperty()
    createdByDevice!: string;
    @ApiProperty({ type: LastLoginDto, nullable: true })
    lastLogin!: LastLoginDto | null;
    @ApiProperty({ example: "en" })
    communicationLanguage!: string;
    @ApiProperty()
    isBackupDevice!: boolean;

    static from(device: Device): DeviceDto {
        return {
            id: device.id,
            username: device.username,
            createdAt: device.createdAt.toISOString(),
            createdByDevice: device.createdByDevice,
            lastLogin: device.lastLoginAt ? { time: device.lastLoginAt.toISOString() } : null,
            communicationLanguage: device.communicationLanguage,
            isBackupDevice: device.isBackupDevice
        };
    }
}

/** A registered device as its registration answers: no login yet, so no last login and no language. */
export class RegisterDeviceResponse extends PickType(DeviceDto, [
    "id",
    "username",
    "createdAt",
    "createdByDevice",
    "isBackupDevice"
] as const) {
    static from(device: Device): RegisterDeviceResponse {
        const { lastLogin: _lastLogin, communicationLanguage: _language, ...rest } = DeviceDto.from(device);
        return rest;
    }
}

export class UpdateDeviceRequest {
    @StringProperty({ minLength: 1, maxLength: 10, example: "de" })
    communicationLanguage!: string;
}

export class ChangePasswordRequest {
    @StringProperty({ minLength: 1, maxLength: 200 })
    oldPassword!: string;

    @StringProperty({ minLength: 1, maxLength: 200 })
    newPassword!: string;
}

export class DeviceIdParams {
    @IdProperty("DVC")
    id!: string;
}

export class ListDevicesQuery extends PageQuery {
    @ApiPropertyOptional({ type: "array", items: { type: "string" } })
    @IsOptional()
    @Transform(({ value }) => (Array.isArray(value) ? value : [value]))
    @IsArray()
    @IsString({ each: true })
    ids?: string[];
}

export class IsDeletedQuery {
    @StringProperty({ minLength: 1, maxLength: 20, pattern: /^USR[A-Za-z0-9]{1,17}$/ })
    username!: string;
}

export class IsDeletedResponse {
    @ApiProperty()
    isDeleted!: boolean;
    @ApiProperty({ type: "string", format: "date-time", nullable: true })
    deletionDate!: string | null;

    static from(state: { isDeleted: boolean; deletionDate: Date | null }): IsDeletedResponse {
        return { isDeleted: state.isDeleted, deletionDate: state.deletionDate?.toISOString() ?? null };
    }
}
