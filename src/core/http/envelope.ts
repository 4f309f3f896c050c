import type { FastifyInstance } from "fastify";

import { Page } from "./pagination";
import { routePolicyOf } from "./route-policy";

/**
 * The success envelope of a handler's result: `{result}` for objects, `{result, pagination}` for pages with more than
 * one page.
 */
export function envelopeOf(value: unknown): unknown {
    if (value instanceof Page) {
        if (value.totalPages <= 1) return { result: value.items };
        const { pageNumber, pageSize } = value.request;
        return {
            result: value.items,
            pagination: { pageNumber, pageSize, totalPages: value.totalPages, totalRecords: value.totalRecords }
        };
    }
    return { result: value };
}

/**
 * Wraps the results of the controllers' routes in the success envelope, as the server serializes them (the route's
 * policy says whether it has one: not the `@RawResponse()` handlers). A hook of the server rather than a Nest
 * interceptor, so that a request runs no interceptor chain. Error answers (4xx, 5xx) are the exception filter's, and
 * empty answers (204) have no body to wrap.
 */
export function registerEnvelope(fastify: FastifyInstance): void {
    fastify.addHook("preSerialization", (request, reply, payload, done) => {
        done(null, reply.statusCode < 400 && routePolicyOf(request)?.envelope ? envelopeOf(payload) : payload);
    });
}
