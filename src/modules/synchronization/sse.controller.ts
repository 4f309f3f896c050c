import { Controller, Get, Res } from "@nestjs/common";
import { ApiBearerAuth, ApiExcludeEndpoint, ApiExtraModels, ApiResponse, ApiTags, getSchemaPath } from "@nestjs/swagger";
import type { FastifyReply } from "fastify";

import { type Caller, CurrentCaller } from "../../core/auth/caller";
import { Endpoint } from "../../core/http/endpoint";
import { ErrorEnvelope } from "../../core/http/openapi";
import { RawResponse } from "../../core/http/raw-response";
import { SseHub } from "./sse-hub";
import { ServerSentEventDto } from "./synchronization.dto";

/**
 * The event stream of the calling device. The official SSE server answers the same stream under `/api/v1/sse` (where
 * the official Connector opens it) and `/api/v2/sse`: both routes lead to the one implementation here.
 */
@ApiTags("Sse")
@ApiBearerAuth()
@Controller()
export class SseController {
    constructor(private readonly hub: SseHub) {}

    @Endpoint({
        method: "GET",
        path: "api/v2/sse",
        summary: "Open a server-sent event stream for the calling device",
        description:
            "First `event: ConnectionOpened`, then `event: ExternalEventCreated` whenever the identity has new external events and " +
            "`event: DatawalletModificationsCreated` when another device of the identity changed the datawallet (data always `_`); " +
            "comment lines as heartbeats. Also answered at `/api/v1/sse`, where the official Connector opens it."
    })
    @RawResponse()
    @ApiExtraModels(ServerSentEventDto)
    @ApiResponse({
        status: 200,
        description: "An endless text/event-stream; the schema describes one event.",
        content: { "text/event-stream": { schema: { $ref: getSchemaPath(ServerSentEventDto) } } }
    })
    @ApiResponse({ status: 401, description: "Missing, invalid or expired bearer token (empty body)." })
    @ApiExtraModels(ErrorEnvelope)
    @ApiResponse({
        status: 429,
        description: "The device already has the most event streams it may have open (SSE_MAX_STREAMS_PER_DEVICE).",
        content: { "application/json": { schema: { $ref: getSchemaPath(ErrorEnvelope) } } }
    })
    openEventStream(@CurrentCaller() caller: Caller, @Res() reply: FastifyReply): void {
        this.open(caller, reply);
    }

    /** The same stream at the path of the official SSE server's first version (left out of the OpenAPI document). */
    @Get("api/v1/sse")
    @RawResponse()
    @ApiExcludeEndpoint()
    openEventStreamV1(@CurrentCaller() caller: Caller, @Res() reply: FastifyReply): void {
        this.open(caller, reply);
    }

    private open(caller: Caller, reply: FastifyReply): void {
        // The stream is written to the raw response: it carries the headers already set on the reply (correlation id,
        // CORS), which Fastify would otherwise only send with a body of its own.
        this.hub.assertCanOpen(caller.deviceId);
        const headers = reply.getHeaders();
        reply.hijack();
        this.hub.open(caller.address, caller.deviceId, reply.raw, headers);
    }
}
