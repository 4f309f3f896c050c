import { Body, Controller, Param, Query, Res } from "@nestjs/common";
import { ApiBearerAuth, ApiQuery, ApiTags } from "@nestjs/swagger";
import type { FastifyReply } from "fastify";

import { type Caller, CurrentCaller } from "../../core/auth/caller";
import { Endpoint, onRecord, pageOf } from "../../core/http/endpoint";
import { bytesInputSchema } from "../../core/http/openapi";
import type { Page } from "../../core/http/pagination";
import { Paging } from "../../core/http/paging";
import { base64BodyLimit } from "../../core/http/route-policy";
import { EnforceQuota } from "../../core/quotas/quota-enforcement";
import {
    CreatedRelationshipTemplateDto,
    CreateRelationshipTemplateRequest,
    GetRelationshipTemplateQuery,
    ListRelationshipTemplatesQuery,
    MAX_TEMPLATE_CONTENT_BYTES,
    RelationshipTemplateDto,
    RelationshipTemplateIdParams
} from "./relationship-templates.dto";
import { RelationshipTemplatesService } from "./relationship-templates.service";

/** The Consumer API of relationship templates: translates HTTP to one service call per route and maps the result to its DTO. */
@ApiTags("RelationshipTemplates")
@ApiBearerAuth()
@Controller("api/v2/RelationshipTemplates")
export class RelationshipTemplatesController {
    constructor(
        private readonly templates: RelationshipTemplatesService,
        private readonly paging: Paging
    ) {}

    @Endpoint({
        method: "POST",
        summary: "Create a relationship template",
        result: CreatedRelationshipTemplateDto,
        errors: [400, 401],
        bodyLimit: base64BodyLimit(MAX_TEMPLATE_CONTENT_BYTES)
    })
    @EnforceQuota("NumberOfRelationshipTemplates")
    async createRelationshipTemplate(
        @CurrentCaller() caller: Caller,
        @Body() request: CreateRelationshipTemplateRequest,
        @Res({ passthrough: true }) reply: FastifyReply
    ): Promise<CreatedRelationshipTemplateDto> {
        const template = await this.templates.createTemplate(caller, request);
        reply.header("location", `/api/v2/RelationshipTemplates/${template.id}`);
        return CreatedRelationshipTemplateDto.from(template);
    }

    @Endpoint({
        ...pageOf(RelationshipTemplateDto),
        summary: "List relationship templates by id",
        description:
            "Items as `templates.<n>.id` and `templates.<n>.password` (standard base64, URL-encoded), or the legacy `ids`. At least one item is required. Does not allocate."
    })
    @ApiQuery({
        name: "templates.0.id",
        required: false,
        schema: { type: "string" },
        description: "Id of the first item; further items use 1, 2, ..."
    })
    @ApiQuery({
        name: "templates.0.password",
        required: false,
        schema: bytesInputSchema(1, 200),
        description: "Password of the first item"
    })
    async listRelationshipTemplates(
        @CurrentCaller() caller: Caller,
        @Query() query: ListRelationshipTemplatesQuery
    ): Promise<Page<RelationshipTemplateDto>> {
        const page = this.paging.request(query);
        const items = query.templates ?? (query.ids ?? []).map((id) => ({ id }));
        return (await this.templates.listTemplates(caller, items, page)).map((template) => RelationshipTemplateDto.from(template));
    }

    @Endpoint({
        ...onRecord("GET"),
        summary: "Get a relationship template",
        result: RelationshipTemplateDto,
        description: "Allocates the template for the caller unless the caller created or already allocated it."
    })
    async getRelationshipTemplate(
        @CurrentCaller() caller: Caller,
        @Param() params: RelationshipTemplateIdParams,
        @Query() query: GetRelationshipTemplateQuery
    ): Promise<RelationshipTemplateDto> {
        return RelationshipTemplateDto.from(await this.templates.getTemplate(caller, params.id, query.password));
    }

    @Endpoint({
        method: "DELETE",
        path: ":id",
        summary: "Delete an own relationship template",
        result: "none",
        errors: [400, 401, 403, 404]
    })
    async deleteRelationshipTemplate(@CurrentCaller() caller: Caller, @Param() params: RelationshipTemplateIdParams): Promise<void> {
        await this.templates.deleteTemplate(caller, params.id);
    }
}
