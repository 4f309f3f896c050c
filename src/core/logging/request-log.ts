import type { IncomingMessage } from "node:http";

import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

import type { Logger } from "./logger";

/** Health checks and metrics scrapes stay out of the request log. */
const UNLOGGED = /^\/(health|metrics)(\/|\?|$)/;

/**
 * What a log line about a request says of it: its trace id, method and path (without the query string, which can
 * carry passwords), and its correlation id. Bodies and headers are never logged.
 */
export function requestBindings(request: FastifyRequest): { req: { id: string; method: string; path: string }; correlationId?: string } {
    const url = request.raw.url ?? "";
    const query = url.indexOf("?");
    return {
        req: { id: request.id, method: request.method, path: query < 0 ? url : url.substring(0, query) },
        correlationId: (request.raw as IncomingMessage & { correlationId?: string }).correlationId
    };
}

function logAnswered(logger: Logger, request: FastifyRequest, reply: FastifyReply): void {
    const status = reply.statusCode;
    const level = status >= 500 ? "error" : "info";
    // Decided before anything is built: at the default `warn` only failed requests cost a line.
    if (!logger.isLevelEnabled(level) || UNLOGGED.test(request.raw.url ?? "")) return;
    const fields = { ...requestBindings(request), res: { statusCode: status }, responseTime: Math.round(reply.elapsedTime) };
    if (level === "error") logger.error({ ...fields, err: new Error(`failed with status code ${status}`) }, "request errored");
    else logger.info(fields, "request completed");
}

/**
 * Logs every request once, when it has been answered (or the client went away before), by method, path, status and
 * duration with its trace and correlation ids: `info` for answers, `error` for 5xx. Hooks of the server, so no logger
 * is created and no context is kept per request; the aborted-request hook (a listener per request) is only added when
 * `info` is logged at all.
 */
export function registerRequestLog(fastify: FastifyInstance, logger: Logger): void {
    fastify.addHook("onResponse", (request, reply, done) => {
        logAnswered(logger, request, reply);
        done();
    });
    if (logger.isLevelEnabled("info")) {
        fastify.addHook("onRequestAbort", (request, done) => {
            if (!UNLOGGED.test(request.raw.url ?? "")) logger.info(requestBindings(request), "request aborted");
            done();
        });
    }
}
