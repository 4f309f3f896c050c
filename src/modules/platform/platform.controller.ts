import { Controller, Get, Headers, NotFoundException, Res } from "@nestjs/common";
import { ApiBearerAuth, ApiExcludeEndpoint, ApiHeader, ApiOperation, ApiResponse, ApiTags } from "@nestjs/swagger";
import type { FastifyReply } from "fastify";

import { type Caller, CurrentCaller, Public } from "../../core/auth/caller";
import { ApiErrors, ApiResult } from "../../core/http/openapi";
import { RawResponse } from "../../core/http/raw-response";
import { PublicRelationshipTemplateReferenceDto, TagsDto, VersionDto } from "./platform.dto";
import { MAJOR_VERSION, PlatformService } from "./platform.service";

@ApiTags("Platform")
@Controller()
export class PlatformController {
    constructor(private readonly platform: PlatformService) {}

    @Get("api/v2/Version")
    @Public()
    @ApiOperation({ summary: "Get the Backbone's major version" })
    @ApiResult(VersionDto)
    getVersion(): VersionDto {
        return { majorVersion: MAJOR_VERSION };
    }

    @Get("api/v2/Tags")
    @Public()
    @RawResponse()
    @ApiOperation({ summary: "Get the attribute tags", description: "Answers 304 when If-None-Match carries the current ETag." })
    @ApiHeader({ name: "If-None-Match", required: false })
    @ApiResult(TagsDto)
    @ApiResponse({ status: 304, description: "Not modified" })
    getTags(@Headers("if-none-match") ifNoneMatch: string | undefined, @Res() reply: FastifyReply): void {
        reply.header("etag", this.platform.tagsEtag);
        if (ifNoneMatch !== undefined && ifNoneMatch.split(",").some((tag) => tag.trim() === this.platform.tagsEtag)) {
            reply.status(304).send();
            return;
        }
        reply.status(200).header("content-type", "application/json; charset=utf-8").send(this.platform.tagsBody);
    }

    @Get("api/poc/PublicRelationshipTemplateReferences")
    @ApiBearerAuth()
    @ApiOperation({ summary: "List the public relationship template references configured for the caller's OAuth client" })
    @ApiResult([PublicRelationshipTemplateReferenceDto])
    @ApiErrors(401)
    listPublicRelationshipTemplateReferences(@CurrentCaller() caller: Caller): PublicRelationshipTemplateReferenceDto[] {
        return this.platform.publicTemplateReferences(caller.clientId);
    }

    @Get(".well-known/apple-app-site-association")
    @Public()
    @RawResponse()
    @ApiExcludeEndpoint()
    getAppleAppSiteAssociation(): object {
        const body = this.platform.appleAppSiteAssociation();
        if (!body) throw new NotFoundException();
        return body;
    }

    @Get(".well-known/assetlinks.json")
    @Public()
    @RawResponse()
    @ApiExcludeEndpoint()
    getAndroidAssetLinks(): object {
        const body = this.platform.androidAssetLinks();
        if (!body) throw new NotFoundException();
        return body;
    }
}
