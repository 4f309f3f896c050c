import { Controller, Get, Res } from "@nestjs/common";
import { ApiBearerAuth, ApiExtraModels, ApiOperation, ApiProduces, ApiResponse, ApiTags, getSchemaPath } from "@nestjs/swagger";
import type { FastifyReply } from "fastify";

import { type Caller, CurrentCaller } from "../../core/auth/caller";
import { ErrorEnvelope } from "../../core/http/openapi";
import { RawResponse } from "../../core/http/raw-response";
import { SseHub } from "./sse-hub";

@ApiTags("Sse")
@ApiBearerAuth()
@Controller("api/v2/sse")
export class SseController {
    constructor(private readonly hub: SseHub) {}

    @Get()
    @RawResponse()
    @ApiOperation({
        summary: "Open a server-sent event stream for the calling device",
        description:
            "First `event: ConnectionOpened`, then `event: ExternalEventCreated` (data `_`) whenever the identity has new external events; " +
            "comment lines as heartbeats."
    })
    @ApiProduces("text/event-stream")
    @ApiResponse({
        status: 200,
        description: "An endless text/event-stream.",
        content: { "text/event-stream": { schema: { type: "string" } } }
    })
    @ApiResponse({ status: 401, description: "Missing, invalid or expired bearer token (empty body)." })
    @ApiExtraModels(ErrorEnvelope)
    @ApiResponse({
        status: 429,
        description: "The device already has the most event streams it may have open (SSE_MAX_STREAMS_PER_DEVICE).",
        content: { "application/json": { schema: { $ref: getSchemaPath(ErrorEnvelope) } } }
    })
    openEventStream(@CurrentCaller() caller: Caller, @Res() reply: FastifyReply): void {
        this.hub.assertCanOpen(caller.deviceId);
        reply.hijack();
        this.hub.open(caller.address, caller.deviceId, reply.raw);
    }
}
