import { Controller, Get, Res } from "@nestjs/common";
import { ApiBearerAuth, ApiExtraModels, ApiOperation, ApiResponse, ApiTags, getSchemaPath } from "@nestjs/swagger";
import type { FastifyReply } from "fastify";

import { type Caller, CurrentCaller } from "../../core/auth/caller";
import { RawResponse } from "../../core/http/raw-response";
import { SseHub } from "./sse-hub";
import { ServerSentEventDto } from "./synchronization.dto";

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
            "First `event: ConnectionOpened`, then `event: ExternalEventCreated` whenever the identity has new external events and " +
            "`event: DatawalletModificationsCreated` when another device of the identity changed the datawallet (data always `_`); " +
            "comment lines as heartbeats."
    })
    @ApiExtraModels(ServerSentEventDto)
    @ApiResponse({
        status: 200,
        description: "An endless text/event-stream; the schema describes one event.",
        content: { "text/event-stream": { schema: { $ref: getSchemaPath(ServerSentEventDto) } } }
    })
    @ApiResponse({ status: 401, description: "Missing, invalid or expired bearer token (empty body)." })
    openEventStream(@CurrentCaller() caller: Caller, @Res() reply: FastifyReply): void {
        reply.hijack();
        this.hub.open(caller.address, caller.deviceId, reply.raw);
    }
}
