import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Req, Res, StreamableFile } from "@nestjs/common";
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags, getSchemaPath } from "@nestjs/swagger";
import type { FastifyReply, FastifyRequest } from "fastify";

import { type Caller, CurrentCaller } from "../../core/auth/caller";
import { multipartParts } from "../../core/http/multipart";
import {
    ApiBinaryResponse,
    ApiErrors,
    ApiMultipartBody,
    ApiNoContent,
    ApiPagedResult,
    ApiResult,
    ErrorEnvelope
} from "../../core/http/openapi";
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

@ApiTags("Files")
@ApiBearerAuth()
@Controller("api/v2/Files")
export class FilesController {
    constructor(
        private readonly files: FilesService,
        private readonly paging: Paging
    ) {}

    @Post()
    @EnforceQuota("NumberOfFiles", "UsedFileStorageSpace")
    @HttpCode(201)
    @ApiOperation({
        summary: "Upload a file",
        description:
            "multipart/form-data: the encrypted `content` as a file part plus the metadata. The byte fields may be text parts (base64url or " +
            "base64, as the official client sends them) or file parts with the raw bytes. The content is streamed to storage."
    })
    @ApiMultipartBody(UPLOAD_FILE_SCHEMA)
    @ApiResult(UploadFileResponse, 201)
    @ApiErrors(400, 401)
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

    @Get()
    @ApiOperation({
        summary: "List the caller's files",
        description: "Files created by the caller that have not expired, optionally only those with the given ids."
    })
    @ApiPagedResult(FileMetadataDto)
    @ApiErrors(400, 401)
    async listFiles(@CurrentCaller() caller: Caller, @Query() query: ListFilesQuery): Promise<Page<FileMetadataDto>> {
        const page = await this.files.listFiles(caller, query.ids, this.paging.request(query));
        return page.map((file) => FileMetadataDto.from(file));
    }

    @Get(":id")
    @RawResponse()
    @ApiOperation({
        summary: "Download a file's content",
        description: "Any authenticated identity may download any file that has not expired."
    })
    @ApiBinaryResponse("The encrypted content")
    @ApiErrors(400, 401, 404)
    @ApiBlobStorageUnavailable()
    async downloadFile(@CurrentCaller() _caller: Caller, @Param() params: FileIdParams): Promise<StreamableFile> {
        const { file, content } = await this.files.openFileContent(params.id);
        return new StreamableFile(content, { type: "application/octet-stream", length: file.cipherSize });
    }

    @Get(":id/Metadata")
    @ApiOperation({ summary: "Get a file's metadata" })
    @ApiResult(FileMetadataDto)
    @ApiErrors(400, 401, 404)
    async getFileMetadata(@CurrentCaller() _caller: Caller, @Param() params: FileIdParams): Promise<FileMetadataDto> {
        return FileMetadataDto.from(await this.files.getFileMetadata(params.id));
    }

    @Delete(":id")
    @HttpCode(204)
    @ApiOperation({ summary: "Delete a file the caller created", description: "Removes the metadata and the content." })
    @ApiNoContent()
    @ApiErrors(400, 401, 403, 404)
    async deleteFile(@CurrentCaller() caller: Caller, @Param() params: FileIdParams): Promise<void> {
        await this.files.deleteFile(caller, params.id);
    }

    @Patch(":id/RegenerateOwnershipToken")
    @HttpCode(200)
    @ApiOperation({ summary: "Replace the ownership token", description: "Only the owner; unlocks the ownership." })
    @ApiResult(NewOwnershipTokenResponse)
    @ApiErrors(400, 401, 403, 404)
    async regenerateOwnershipToken(@CurrentCaller() caller: Caller, @Param() params: FileIdParams): Promise<NewOwnershipTokenResponse> {
        return { newOwnershipToken: await this.files.regenerateOwnershipToken(caller, params.id) };
    }

    @Patch(":id/ClaimOwnership")
    @HttpCode(200)
    @ApiOperation({
        summary: "Become the owner of a file",
        description: "With the current ownership token. A wrong token locks the ownership (403) until the owner regenerates the token."
    })
    @ApiResult(NewOwnershipTokenResponse)
    @ApiErrors(400, 401, 403, 404)
    async claimFileOwnership(
        @CurrentCaller() caller: Caller,
        @Param() params: FileIdParams,
        @Body() request: OwnershipTokenRequest
    ): Promise<NewOwnershipTokenResponse> {
        return { newOwnershipToken: await this.files.claimOwnership(caller, params.id, request.ownershipToken) };
    }

    @Post(":id/ValidateOwnershipToken")
    @HttpCode(200)
    @ApiOperation({
        summary: "Check an ownership token",
        description: "A wrong token from somebody other than the owner locks the ownership."
    })
    @ApiResult(ValidateOwnershipTokenResponse)
    @ApiErrors(400, 401, 404)
    async validateOwnershipToken(
        @CurrentCaller() caller: Caller,
        @Param() params: FileIdParams,
        @Body() request: OwnershipTokenRequest
    ): Promise<ValidateOwnershipTokenResponse> {
        return { isValid: await this.files.validateOwnershipToken(caller, params.id, request.ownershipToken) };
    }
}
