import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from "@nestjs/common";
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from "@nestjs/swagger";

import { type Caller, CurrentCaller } from "../../core/auth/caller";
import { ApiErrors, ApiPagedResult, ApiResult } from "../../core/http/openapi";
import type { Page } from "../../core/http/pagination";
import { Paging } from "../../core/http/paging";
import { base64BodyLimit, BodyLimit } from "../../core/http/route-policy";
import { EnforceQuota } from "../../core/quotas/quota-enforcement";
import {
    CanCreateRelationshipQuery,
    CanCreateRelationshipResponse,
    CreateRelationshipRequest,
    ListRelationshipsQuery,
    MAX_RELATIONSHIP_CONTENT_BYTES,
    RelationshipCreationResponseRequest,
    RelationshipDto,
    RelationshipIdParams,
    RelationshipMetadataDto
} from "./relationships.dto";
import { RelationshipsService } from "./relationships.service";

@ApiTags("Relationships")
@ApiBearerAuth()
@Controller("api/v2/Relationships")
export class RelationshipsController {
    constructor(
        private readonly relationships: RelationshipsService,
        private readonly paging: Paging
    ) {}

    @Post()
    @BodyLimit(base64BodyLimit(MAX_RELATIONSHIP_CONTENT_BYTES))
    @EnforceQuota("NumberOfRelationships")
    @HttpCode(201)
    @ApiOperation({ summary: "Request a relationship with the creator of a template" })
    @ApiResult(RelationshipMetadataDto, 201)
    @ApiErrors(400, 401, 404)
    async createRelationship(
        @CurrentCaller() caller: Caller,
        @Body() request: CreateRelationshipRequest
    ): Promise<RelationshipMetadataDto> {
        return RelationshipMetadataDto.from(
            await this.relationships.createRelationship(caller, request.relationshipTemplateId, request.creationContent ?? null)
        );
    }

    @Get("CanCreate")
    @ApiOperation({ summary: "Whether the caller can create a relationship with a peer, and if not, why" })
    @ApiResult(CanCreateRelationshipResponse)
    @ApiErrors(400, 401, 404)
    async canCreateRelationship(
        @CurrentCaller() caller: Caller,
        @Query() query: CanCreateRelationshipQuery
    ): Promise<CanCreateRelationshipResponse> {
        return await this.relationships.canCreateRelationship(caller, query.peer);
    }

    @Get()
    @ApiOperation({ summary: "List relationships of the caller by id", description: "`ids` is required and must not be empty." })
    @ApiPagedResult(RelationshipDto)
    @ApiErrors(400, 401)
    async listRelationships(@CurrentCaller() caller: Caller, @Query() query: ListRelationshipsQuery): Promise<Page<RelationshipDto>> {
        const page = this.paging.request(query);
        return (await this.relationships.listRelationships(caller, query.ids, page)).map((relationship) =>
            RelationshipDto.from(relationship)
        );
    }

    @Get(":id")
    @ApiOperation({ summary: "Get a relationship" })
    @ApiResult(RelationshipDto)
    @ApiErrors(400, 401, 404)
    async getRelationship(@CurrentCaller() caller: Caller, @Param() params: RelationshipIdParams): Promise<RelationshipDto> {
        return RelationshipDto.from(await this.relationships.getRelationship(caller, params.id));
    }

    @Put(":id/Accept")
    @BodyLimit(base64BodyLimit(MAX_RELATIONSHIP_CONTENT_BYTES))
    @EnforceQuota("NumberOfRelationships")
    @HttpCode(200)
    @ApiOperation({ summary: "Accept a pending relationship addressed to the caller" })
    @ApiBody({ type: RelationshipCreationResponseRequest, required: false })
    @ApiResult(RelationshipMetadataDto)
    @ApiErrors(400, 401, 404)
    async acceptRelationship(
        @CurrentCaller() caller: Caller,
        @Param() params: RelationshipIdParams,
        @Body() request: RelationshipCreationResponseRequest
    ): Promise<RelationshipMetadataDto> {
        return RelationshipMetadataDto.from(
            await this.relationships.acceptRelationship(caller, params.id, request.creationResponseContent)
        );
    }

    @Put(":id/Reject")
    @BodyLimit(base64BodyLimit(MAX_RELATIONSHIP_CONTENT_BYTES))
    @HttpCode(200)
    @ApiOperation({ summary: "Reject a pending relationship addressed to the caller" })
    @ApiBody({ type: RelationshipCreationResponseRequest, required: false })
    @ApiResult(RelationshipMetadataDto)
    @ApiErrors(400, 401, 404)
    async rejectRelationship(
        @CurrentCaller() caller: Caller,
        @Param() params: RelationshipIdParams,
        @Body() request: RelationshipCreationResponseRequest
    ): Promise<RelationshipMetadataDto> {
        return RelationshipMetadataDto.from(
            await this.relationships.rejectRelationship(caller, params.id, request.creationResponseContent)
        );
    }

    @Put(":id/Revoke")
    @BodyLimit(base64BodyLimit(MAX_RELATIONSHIP_CONTENT_BYTES))
    @HttpCode(200)
    @ApiOperation({ summary: "Revoke a pending relationship the caller created" })
    @ApiBody({ type: RelationshipCreationResponseRequest, required: false })
    @ApiResult(RelationshipMetadataDto)
    @ApiErrors(400, 401, 404)
    async revokeRelationship(
        @CurrentCaller() caller: Caller,
        @Param() params: RelationshipIdParams,
        @Body() request: RelationshipCreationResponseRequest
    ): Promise<RelationshipMetadataDto> {
        return RelationshipMetadataDto.from(
            await this.relationships.revokeRelationship(caller, params.id, request.creationResponseContent)
        );
    }

    @Put(":id/Terminate")
    @HttpCode(200)
    @ApiOperation({ summary: "Terminate an active relationship" })
    @ApiResult(RelationshipMetadataDto)
    @ApiErrors(400, 401, 404)
    async terminateRelationship(@CurrentCaller() caller: Caller, @Param() params: RelationshipIdParams): Promise<RelationshipMetadataDto> {
        return RelationshipMetadataDto.from(await this.relationships.terminateRelationship(caller, params.id));
    }

    @Put(":id/Reactivate")
    @HttpCode(200)
    @ApiOperation({ summary: "Request the reactivation of a terminated relationship" })
    @ApiResult(RelationshipMetadataDto)
    @ApiErrors(400, 401, 404)
    async requestRelationshipReactivation(
        @CurrentCaller() caller: Caller,
        @Param() params: RelationshipIdParams
    ): Promise<RelationshipMetadataDto> {
        return RelationshipMetadataDto.from(await this.relationships.requestReactivation(caller, params.id));
    }

    @Put(":id/Reactivate/Accept")
    @HttpCode(200)
    @ApiOperation({ summary: "Accept the peer's reactivation request" })
    @ApiResult(RelationshipMetadataDto)
    @ApiErrors(400, 401, 404)
    async acceptRelationshipReactivation(
        @CurrentCaller() caller: Caller,
        @Param() params: RelationshipIdParams
    ): Promise<RelationshipMetadataDto> {
        return RelationshipMetadataDto.from(await this.relationships.acceptReactivation(caller, params.id));
    }

    @Put(":id/Reactivate/Reject")
    @HttpCode(200)
    @ApiOperation({ summary: "Reject the peer's reactivation request" })
    @ApiResult(RelationshipMetadataDto)
    @ApiErrors(400, 401, 404)
    async rejectRelationshipReactivation(
        @CurrentCaller() caller: Caller,
        @Param() params: RelationshipIdParams
    ): Promise<RelationshipMetadataDto> {
        return RelationshipMetadataDto.from(await this.relationships.rejectReactivation(caller, params.id));
    }

    @Put(":id/Reactivate/Revoke")
    @HttpCode(200)
    @ApiOperation({ summary: "Revoke the caller's own reactivation request" })
    @ApiResult(RelationshipMetadataDto)
    @ApiErrors(400, 401, 404)
    async revokeRelationshipReactivation(
        @CurrentCaller() caller: Caller,
        @Param() params: RelationshipIdParams
    ): Promise<RelationshipMetadataDto> {
        return RelationshipMetadataDto.from(await this.relationships.revokeReactivation(caller, params.id));
    }

    @Put(":id/Decompose")
    @HttpCode(200)
    @ApiOperation({
        summary: "Decompose a relationship",
        description: "The first participant moves it to DeletionProposed, the second to ReadyForDeletion."
    })
    @ApiResult(RelationshipMetadataDto)
    @ApiErrors(400, 401, 404)
    async decomposeRelationship(@CurrentCaller() caller: Caller, @Param() params: RelationshipIdParams): Promise<RelationshipMetadataDto> {
        return RelationshipMetadataDto.from(await this.relationships.decomposeRelationship(caller, params.id));
    }
}
