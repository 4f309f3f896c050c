import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from "@nestjs/common";
import { ApiBearerAuth, ApiOperation, ApiTags } from "@nestjs/swagger";
import type { FastifyReply } from "fastify";

import { type Caller, CurrentCaller } from "../../core/auth/caller";
import { ApiErrors, ApiPagedResult, ApiResult } from "../../core/http/openapi";
import type { Page } from "../../core/http/pagination";
import { Paging } from "../../core/http/paging";
import { base64BodyLimit, BodyLimit } from "../../core/http/route-policy";
import { EnforceQuota } from "../../core/quotas/quota-enforcement";
import {
    GetMessageQuery,
    ListMessagesQuery,
    MAX_MESSAGE_BODY_BYTES,
    MessageDto,
    MessageIdParams,
    SendMessageRequest,
    SentMessageDto
} from "./messages.dto";
import { MessagesService } from "./messages.service";

@ApiTags("Messages")
@ApiBearerAuth()
@Controller("api/v2/Messages")
export class MessagesController {
    constructor(
        private readonly messages: MessagesService,
        private readonly paging: Paging
    ) {}

    @Post()
    // The body, plus up to 1000 recipients with an encrypted key each and the attachment ids.
    @BodyLimit(base64BodyLimit(MAX_MESSAGE_BODY_BYTES, 1024 * 1024))
    @EnforceQuota("NumberOfSentMessages")
    @HttpCode(201)
    @ApiOperation({
        summary: "Send a message",
        description: "Every recipient needs a relationship with the sender in status Active, Pending or Terminated."
    })
    @ApiResult(SentMessageDto, 201)
    @ApiErrors(400, 401)
    async sendMessage(
        @CurrentCaller() caller: Caller,
        @Body() request: SendMessageRequest,
        @Res({ passthrough: true }) reply: FastifyReply
    ): Promise<SentMessageDto> {
        const message = await this.messages.sendMessage(caller, request);
        reply.header("location", `/api/v2/Messages/${message.id}`);
        return { id: message.id, createdAt: message.createdAt.toISOString() };
    }

    @Get()
    @ApiOperation({
        summary: "List the messages the caller sent or received",
        description: "Optionally filtered by `ids`. Marks the listed messages as received for the calling recipient."
    })
    @ApiPagedResult(MessageDto)
    @ApiErrors(400, 401)
    async listMessages(@CurrentCaller() caller: Caller, @Query() query: ListMessagesQuery): Promise<Page<MessageDto>> {
        const page = this.paging.request(query);
        const messages = await this.messages.listMessages(caller, query.ids, page);
        return messages.map((message) => MessageDto.from(message, caller.address, this.messages.anonymizedAddress));
    }

    @Get(":id")
    @ApiOperation({ summary: "Get a message", description: "Marks it as received for the calling recipient." })
    @ApiResult(MessageDto)
    @ApiErrors(400, 401, 404)
    async getMessage(
        @CurrentCaller() caller: Caller,
        @Param() params: MessageIdParams,
        @Query() _query: GetMessageQuery
    ): Promise<MessageDto> {
        const message = await this.messages.getMessage(caller, params.id);
        return MessageDto.from(message, caller.address, this.messages.anonymizedAddress);
    }
}
