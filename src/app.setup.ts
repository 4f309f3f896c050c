import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";

import fastifyCors, { type FastifyCorsOptions } from "@fastify/cors";
import multipart from "@fastify/multipart";
import { NestFactory } from "@nestjs/core";
import { FastifyAdapter, type NestFastifyApplication } from "@nestjs/platform-fastify";
import { SwaggerModule } from "@nestjs/swagger";
import type { FastifyRequest } from "fastify";
import { Logger as PinoLogger } from "nestjs-pino";

import { AppModule } from "./app.module";
import { ADMIN_DOCS_PATH } from "./core/admin/admin-api";
import { serveAdminConsole } from "./core/admin/admin-console";
import type { RuntimeOptions } from "./core/core.module";
import { corsOptions } from "./core/http/cors";
import { AdminListener, listenerOf } from "./core/http/listeners";
import { parseQueryString } from "./core/http/query-keys";
import { UtcTimestamps } from "./core/http/timestamps";
import { Metrics } from "./core/metrics/metrics";
import { createValidationPipe } from "./core/validation/validation.pipe";
import { buildOpenApiDocument, serveAdminApiDocument } from "./openapi";

/** Largest path parameter the router passes on: more than Node's whole header limit, so never the limit that applies. */
const MAX_PATH_PARAM_LENGTH = 16 * 1024;

/** Largest accepted request body (the wire contract's 20 MiB). */
export const MAX_BODY_BYTES = 20 * 1024 * 1024;

function correlationIdOf(header: string | string[] | undefined): string {
    const value = (Array.isArray(header) ? header[0] : header)?.trim();
    return value ? value.substring(0, 100) : randomUUID();
}

export function createFastifyAdapter(trustProxy: boolean | number | string = false): FastifyAdapter {
    return new FastifyAdapter({
        routerOptions: {
            caseSensitive: false,
            ignoreTrailingSlash: true,
            querystringParser: parseQueryString,
            // Longer than any request line Node accepts (16 KiB of headers): an overlong id reaches validation and gets
            // the documented 400 instead of the router's 414.
            maxParamLength: MAX_PATH_PARAM_LENGTH
        },
        bodyLimit: MAX_BODY_BYTES,
        trustProxy: trustProxy as boolean | string,
        genReqId: (req: IncomingMessage) => {
            const withIds = req as IncomingMessage & { correlationId?: string };
            withIds.correlationId = correlationIdOf(req.headers["x-correlation-id"]);
            return randomUUID();
        }
    });
}

/** Global pipes, filters, hooks and the Swagger UI: everything that makes the app speak the wire contract. */
export async function configureApp(app: NestFastifyApplication, options: RuntimeOptions): Promise<void> {
    // First: every route registered from here on is bound to the public or the admin listener (src/core/http/listeners.ts).
    app.get(AdminListener).install(app, [ADMIN_DOCS_PATH]);
    app.useLogger(app.get(PinoLogger));
    app.useGlobalPipes(createValidationPipe());
    app.enableShutdownHooks();
    // Browser clients (CORS_ORIGINS): preflights answered, allowed origins and exposed headers on every response of the
    // public listener. The admin listener is same-origin only (its console is served by itself): no CORS there.
    const cors = corsOptions(options.config);
    if (cors) {
        await app.register(
            fastifyCors,
            () => (request: FastifyRequest, callback: (error: Error | null, options: FastifyCorsOptions) => void) =>
                callback(null, listenerOf(request) === "admin" ? { origin: false } : cors)
        );
    }
    // File uploads (POST /Files) stream their content part; the files module enforces the exact size limit.
    await app.register(multipart, {
        limits: {
            files: 1,
            fileSize: options.config.FILE_MAX_SIZE_BYTES + 1,
            fields: 10,
            fieldSize: 2 * 1024 * 1024,
            parts: 12,
            headerPairs: 100
        }
    });
    const fastify = app.getHttpAdapter().getInstance();
    const timestamps = new UtcTimestamps();
    fastify.addHook("onRequest", async (request, reply) => {
        const correlationId = (request.raw as IncomingMessage & { correlationId?: string }).correlationId ?? correlationIdOf(undefined);
        reply.header("x-correlation-id", correlationId);
        reply.header("x-trace-id", request.id);
        reply.header("x-request-time", timestamps.format(Date.now()));
    });
    // Graceful shutdown: Fastify stops accepting connections and waits for requests in flight. Their responses close
    // the connection so that keep-alive clients do not hold the shutdown up; stragglers are cut after the grace period.
    let closing = false;
    fastify.addHook("preClose", async () => {
        closing = true;
        fastify.server.closeIdleConnections?.();
        setTimeout(() => fastify.server.closeAllConnections?.(), options.config.SHUTDOWN_GRACE_SECONDS * 1000).unref();
    });
    const metrics = app.get(Metrics);
    fastify.addHook("onResponse", async (request, reply) => {
        // The route pattern (e.g. /api/v2/Challenges/:id), never the raw URL, keeps the label set small.
        metrics.observeRequest(request.method, request.routeOptions.url ?? "unmatched", reply.statusCode, reply.elapsedTime / 1000);
    });
    fastify.addHook("onSend", async (_request, reply, payload) => {
        // As the official Backbone: the response's UTC time and the whole milliseconds the request took.
        reply.header("x-response-time", timestamps.format(Date.now()));
        reply.header("x-response-duration-ms", Math.floor(reply.elapsedTime).toString());
        reply.header("x-content-type-options", "nosniff");
        reply.header("x-frame-options", "DENY");
        if (closing) reply.header("connection", "close");
        return payload;
    });
    if (options.config.SWAGGER_UI) {
        const document = buildOpenApiDocument(app);
        // No online validator: the UI makes no requests to other hosts.
        SwaggerModule.setup("docs", app, document, {
            jsonDocumentUrl: "docs/openapi.json",
            customSiteTitle: "Enmeshed Backbone API",
            swaggerOptions: { validatorUrl: null }
        });
    }
    serveAdminApiDocument(app, options.config);
    await serveAdminConsole(app, options.config);
}

/** Creates the configured (not yet listening) application. */
export async function createApp(options: RuntimeOptions): Promise<NestFastifyApplication> {
    const app = await NestFactory.create<NestFastifyApplication>(
        AppModule.forRoot(options),
        createFastifyAdapter(options.config.TRUST_PROXY),
        {
            bufferLogs: true,
            abortOnError: false
        }
    );
    await configureApp(app, options);
    return app;
}
