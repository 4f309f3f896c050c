import { Body, Controller, Param, Query } from "@nestjs/common";
import { ApiBearerAuth, ApiBody, ApiTags } from "@nestjs/swagger";

import { type Caller, CurrentCaller } from "../../core/auth/caller";
import { Endpoint, type EndpointOptions, onRecord, pageOf } from "../../core/http/endpoint";
import type { Page } from "../../core/http/pagination";
import { Paging } from "../../core/http/paging";
import { base64BodyLimit } from "../../core/http/route-policy";
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

const WITH_CONTENT = base64BodyLimit(MAX_RELATIONSHIP_CONTENT_BYTES);

/** The Consumer API of relationships: translates HTTP to one service call per route and maps the result to its DTO. */
@ApiTags("Relationships")
@ApiBearerAuth()
@Controller("api/v2/Relationships")
export class RelationshipsController {
    constructor(
        private readonly relationships: RelationshipsService,
        private readonly paging: Paging
    ) {}

    @Endpoint({
        method: "POST",
        summary: "Request a relationship with the creator of a template",
        result: RelationshipMetadataDto,
        errors: [400, 401, 404],
        bodyLimit: WITH_CONTENT
    })
    @EnforceQuota("NumberOfRelationships")
    async createRelationship(
        @CurrentCaller() caller: Caller,
        @Body() request: CreateRelationshipRequest
    ): Promise<RelationshipMetadataDto> {
        return RelationshipMetadataDto.from(
            await this.relationships.createRelationship(caller, request.relationshipTemplateId, request.creationContent ?? null)
        );
    }

    @Endpoint({
        method: "GET",
        path: "CanCreate",
        summary: "Whether the caller can create a relationship with a peer, and if not, why",
        result: CanCreateRelationshipResponse,
        errors: [400, 401, 404]
    })
    async canCreateRelationship(
        @CurrentCaller() caller: Caller,
        @Query() query: CanCreateRelationshipQuery
    ): Promise<CanCreateRelationshipResponse> {
        return await this.relationships.canCreateRelationship(caller, query.peer);
    }

    @Endpoint({
        ...pageOf(RelationshipDto),
        summary: "List relationships of the caller by id",
        description: "`ids` is required and must not be empty."
    })
    async listRelationships(@CurrentCaller() caller: Caller, @Query() query: ListRelationshipsQuery): Promise<Page<RelationshipDto>> {
        const page = this.paging.request(query);
        return (await this.relationships.listRelationships(caller, query.ids, page)).map((relationship) =>
            RelationshipDto.from(relationship)
        );
    }

    @Endpoint({ ...onRecord("GET"), summary: "Get a relationship", result: RelationshipDto })
    async getRelationship(@CurrentCaller() caller: Caller, @Param() params: RelationshipIdParams): Promise<RelationshipDto> {
        return RelationshipDto.from(await this.relationships.getRelationship(caller, params.id));
    }

    @Endpoint(creationAnswer("Accept", "Accept a pending relationship addressed to the caller"))
    @EnforceQuota("NumberOfRelationships")
    @ApiBody({ type: RelationshipCreationResponseRequest, required: false })
    async acceptRelationship(
        @CurrentCaller() caller: Caller,
        @Param() params: RelationshipIdParams,
        @Body() request: RelationshipCreationResponseRequest
    ): Promise<RelationshipMetadataDto> {
        return RelationshipMetadataDto.from(
            await this.relationships.acceptRelationship(caller, params.id, request.creationResponseContent)
        );
    }

    @Endpoint(creationAnswer("Reject", "Reject a pending relationship addressed to the caller"))
    @ApiBody({ type: RelationshipCreationResponseRequest, required: false })
    async rejectRelationship(
        @CurrentCaller() caller: Caller,
        @Param() params: RelationshipIdParams,
        @Body() request: RelationshipCreationResponseRequest
    ): Promise<RelationshipMetadataDto> {
        return RelationshipMetadataDto.from(
            await this.relationships.rejectRelationship(caller, params.id, request.creationResponseContent)
        );
    }

    @Endpoint(creationAnswer("Revoke", "Revoke a pending relationship the caller created"))
    @ApiBody({ type: RelationshipCreationResponseRequest, required: false })
    async revokeRelationship(
        @CurrentCaller() caller: Caller,
        @Param() params: RelationshipIdParams,
        @Body() request: RelationshipCreationResponseRequest
    ): Promise<RelationshipMetadataDto> {
        return RelationshipMetadataDto.from(
            await this.relationships.revokeRelationship(caller, params.id, request.creationResponseContent)
        );
    }

    @Endpoint(statusChange("Terminate", "Terminate an active relationship"))
    async terminateRelationship(@CurrentCaller() caller: Caller, @Param() params: RelationshipIdParams): Promise<RelationshipMetadataDto> {
        return RelationshipMetadataDto.from(await this.relationships.terminateRelationship(caller, params.id));
    }

    @Endpoint(statusChange("Reactivate", "Request the reactivation of a terminated relationship"))
    async requestRelationshipReactivation(
        @CurrentCaller() caller: Caller,
        @Param() params: RelationshipIdParams
    ): Promise<RelationshipMetadataDto> {
        return RelationshipMetadataDto.from(await this.relationships.requestReactivation(caller, params.id));
    }

    @Endpoint(statusChange("Reactivate/Accept", "Accept the peer's reactivation request"))
    async acceptRelationshipReactivation(
        @CurrentCaller() caller: Caller,
        @Param() params: RelationshipIdParams
    ): Promise<RelationshipMetadataDto> {
        return RelationshipMetadataDto.from(await this.relationships.acceptReactivation(caller, params.id));
    }

    @Endpoint(statusChange("Reactivate/Reject", "Reject the peer's reactivation request"))
    async rejectRelationshipReactivation(
        @CurrentCaller() caller: Caller,
        @Param() params: RelationshipIdParams
    ): Promise<RelationshipMetadataDto> {
        return RelationshipMetadataDto.from(await this.relationships.rejectReactivation(caller, params.id));
    }

    @Endpoint(statusChange("Reactivate/Revoke", "Revoke the caller's own reactivation request"))
    async revokeRelationshipReactivation(
        @CurrentCaller() caller: Caller,
        @Param() params: RelationshipIdParams
    ): Promise<RelationshipMetadataDto> {
        return RelationshipMetadataDto.from(await this.relationships.revokeReactivation(caller, params.id));
    }

    @Endpoint({
        ...statusChange("Decompose", "Decompose a relationship"),
        description: "The first participant moves it to DeletionProposed, the second to ReadyForDeletion."
    })
    async decomposeRelationship(@CurrentCaller() caller: Caller, @Param() params: RelationshipIdParams): Promise<RelationshipMetadataDto> {
        return RelationshipMetadataDto.from(await this.relationships.decomposeRelationship(caller, params.id));
    }
}

/** A status change without a body: `PUT :id/<action>` answering the relationship's metadata. */
function statusChange(action: string, summary: string): EndpointOptions {
    return { ...onRecord("PUT", action), summary, result: RelationshipMetadataDto };
}

/** An answer to a pending relationship (`PUT :id/<action>`), with an optional creation response content. */
function creationAnswer(action: string, summary: string): EndpointOptions {
    return { ...statusChange(action, summary), bodyLimit: WITH_CONTENT };
}
