import { Controller, Headers, NotFoundException, Res } from "@nestjs/common";
import { ApiExcludeEndpoint, ApiHeader, ApiResponse, ApiTags } from "@nestjs/swagger";
import type { FastifyReply } from "fastify";

import { type Caller, CurrentCaller } from "../../core/auth/caller";
import { Endpoint } from "../../core/http/endpoint";
import { RawResponse } from "../../core/http/raw-response";
import { PublicRelationshipTemplateReferenceDto, TagsDto, VersionDto } from "./platform.dto";
import { MAJOR_VERSION, PlatformService } from "./platform.service";

/** A configured file, or 404 when the operator configured none. */
function orNotFound(body: object | undefined): object {
    if (!body) throw new NotFoundException();
    return body;
}

/** The platform routes: static, operator-configured content, mapped to its DTOs. */
@ApiTags("Platform")
@Controller()
export class PlatformController {
    constructor(private readonly platform: PlatformService) {}

    @Endpoint({ method: "GET", path: "api/v2/Version", auth: "none", summary: "Get the Backbone's major version", result: VersionDto })
    getVersion(): VersionDto {
        return VersionDto.from(MAJOR_VERSION);
    }

    @Endpoint({
        method: "GET",
        path: "api/v2/Tags",
        auth: "none",
        summary: "Get the attribute tags",
        description: "Answers 304 when If-None-Match carries the current ETag.",
        result: TagsDto
    })
    @RawResponse()
    @ApiHeader({ name: "If-None-Match", required: false })
    @ApiResponse({ status: 304, description: "Not modified" })
    getTags(@Headers("if-none-match") ifNoneMatch: string | undefined, @Res() reply: FastifyReply): void {
        reply.header("etag", this.platform.tagsEtag);
        if (ifNoneMatch !== undefined && ifNoneMatch.split(",").some((tag) => tag.trim() === this.platform.tagsEtag)) {
            reply.status(304).send();
            return;
        }
        reply.status(200).header("content-type", "application/json; charset=utf-8").send(this.platform.tagsBody);
    }

    @Endpoint({
        method: "GET",
        path: "api/poc/PublicRelationshipTemplateReferences",
        summary: "List the public relationship template references configured for the caller's OAuth client",
        result: [PublicRelationshipTemplateReferenceDto],
        errors: [401]
    })
    listPublicRelationshipTemplateReferences(@CurrentCaller() caller: Caller): PublicRelationshipTemplateReferenceDto[] {
        return this.platform
            .publicTemplateReferences(caller.clientId)
            .map((reference) => PublicRelationshipTemplateReferenceDto.from(reference));
    }

    @Endpoint({ method: "GET", path: ".well-known/apple-app-site-association", auth: "none", summary: "Apple app site association" })
    @RawResponse()
    @ApiExcludeEndpoint()
    getAppleAppSiteAssociation(): object {
        return orNotFound(this.platform.appleAppSiteAssociation());
    }

    @Endpoint({ method: "GET", path: ".well-known/assetlinks.json", auth: "none", summary: "Android asset links" })
    @RawResponse()
    @ApiExcludeEndpoint()
    getAndroidAssetLinks(): object {
        return orNotFound(this.platform.androidAssetLinks());
    }
}
