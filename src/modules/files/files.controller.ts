import { Body, Controller, Param, Query, Req, Res, StreamableFile } from "@nestjs/common";
import { ApiResponse, ApiTags, getSchemaPath } from "@nestjs/swagger";
import type { FastifyReply, FastifyRequest } from "fastify";

import { type Caller, CurrentCaller } from "../../core/auth/caller";
import { Endpoint, onRecord, pageOf } from "../../core/http/endpoint";
import { multipartParts } from "../../core/http/multipart";
import { ApiBinaryResponse, ApiMultipartBody, ErrorEnvelope } from "../../core/http/openapi";
import type { Page } from "../../core/http/pagination";
import { Paging } from "../../core/http/paging";
import { RawResponse } from "../../core/http/raw-response";
import { EnforceQuota } from "../../core/quotas/quota-enforcement";
import {
    FileIdParams,
    FileMetadataDto,
    ListFilesQuery,
    NewOwnershipTokenResponse,
    OwnershipTokenRequest,
    UPLOAD_FILE_SCHEMA,
    UploadFileResponse,
    ValidateOwnershipTokenResponse
} from "./files.dto";
import { FilesErrors } from "./files.errors";
import { FilesService } from "./files.service";

/** The routes that stream to or from the blob store answer 503 while it is unavailable. */
const ApiBlobStorageUnavailable = () =>
    ApiResponse({
        status: 503,
        description: "The blob store is unavailable (`error.platform.serviceUnavailable`); try again after `Retry-After` seconds.",
        headers: { "Retry-After": { description: "Seconds to wait before trying again", schema: { type: "integer" } } },
        schema: { $ref: getSchemaPath(ErrorEnvelope) }
    });

/** The Consumer API of files: translates HTTP to one service call per route and maps the result to its DTO. */
@ApiTags("Files")
@Controller("api/v2/Files")
export class FilesController {
    constructor(
        private readonly files: FilesService,
        private readonly paging: Paging
    ) {}

    @Endpoint({
        method: "POST",
        status: 201,
        summary: "Upload a file",
        description:
            "multipart/form-data: the encrypted `content` as a file part plus the metadata. The byte fields may be text parts (base64url or " +
            "base64, as the official client sends them) or file parts with the raw bytes. The content is streamed to storage.",
        result: UploadFileResponse,
        errors: [400, 401]
    })
    @EnforceQuota("NumberOfFiles", "UsedFileStorageSpace")
    @ApiMultipartBody(UPLOAD_FILE_SCHEMA)
    @ApiBlobStorageUnavailable()
    async uploadFile(
        @CurrentCaller() caller: Caller,
        @Req() request: FastifyRequest,
        @Res({ passthrough: true }) reply: FastifyReply
    ): Promise<UploadFileResponse> {
        if (typeof request.isMultipart !== "function" || !request.isMultipart()) throw FilesErrors.notMultipart();
        const { file, ownershipToken } = await this.files.uploadFile(caller, multipartParts(request));
        reply.header("location", `/api/v2/Files/${file.id}`);
        return UploadFileResponse.from(file, ownershipToken);
    }

    @Endpoint({
        ...pageOf(FileMetadataDto),
        summary: "List the caller's files",
        description: "Files created by the caller that have not expired, optionally only those with the given ids."
    })
    async listFiles(@CurrentCaller() caller: Caller, @Query() query: ListFilesQuery): Promise<Page<FileMetadataDto>> {
        const page = await this.files.listFiles(caller, query.ids, this.paging.request(query));
        return page.map((file) => FileMetadataDto.from(file));
    }

    @Endpoint({
        ...onRecord("GET"),
        summary: "Download a file's content",
        description: "Any authenticated identity may download any file that has not expired."
    })
    @RawResponse()
    @ApiBinaryResponse("The encrypted content")
    @ApiBlobStorageUnavailable()
    async downloadFile(@CurrentCaller() _caller: Caller, @Param() params: FileIdParams): Promise<StreamableFile> {
        const { file, content } = await this.files.openFileContent(params.id);
        return new StreamableFile(content, { type: "application/octet-stream", length: file.cipherSize });
    }

    @Endpoint({ method: "GET", path: ":id/Metadata", summary: "Get a file's metadata", result: FileMetadataDto, errors: [400, 401, 404] })
    async getFileMetadata(@CurrentCaller() _caller: Caller, @Param() params: FileIdParams): Promise<FileMetadataDto> {
        return FileMetadataDto.from(await this.files.getFileMetadata(params.id));
    }

    @Endpoint({
        method: "DELETE",
        path: ":id",
        summary: "Delete a file the caller created",
        description: "Removes the metadata and the content.",
        result: "none",
        errors: [400, 401, 403, 404]
    })
    async deleteFile(@CurrentCaller() caller: Caller, @Param() params: FileIdParams): Promise<void> {
        await this.files.deleteFile(caller, params.id);
    }

    @Endpoint({
        method: "PATCH",
        path: ":id/RegenerateOwnershipToken",
        status: 200,
        summary: "Replace the ownership token",
        description: "Only the owner; unlocks the ownership.",
        result: NewOwnershipTokenResponse,
        errors: [400, 401, 403, 404]
    })
    async regenerateOwnershipToken(@CurrentCaller() caller: Caller, @Param() params: FileIdParams): Promise<NewOwnershipTokenResponse> {
        return NewOwnershipTokenResponse.from(await this.files.regenerateOwnershipToken(caller, params.id));
    }

    @Endpoint({
        method: "PATCH",
        path: ":id/ClaimOwnership",
        status: 200,
        summary: "Become the owner of a file",
        description: "With the current ownership token. A wrong token locks the ownership (403) until the owner regenerates the token.",
        result: NewOwnershipTokenResponse,
        errors: [400, 401, 403, 404]
    })
    async claimFileOwnership(
        @CurrentCaller() caller: Caller,
        @Param() params: FileIdParams,
        @Body() request: OwnershipTokenRequest
    ): Promise<NewOwnershipTokenResponse> {
        return NewOwnershipTokenResponse.from(await this.files.claimOwnership(caller, params.id, request.ownershipToken));
    }

    @Endpoint({
        ...onRecord("POST", "ValidateOwnershipToken"),
        status: 200,
        summary: "Check an ownership token",
        description: "A wrong token from somebody other than the owner locks the ownership.",
        result: ValidateOwnershipTokenResponse
    })
    async validateOwnershipToken(
        @CurrentCaller() caller: Caller,
        @Param() params: FileIdParams,
        @Body() request: OwnershipTokenRequest
    ): Promise<ValidateOwnershipTokenResponse> {
        return ValidateOwnershipTokenResponse.from(await this.files.validateOwnershipToken(caller, params.id, request.ownershipToken));
    }
}
