import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";

import fastifyCors, { type FastifyCorsOptions } from "@fastify/cors";
import multipart from "@fastify/multipart";
import { NotFoundException } from "@nestjs/common";
import { NestFactory } from "@nestjs/core";
import { FastifyAdapter, type NestFastifyApplication } from "@nestjs/platform-fastify";
import { SwaggerModule } from "@nestjs/swagger";
import type { FastifyError, FastifyRequest } from "fastify";

import { AppModule } from "./app.module";
import { type BackboneConfig, configSchema } from "./config/config";
import { ADMIN_DOCS_PATH } from "./core/admin/admin-api";
import { serveAdminConsole } from "./core/admin/admin-console";
import { AccessTokens } from "./core/auth/access-tokens";
import { registerEarlyAuthentication } from "./core/auth/auth.guard";
import { provideAuthenticationContext } from "./core/auth/authentication-context";
import { Clock } from "./core/clock/clock";
import type { RuntimeOptions } from "./core/core.module";
import { registerBodyParsers } from "./core/http/body-parsers";
import { corsOptions } from "./core/http/cors";
import { registerEnvelope } from "./core/http/envelope";
import { clientErrorHandler, frameworkErrors } from "./core/http/framework-errors";
import { AdminListener, listenerOf } from "./core/http/listeners";
import { parseQueryString } from "./core/http/query-keys";
import { announcesBody, DEFAULT_BODY_LIMIT_BYTES, registerRoutePolicies, stampRoutePolicies } from "./core/http/route-policy";
import { UtcTimestamps } from "./core/http/timestamps";
import { BackboneLogger } from "./core/logging/nest-logger";
import { registerRequestLog } from "./core/logging/request-log";
import { Metrics } from "./core/metrics/metrics";
import { createValidationPipe } from "./core/validation/validation.pipe";
import { buildOpenApiDocument, serveAdminApiDocument } from "./openapi";

export { MAX_BODY_BYTES } from "./core/http/route-policy";

/** Largest path parameter the router passes on: more than Node's whole header limit, so never the limit that applies. */
const MAX_PATH_PARAM_LENGTH = 16 * 1024;

function correlationIdOf(header: string | string[] | undefined): string {
    const value = (Array.isArray(header) ? header[0] : header)?.trim();
    return value ? value.substring(0, 100) : randomUUID();
}

/** The settings of the HTTP server; the defaults of the configuration when none are given (spec export). */
export type HttpServerSettings = Pick<
    BackboneConfig,
    | "TRUST_PROXY"
    | "HTTP_HEADERS_TIMEOUT_SECONDS"
    | "HTTP_REQUEST_TIMEOUT_SECONDS"
    | "HTTP_KEEP_ALIVE_TIMEOUT_SECONDS"
    | "HTTP_IDLE_TIMEOUT_SECONDS"
>;

export function createFastifyAdapter(settings: HttpServerSettings = configSchema.parse({})): FastifyAdapter {
    const headersTimeout = settings.HTTP_HEADERS_TIMEOUT_SECONDS * 1000;
    return new FastifyAdapter({
        routerOptions: {
            caseSensitive: false,
            ignoreTrailingSlash: true,
            querystringParser: parseQueryString,
            // Longer than any request line Node accepts (16 KiB of headers): an overlong id reaches validation and gets
            // the documented 400 instead of the router's 414.
            maxParamLength: MAX_PATH_PARAM_LENGTH
        },
        // Routes of the controllers have their own limits (route-policy.ts); this one is for everything else.
        bodyLimit: DEFAULT_BODY_LIMIT_BYTES,
        // Connection hygiene (README, "Hostile input and limits"): a client must send its headers and its whole
        // request in bounded time, an idle connection is closed, and Node checks for expired ones every second
        // instead of every 30 s, so a slow-loris connection does not outlive its timeout by much.
        connectionTimeout: settings.HTTP_IDLE_TIMEOUT_SECONDS * 1000,
        keepAliveTimeout: settings.HTTP_KEEP_ALIVE_TIMEOUT_SECONDS * 1000,
        requestTimeout: settings.HTTP_REQUEST_TIMEOUT_SECONDS * 1000,
        http: { headersTimeout, connectionsCheckingInterval: Math.min(1000, headersTimeout) },
        // Our JSON parser refuses these keys itself (body-parsers.ts); the framework's own checks stay on regardless.
        onProtoPoisoning: "error",
        onConstructorPoisoning: "error",
        trustProxy: settings.TRUST_PROXY as boolean | string,
        frameworkErrors,
        clientErrorHandler,
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
    const logger = app.get(BackboneLogger);
    app.useLogger(logger);
    app.useGlobalPipes(createValidationPipe(app.get(Clock)));
    // Signals are handled by main.ts, which stops the listeners, the app and then the embedded database in that order.
    const fastify = app.getHttpAdapter().getInstance();
    // Before the routes are registered (at init): each controller route's body limit and authentication mode, known
    // to the hooks that run before a body is read; then the parsers that build bounded, prototype-free input.
    stampRoutePolicies(app);
    registerRoutePolicies(fastify);
    registerBodyParsers(fastify);
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
            // The content, and the byte fields sent as file parts (ownerSignature, cipherHash, encryptedProperties).
            files: 4,
            fileSize: options.config.FILE_MAX_SIZE_BYTES + 1,
            fields: 10,
            fieldSize: 2 * 1024 * 1024,
            parts: 12,
            headerPairs: 100
        }
    });
    registerRequestLog(fastify, logger.pino);
    registerEnvelope(fastify);
    const timestamps = new UtcTimestamps();
    // Hooks in callback style: a request passes them without a promise each. Requests that will be refused anyway are
    // answered before their body is read: an unknown route here, and a route that needs a bearer token without a
    // valid one (registerEarlyAuthentication; the body limit is the content-type parser's).
    fastify.addHook("onRequest", (request, reply, done) => {
        const correlationId = (request.raw as IncomingMessage & { correlationId?: string }).correlationId ?? correlationIdOf(undefined);
        reply.header("x-correlation-id", correlationId);
        reply.header("x-trace-id", request.id);
        reply.header("x-request-time", timestamps.format(Date.now()));
        done(request.is404 && announcesBody(request) ? (new NotFoundException() as unknown as FastifyError) : undefined);
    });
    // The passport strategies (bearer tokens, Admin API key) find this application's key and settings on the server.
    provideAuthenticationContext(fastify, { accessTokens: app.get(AccessTokens), adminApiKey: options.config.ADMIN_API_KEY });
    registerEarlyAuthentication(fastify);
    // Graceful shutdown: Fastify stops accepting connections and waits for requests in flight. Their responses close
    // the connection so that keep-alive clients do not hold the shutdown up; stragglers are cut after the grace period.
    let closing = false;
    fastify.addHook("preClose", async () => {
        closing = true;
        fastify.server.closeIdleConnections?.();
        setTimeout(() => fastify.server.closeAllConnections?.(), options.config.SHUTDOWN_GRACE_SECONDS * 1000).unref();
    });
    const metrics = app.get(Metrics);
    fastify.addHook("onResponse", (request, reply, done) => {
        // The route pattern (e.g. /api/v2/Challenges/:id), never the raw URL, keeps the label set small.
        metrics.observeRequest(request.method, request.routeOptions.url ?? "unmatched", reply.statusCode, reply.elapsedTime / 1000);
        done();
    });
    fastify.addHook("onSend", (request, reply, payload, done) => {
        // As the official Backbone: the response's UTC time and the whole milliseconds the request took.
        reply.header("x-response-time", timestamps.format(Date.now()));
        reply.header("x-response-duration-ms", Math.floor(reply.elapsedTime).toString());
        reply.header("x-content-type-options", "nosniff");
        reply.header("x-frame-options", "DENY");
        // An answer given before the whole body has arrived (an error) closes the connection: the rest of the body
        // is not read and drained, and a keep-alive connection cannot be resynchronised after it anyway.
        if (closing || !request.raw.complete) reply.header("connection", "close");
        done(null, payload);
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
    serveAdminApiDocument(app, options.config);
    await serveAdminConsole(app, options.config);
}

/** Creates the configured (not yet listening) application. */
export async function createApp(options: RuntimeOptions): Promise<NestFastifyApplication> {
    const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(options), createFastifyAdapter(options.config), {
        bufferLogs: true,
        abortOnError: false,
        // The body parsers are the Backbone's own (registered by configureApp).
        bodyParser: false
    });
    // Connections beyond the maximum are closed by Node as soon as they are accepted.
    app.getHttpServer().maxConnections = options.config.HTTP_MAX_CONNECTIONS;
    await configureApp(app, options);
    return app;
}
