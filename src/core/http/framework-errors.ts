import type { Socket } from "node:net";

import type { FastifyReply, FastifyRequest } from "fastify";

import { ErrorCode } from "../errors/errors";
import { errorBody } from "./error-envelope";
import { renderError, sendRendered } from "./exception.filter";

/**
 * Errors Fastify meets before a request reaches a route (a URL that cannot be decoded): the wire contract's 400 with
 * a code, like every other bad input, instead of the framework's own body.
 */
export function frameworkErrors(error: Error, request: FastifyRequest, reply: FastifyReply): void {
    if (!request.raw.complete) reply.header("connection", "close");
    sendRendered(reply, renderError(error));
}

/**
 * Malformed HTTP that Node's parser refuses (bad framing, headers too large, a request that does not arrive in
 * time): answered with the error envelope when nothing has been written on the connection yet, then the connection
 * is closed. Once a response has gone out on it (e.g. an early answer with `Connection: close` while the client was
 * still sending) nothing more is written: a second response would corrupt the stream for the client.
 */
export function clientErrorHandler(error: NodeJS.ErrnoException, socket: Socket): void {
    if (error.code === "ECONNRESET" || socket.destroyed) return;
    if (socket.writable && socket.bytesWritten === 0 && error.code !== "HPE_CLOSED_CONNECTION") {
        const [status, reason, message] =
            error.code === "ERR_HTTP_REQUEST_TIMEOUT"
                ? [408, "Request Timeout", "The request did not arrive in time."]
                : error.code === "HPE_HEADER_OVERFLOW"
                  ? [431, "Request Header Fields Too Large", "The request headers are too large."]
                  : [400, "Bad Request", "The request is not well-formed HTTP."];
        const body = JSON.stringify(errorBody(ErrorCode.inputCannotBeParsed, message));
        socket.write(
            `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`
        );
    }
    socket.destroy();
}
