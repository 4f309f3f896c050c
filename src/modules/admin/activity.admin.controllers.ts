import { Param, Query, Res, type Type } from "@nestjs/common";
import type { FastifyReply } from "fastify";

import { AdminController } from "../../core/admin/admin-api";
import { Endpoint, type EndpointOptions } from "../../core/http/endpoint";
import type { Page } from "../../core/http/pagination";
import { Paging } from "../../core/http/paging";
import { ChallengesService } from "../challenges/challenges.service";
import { MessagesService } from "../messages/messages.service";
import { QuotasService } from "../quotas/quotas.service";
import { RelationshipsService } from "../relationships/relationships.service";
import { TokensService } from "../tokens/tokens.service";
import {
    MessageOverviewDto,
    MessagesQuery,
    MetricDto,
    ParticipantQuery,
    RelationshipOverviewDto,
    SupportChallengeDto,
    TokenIdParams,
    TokenOverviewDto,
    TokensQuery
} from "./admin.dto";

/** What an identity did, as metadata only (zero knowledge: never contents, bodies or keys). */
@AdminController("Tokens")
export class TokensAdminController {
    constructor(
        private readonly tokens: TokensService,
        private readonly paging: Paging
    ) {}

    @Endpoint(
        pageOfIdentity(TokenOverviewDto, "List the tokens an identity created", "Metadata only; `content` is always null. Oldest first.")
    )
    listTokensByIdentity(@Query() query: TokensQuery): Promise<Page<TokenOverviewDto>> {
        return this.tokens.listTokensCreatedBy(query.createdBy, this.paging.request(query));
    }

    @Endpoint({
        method: "PATCH",
        path: ":tokenId/ResetAccessFailedCount",
        summary: "Unlock a token after failed password attempts",
        description: "Resets the count of wrong passwords, so that a token locked after too many can be fetched again.",
        result: "none",
        errors: [400, 404]
    })
    async resetAccessFailedCount(@Param() params: TokenIdParams): Promise<void> {
        await this.tokens.resetAccessFailedCount(params.tokenId);
    }
}

@AdminController("Relationships")
export class RelationshipsAdminController {
    constructor(
        private readonly relationships: RelationshipsService,
        private readonly paging: Paging
    ) {}

    @Endpoint(pageOfIdentity(RelationshipOverviewDto, "List the relationships of an identity", "Metadata only, oldest first."))
    listRelationshipsOfParticipant(@Query() query: ParticipantQuery): Promise<Page<RelationshipOverviewDto>> {
        return this.relationships.listRelationshipsOfParticipant(query.participant, this.paging.request(query));
    }
}

@AdminController("Messages")
export class MessagesAdminController {
    constructor(
        private readonly messages: MessagesService,
        private readonly paging: Paging
    ) {}

    @Endpoint(
        pageOfIdentity(MessageOverviewDto, "List the messages an identity sent or received", "Metadata only, never bodies; oldest first.")
    )
    listMessagesOfParticipant(@Query() query: MessagesQuery): Promise<Page<MessageOverviewDto>> {
        return this.messages.listMessagesOfParticipant(query.participant, query.type, this.paging.request(query));
    }
}

@AdminController("Metrics")
export class MetricsAdminController {
    constructor(private readonly quotas: QuotasService) {}

    @Endpoint({
        method: "GET",
        summary: "List the quota metrics",
        description: "Key and display name of every metric quotas can limit.",
        result: [MetricDto]
    })
    listMetrics(): MetricDto[] {
        return this.quotas.listMetrics();
    }
}

@AdminController("Challenges")
export class ChallengesAdminController {
    constructor(private readonly challenges: ChallengesService) {}

    @Endpoint({
        method: "POST",
        summary: "Create a challenge",
        description: "E.g. for POST /api/v1/Identities.",
        result: SupportChallengeDto,
        errors: [400]
    })
    async createChallengeAsSupport(@Res({ passthrough: true }) reply: FastifyReply): Promise<SupportChallengeDto> {
        const challenge = await this.challenges.createChallenge(undefined);
        reply.header("location", `/api/v2/Challenges/${challenge.id}`);
        return SupportChallengeDto.from(challenge);
    }
}

/** A page of an identity's records (`GET`, the identity and the page in the query; a malformed query is a 400). */
function pageOfIdentity(dto: Type<unknown>, summary: string, description: string): EndpointOptions {
    return { method: "GET", summary, description, result: { page: dto }, errors: [400] };
}
