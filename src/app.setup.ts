import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";

import multipart from "@fastify/multipart";
import { NestFactory } from "@nestjs/core";
import { FastifyAdapter, type NestFastifyApplication } from "@nestjs/platform-fastify";
import { SwaggerModule } from "@nestjs/swagger";

import { AppModule } from "./app.module";
import type { RuntimeOptions } from "./core/core.module";
import { parseQueryString } from "./core/http/query-keys";
import { BackboneLogger } from "./core/logging/nest-logger";
import { Metrics } from "./core/metrics/metrics";
import { createValidationPipe } from "./core/validation/validation.pipe";
import { buildAdminOpenApiDocument, buildOpenApiDocument } from "./openapi";

/** Largest accepted request body (the wire contract's 20 MiB). */
export const MAX_BODY_BYTES = 20 * 1024 * 1024;

function correlationIdOf(header: string | string[] | undefined): string {
    const value = (Array.isArray(header) ? header[0] : header)?.trim();
    return value ? value.substring(0, 100) : randomUUID();
}

export function createFastifyAdapter(trustProxy: boolean | number | string = false): FastifyAdapter {
    return new FastifyAdapter({
        routerOptions: { caseSensitive: false, ignoreTrailingSlash: true, querystringParser: parseQueryString },
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
    app.useLogger(app.get(BackboneLogger));
    app.useGlobalPipes(createValidationPipe());
    // Signals are handled by main.ts, which stops the listeners, the app and then the embedded database in that order.
    // File uploads (POST /Files) stream their content part; the files module enforces the exact size limit.
    await app.register(multipart, {
        limits: {
            // The content, and the byte fields sent as file parts (ownerSignature, cipherHash, encryptedProperties).
            files: 4,
            fileSize: options.config.FILE_MAX_SIZE_BYTES + 1,
            fields: 10,
            fieldSize: 2 * 1024 * 1024,
            parts: 12,
            headerPairs: 100
        }
    });
    const fastify = app.getHttpAdapter().getInstance();
    fastify.addHook("onRequest", async (request, reply) => {
        const correlationId = (request.raw as IncomingMessage & { correlationId?: string }).correlationId ?? correlationIdOf(undefined);
        reply.header("x-correlation-id", correlationId);
        reply.header("x-trace-id", request.id);
        reply.header("x-request-time", new Date().toISOString());
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
        reply.header("x-response-time", new Date().toISOString());
        reply.header("x-response-duration-ms", Math.round(reply.elapsedTime).toString());
        reply.header("x-content-type-options", "nosniff");
        reply.header("x-frame-options", "DENY");
        if (closing) reply.header("connection", "close");
        return payload;
    });
    if (options.config.SWAGGER_UI) {
        const document = buildOpenApiDocument(app);
        // No online validator: the UI makes no requests to other hosts. The login (OAuth2 password flow, see openapi.ts)
        // survives a reload of the page; the access token still expires after JWT_LIFETIME_SECONDS.
        SwaggerModule.setup("docs", app, document, {
            jsonDocumentUrl: "docs/openapi.json",
            customSiteTitle: "Enmeshed Backbone API",
            swaggerOptions: { validatorUrl: null, persistAuthorization: true }
        });
    }
    if (options.config.ADMIN_API_KEY) {
        const adminDocument = buildAdminOpenApiDocument(app);
        SwaggerModule.setup("admin/docs", app, adminDocument, {
            jsonDocumentUrl: "admin/docs/openapi.json",
            customSiteTitle: "Enmeshed Backbone Admin API",
            ui: options.config.SWAGGER_UI
        });
    }
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
