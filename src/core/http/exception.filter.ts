import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from "@nestjs/common";
import type { FastifyReply, FastifyRequest } from "fastify";

import { ProblemDetailsException } from "../admin/admin-api";
import { BlobStorageUnavailableError } from "../blob-storage/blob-storage";
import { isDatabaseUnavailable } from "../database/errors";
import { ApiError, ErrorCode, ForbiddenError, SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS, ServiceUnavailableError } from "../errors/errors";
import { requestBindings } from "../logging/request-log";
import { errorBody } from "./error-envelope";
import { rendersOAuthErrors } from "./oauth-errors";

interface FastifyLikeError {
    code?: string;
    statusCode?: number;
    message?: string;
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

/**
 * What the multipart parser (busboy, under @fastify/multipart) throws for a form that is not well-formed: no or an
 * unusable boundary, a body that ends inside a part, a content type it cannot read. It sets no error code.
 */
const MALFORMED_MULTIPART = [
    "Multipart: Boundary not found",
    "Boundary required",
    "Unexpected end of multipart data",
    "Unsupported Content-Type.",
    "Missing Content-Type-header.",
    "The needle cannot"
];

export function isMalformedMultipart(error: unknown): boolean {
    const message = (error as FastifyLikeError | undefined)?.message;
    if (typeof message !== "string") return false;
    return (
        MALFORMED_MULTIPART.some((text) => message.startsWith(text)) ||
        message.endsWith("terminated early due to unexpected end of multipart data")
    );
}

const tooLarge = (): RenderedError => ({ status: 400, body: errorBody(ErrorCode.requestBodyTooLarge, "The request body is too large.") });
const unparsable = (message: string): RenderedError => ({ status: 400, body: errorBody(ErrorCode.inputCannotBeParsed, message) });

/** Maps any thrown value to the status and error envelope of the wire contract. */
export function renderError(error: unknown, logger?: Pick<Logger, "warn" | "error">): RenderedError {
    if (error instanceof ApiError) {
        const rendered: RenderedError = { status: error.status, body: errorBody(error.code, error.message, error.data) };
        if (error.status === 503) rendered.headers = { "retry-after": String(SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS) };
        return rendered;
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
                return tooLarge();
            case 429:
                return { status, body: errorBody(ErrorCode.tooManyRequests, "Too many requests. Try again later.") };
            default:
                if (status >= 400 && status < 500) return unparsable(error.message);
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
        if (fastifyError.code === "FST_ERR_CTP_BODY_TOO_LARGE" || fastifyError.code === "FST_REQ_FILE_TOO_LARGE") return tooLarge();
        if ((fastifyError.statusCode ?? 500) < 500) return unparsable("The request could not be parsed.");
    }
    // Parser failures of any kind (malformed JSON, a value nested too deep for a recursive reader, a broken multipart
    // form) are the client's: 400, never 500.
    if (error instanceof SyntaxError) return unparsable("The request body is not valid JSON.");
    if (error instanceof RangeError) {
        logger?.warn(`input refused after a RangeError: ${error.message}`);
        return unparsable("The request could not be processed as sent.");
    }
    if (isMalformedMultipart(error)) return unparsable("The multipart/form-data body is malformed.");
    if (isDatabaseUnavailable(error)) {
        logger?.warn(`database unavailable: ${error instanceof Error ? error.message : String(error)}`);
        return renderError(new ServiceUnavailableError());
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

/**
 * Whether the client has gone (closed or reset its connection) while the request was handled. What fails then
 * (reading the rest of the body, writing the response) is the expected consequence, not a fault of the Backbone.
 */
function clientHasGone(request: FastifyRequest | undefined, reply: FastifyReply): boolean {
    return Boolean(request?.raw.destroyed && !request.raw.complete) || reply.raw.destroyed || Boolean(reply.raw.socket?.destroyed);
}

/** The one global filter: every error leaves as the wire contract's error envelope. */
@Catch()
export class GlobalExceptionFilter implements ExceptionFilter {
    private readonly logger = new Logger("Errors");

    catch(exception: unknown, host: ArgumentsHost): void {
        const http = host.switchToHttp();
        const reply = http.getResponse<FastifyReply>();
        const request = http.getRequest<FastifyRequest | undefined>();
        if (clientHasGone(request, reply)) {
            // Nobody is listening for the answer any more: not an error of the Backbone (and nothing to log loudly).
            this.logger.log(
                `request ended early, the client closed the connection (${exception instanceof Error ? exception.message : "no error"})`
            );
            sendRendered(reply, renderError(exception));
            return;
        }
        const rendered = renderError(exception, request ? this.boundTo(request) : this.logger);
        const body = rendered.body;
        if (rendered.status === 400 && body && "error" in body && rendersOAuthErrors(request)) {
            // The token endpoint answers what it cannot parse as OAuth does (RFC 6749, 5.2).
            if (reply.sent) return;
            reply.status(400).header("cache-control", "no-store").header("content-type", "application/json; charset=utf-8");
            reply.send({ error: "invalid_request", error_description: body.error.message });
            return;
        }
        sendRendered(reply, rendered);
    }

    /** The filter's lines name the request they are about (trace and correlation ids, method, path). */
    private boundTo(request: FastifyRequest): Pick<Logger, "warn" | "error"> {
        return {
            warn: (message: string) => this.logger.warn({ ...requestBindings(request), msg: message }),
            error: (message: string) => this.logger.error({ ...requestBindings(request), msg: message })
        };
    }
}
