import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from "@nestjs/common";
import type { FastifyReply, FastifyRequest } from "fastify";

import { ProblemDetailsException } from "../admin/admin-api";
import { BlobStorageUnavailableError } from "../blob-storage/blob-storage";
import { ApiError, ErrorCode, ForbiddenError } from "../errors/errors";
import { errorBody } from "./error-envelope";
import { rendersOAuthErrors } from "./oauth-errors";

interface FastifyLikeError {
    code?: string;
    statusCode?: number;
}

export interface RenderedError {
    status: number;
    body?: ReturnType<typeof errorBody> | ProblemDetails;
    headers?: Record<string, string>;
}

/** RFC 9457 problem details, as ASP.NET renders a bare 400 (used where the official Backbone answers so). */
export interface ProblemDetails {
    type: string;
    title: string;
    status: number;
    detail: string;
    traceId?: string;
}

/** Maps any thrown value to the status and error envelope of the wire contract. */
export function renderError(error: unknown, logger?: Logger): RenderedError {
    if (error instanceof ApiError) {
        return { status: error.status, body: errorBody(error.code, error.message, error.data) };
    }
    if (error instanceof ProblemDetailsException) {
        return {
            status: 400,
            body: { type: "https://tools.ietf.org/html/rfc9110#section-15.5.1", title: "Bad Request", status: 400, detail: error.detail }
        };
    }
    if (error instanceof HttpException) {
        const status = error.getStatus();
        switch (status) {
            case 401: {
                const challenge = (error.getResponse() as { challenge?: unknown }).challenge;
                return { status, headers: { "www-authenticate": typeof challenge === "string" ? challenge : "Bearer" } };
            }
            case 403:
                return { status, body: errorBody(ErrorCode.forbidden, new ForbiddenError().message) };
            case 404:
                return { status };
            case 405:
                return { status };
            case 413:
                return { status: 400, body: errorBody(ErrorCode.requestBodyTooLarge, "The request body is too large.") };
            case 429:
                return { status, body: errorBody(ErrorCode.tooManyRequests, "Too many requests. Try again later.") };
            default:
                if (status >= 400 && status < 500) {
                    return { status: 400, body: errorBody(ErrorCode.inputCannotBeParsed, error.message) };
                }
        }
    }
    if (error instanceof BlobStorageUnavailableError) {
        logger?.warn(error.message);
        return {
            status: 503,
            headers: { "retry-after": String(error.retryAfterSeconds) },
            body: errorBody(ErrorCode.serviceUnavailable, "The service is temporarily unavailable. Try again later.")
        };
    }
    const fastifyError = error as FastifyLikeError;
    if (typeof fastifyError?.code === "string" && fastifyError.code.startsWith("FST_")) {
        if (fastifyError.code === "FST_ERR_CTP_BODY_TOO_LARGE" || fastifyError.code === "FST_REQ_FILE_TOO_LARGE") {
            return { status: 400, body: errorBody(ErrorCode.requestBodyTooLarge, "The request body is too large.") };
        }
        if ((fastifyError.statusCode ?? 500) < 500) {
            return { status: 400, body: errorBody(ErrorCode.inputCannotBeParsed, "The request could not be parsed.") };
        }
    }
    if (error instanceof SyntaxError && (error as FastifyLikeError).statusCode === 400) {
        return { status: 400, body: errorBody(ErrorCode.inputCannotBeParsed, "The request body is not valid JSON.") };
    }
    logger?.error(error instanceof Error ? (error.stack ?? error.message) : "non-error thrown");
    return { status: 500, body: errorBody(ErrorCode.unexpected, "An unexpected error occurred.") };
}

export function sendRendered(reply: FastifyReply, rendered: RenderedError): void {
    if (reply.sent) return;
    reply.status(rendered.status);
    for (const [name, value] of Object.entries(rendered.headers ?? {})) reply.header(name, value);
    if (rendered.body && "type" in rendered.body) {
        reply.header("content-type", "application/problem+json; charset=utf-8").send({ ...rendered.body, traceId: reply.request.id });
    } else if (rendered.body) {
        reply.header("content-type", "application/json; charset=utf-8").send(rendered.body);
    } else {
        reply.send();
    }
}

/** The one global filter: every error leaves as the wire contract's error envelope. */
@Catch()
export class GlobalExceptionFilter implements ExceptionFilter {
    private readonly logger = new Logger("Errors");

    catch(exception: unknown, host: ArgumentsHost): void {
        const reply = host.switchToHttp().getResponse<FastifyReply>();
        const rendered = renderError(exception, this.logger);
        const body = rendered.body;
        if (rendered.status === 400 && body && "error" in body && rendersOAuthErrors(host.switchToHttp().getRequest<FastifyRequest>())) {
            if (reply.sent) return;
            reply.status(400).header("content-type", "application/json; charset=utf-8");
            reply.send({ error: "invalid_request", error_description: body.error.message });
            return;
        }
        sendRendered(reply, rendered);
    }
}
