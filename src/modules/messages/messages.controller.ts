import { Body, Controller, Param, Query, Res } from "@nestjs/common";
import { ApiBearerAuth, ApiTags } from "@nestjs/swagger";
import type { FastifyReply } from "fastify";

import { type Caller, CurrentCaller } from "../../core/auth/caller";
import { Endpoint, onRecord, pageOf } from "../../core/http/endpoint";
import type { Page } from "../../core/http/pagination";
import { Paging } from "../../core/http/paging";
import { base64BodyLimit } from "../../core/http/route-policy";
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

/** The Consumer API of messages: translates HTTP to one service call per route and maps the result to its DTO. */
@ApiTags("Messages")
@ApiBearerAuth()
@Controller("api/v2/Messages")
export class MessagesController {
    constructor(
        private readonly messages: MessagesService,
        private readonly paging: Paging
    ) {}

    @Endpoint({
        method: "POST",
        summary: "Send a message",
        description: "Every recipient needs a relationship with the sender in status Active, Pending or Terminated.",
        result: SentMessageDto,
        errors: [400, 401],
        // The body, plus up to 1000 recipients with an encrypted key each and the attachment ids.
        bodyLimit: base64BodyLimit(MAX_MESSAGE_BODY_BYTES, 1024 * 1024)
    })
    @EnforceQuota("NumberOfSentMessages")
    async sendMessage(
        @CurrentCaller() caller: Caller,
        @Body() request: SendMessageRequest,
        @Res({ passthrough: true }) reply: FastifyReply
    ): Promise<SentMessageDto> {
        const message = await this.messages.sendMessage(caller, request);
        reply.header("location", `/api/v2/Messages/${message.id}`);
        return SentMessageDto.from(message);
    }

    @Endpoint({
        ...pageOf(MessageDto),
        summary: "List the messages the caller sent or received",
        description: "Optionally filtered by `ids`. Marks the listed messages as received for the calling recipient."
    })
    async listMessages(@CurrentCaller() caller: Caller, @Query() query: ListMessagesQuery): Promise<Page<MessageDto>> {
        const messages = await this.messages.listMessages(caller, query.ids, this.paging.request(query));
        return messages.map((message) => MessageDto.from(message, caller.address, this.messages.deletedAddress.value));
    }

    @Endpoint({
        ...onRecord("GET"),
        summary: "Get a message",
        description: "Marks it as received for the calling recipient.",
        result: MessageDto
    })
    async getMessage(
        @CurrentCaller() caller: Caller,
        @Param() params: MessageIdParams,
        @Query() _query: GetMessageQuery
    ): Promise<MessageDto> {
        const message = await this.messages.getMessage(caller, params.id);
        return MessageDto.from(message, caller.address, this.messages.deletedAddress.value);
    }
}
