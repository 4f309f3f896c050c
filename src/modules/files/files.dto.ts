import { ApiProperty, OmitType } from "@nestjs/swagger";

import { toBase64Url } from "../../core/crypto/base64";
import { ApiBytesProperty, CreatedRecordDto, type SchemaObject } from "../../core/http/openapi";
import { PageQuery } from "../../core/http/pagination";
import { BytesProperty, DateProperty, IdListQueryProperty, IdProperty, StringProperty } from "../../core/validation/decorators";
import { type FileMetadata, OWNERSHIP_TOKEN_PATTERN } from "./file.entity";

export const MAX_OWNER_SIGNATURE_BYTES = 512;
export const MAX_CIPHER_HASH_BYTES = 128;
export const MAX_ENCRYPTED_PROPERTIES_BYTES = 1024 * 1024;

/** The text parts of `POST /Files` (next to the `content` file part), validated like a JSON body. */
export class UploadFileFields {
    @BytesProperty({ minBytes: 1, maxBytes: MAX_OWNER_SIGNATURE_BYTES })
    ownerSignature!: Buffer;

    @BytesProperty({
        minBytes: 1,
        maxBytes: MAX_CIPHER_HASH_BYTES,
        description: "SHA-512 of the content (64 bytes) is checked against the content."
    })
    cipherHash!: Buffer;

    @DateProperty({ future: true, description: "Must lie in the future." })
    expiresAt!: Date;

    @BytesProperty({ minBytes: 1, maxBytes: MAX_ENCRYPTED_PROPERTIES_BYTES })
    encryptedProperties!: Buffer;
}

/** The multipart body of `POST /Files`, for the OpenAPI document. */
export const UPLOAD_FILE_SCHEMA: SchemaObject = {
    type: "object",
    required: ["content", "ownerSignature", "cipherHash", "expiresAt", "encryptedProperties"],
    properties: {
        content: {
            type: "string",
            format: "binary",
            description: "The encrypted file content (cipher), 1 byte up to the configured maximum."
        },
        // The byte fields are file parts with the raw bytes, or text parts with base64url/base64 (what @nmshd/transport sends).
        cipherHash: {
            type: "string",
            format: "binary",
            description:
                "1..128 bytes (SHA-512 of the content): a file part with the raw bytes, or a text part with them in base64url or base64."
        },
        owner: { type: "string", description: "Ignored; the owner is the caller." },
        ownerSignature: {
            type: "string",
            format: "binary",
            description: "1..512 bytes: a file part with the raw bytes, or a text part with them in base64url or base64."
        },
        expiresAt: { type: "string", format: "date-time" },
        encryptedProperties: {
            type: "string",
            format: "binary",
            description: "1 byte..1 MiB: a file part with the raw bytes, or a text part with them in base64url or base64."
        }
    }
};

export class FileMetadataDto extends CreatedRecordDto("FILaaaaaaaaaaaaaaaaa") {
    @ApiProperty({ type: "string", format: "date-time" })
    modifiedAt!: string;
    @ApiProperty()
    modifiedBy!: string;
    @ApiProperty()
    modifiedByDevice!: string;
    @ApiProperty({ type: "string", format: "date-time", nullable: true })
    deletedAt!: string | null;
    @ApiProperty({ type: "string", nullable: true })
    deletedBy!: string | null;
    @ApiProperty({ type: "string", nullable: true })
    deletedByDevice!: string | null;
    @ApiProperty()
    owner!: string;
    @ApiBytesProperty()
    ownerSignature!: string;
    @ApiProperty()
    ownershipIsLocked!: boolean;
    @ApiProperty({ type: "integer", format: "int64" })
    cipherSize!: number;
    @ApiBytesProperty()
    cipherHash!: string;
    @ApiProperty({ type: "string", format: "date-time" })
    expiresAt!: string;
    @ApiBytesProperty()
    encryptedProperties!: string;

    static from(file: FileMetadata): FileMetadataDto {
        return {
            ...FileMetadataDto.createdFieldsOf(file),
            modifiedAt: file.modifiedAt.toISOString(),
            modifiedBy: file.modifiedBy,
            modifiedByDevice: file.modifiedByDevice,
            deletedAt: null,
            deletedBy: null,
            deletedByDevice: null,
            owner: file.owner,
            ownerSignature: toBase64Url(file.ownerSignature),
            ownershipIsLocked: file.ownershipIsLocked,
            cipherSize: file.cipherSize,
            cipherHash: toBase64Url(file.cipherHash),
            expiresAt: file.expiresAt.toISOString(),
            encryptedProperties: toBase64Url(file.encryptedProperties)
        };
    }
}

/** A file as its upload answers: its metadata without the properties, the lock and the devices, plus the ownership token. */
export class UploadFileResponse extends OmitType(FileMetadataDto, [
    "modifiedByDevice",
    "deletedByDevice",
    "ownershipIsLocked",
    "encryptedProperties"
] as const) {
    @ApiProperty({ description: "Shown only here and on regeneration." })
    ownershipToken!: string;

    static from(file: FileMetadata, ownershipToken: string): UploadFileResponse {
        const {
            modifiedByDevice: _modifiedByDevice,
            deletedByDevice: _deletedByDevice,
            ownershipIsLocked: _ownershipIsLocked,
            encryptedProperties: _encryptedProperties,
            ...metadata
        } = FileMetadataDto.from(file);
        return { ...metadata, ownershipToken };
    }
}

export class FileIdParams {
    @IdProperty("FIL")
    id!: string;
}

export class ListFilesQuery extends PageQuery {
    @IdListQueryProperty("FIL", { required: false, description: "Repeated `ids=`; without it, all of the caller's files." })
    ids?: string[];
}

export class OwnershipTokenRequest {
    @StringProperty({ minLength: 1, maxLength: 20, pattern: OWNERSHIP_TOKEN_PATTERN, example: "aB3$xY7!qR2@mN5#kL8&" })
    ownershipToken!: string;
}

export class ValidateOwnershipTokenResponse {
    @ApiProperty()
    isValid!: boolean;

    static from(isValid: boolean): ValidateOwnershipTokenResponse {
        return { isValid };
    }
}

export class NewOwnershipTokenResponse {
    @ApiProperty()
    newOwnershipToken!: string;

    static from(newOwnershipToken: string): NewOwnershipTokenResponse {
        return { newOwnershipToken };
    }
}
