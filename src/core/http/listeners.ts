import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import { Inject, Injectable, SetMetadata } from "@nestjs/common";
import { PATH_METADATA } from "@nestjs/common/constants";
import { ModulesContainer } from "@nestjs/core";
import type { NestFastifyApplication } from "@nestjs/platform-fastify";
import type { FastifyInstance, FastifyRequest } from "fastify";

import { BACKBONE_CONFIG, type BackboneConfig } from "../../config/config";

/**
 * The process answers on two listeners that share one Fastify instance (one router, one set of hooks, parsers and
 * error handling, one DI container): the public one (Consumer API, /connect/token, /health, /docs, .well-known) and
 * the admin one (Admin API, its documents, /metrics). Every route is constrained to exactly one of them through a
 * Fastify route constraint derived from the socket's server, so a route of the other listener is simply not found
 * (404), as an unknown route is.
 */
export type Listener = "public" | "admin";

const LISTENER = Symbol.for("backbone.listener");
const CONSTRAINT = "listener";

/** Class metadata: the controller's routes are served on the admin listener only. */
export const ADMIN_LISTENER_METADATA = "backbone:admin-listener";

/** The route option that binds a route registered on Fastify directly to a listener: `constraints: onListener("admin")`. */
export function onListener(listener: Listener): Record<string, Listener> {
    return { [CONSTRAINT]: listener };
}

/** Serves a controller's routes on the admin listener only (the public listener answers 404 for them). */
export const ServedOnAdminListener = (): ClassDecorator => SetMetadata(ADMIN_LISTENER_METADATA, true);

type WithListener = IncomingMessage & { [LISTENER]?: Listener };

/** The listener a request arrived on. */
export function listenerOf(request: FastifyRequest | IncomingMessage): Listener {
    const raw = "raw" in request ? request.raw : request;
    return (raw as WithListener)[LISTENER] ?? "public";
}

function normalizePath(path: string): string {
    const trimmed = path.replace(/^\/+|\/+$/g, "");
    return `/${trimmed}`.toLowerCase();
}

/**
 * Route paths of the admin listener: those of controllers marked @ServedOnAdminListener() and the given extra
 * prefixes (routes that plugins register, e.g. the Swagger UI of the Admin API).
 */
export function adminRoutePrefixes(app: NestFastifyApplication, extraPrefixes: readonly string[]): string[] {
    const prefixes = new Set(extraPrefixes.map(normalizePath));
    for (const module of app.get(ModulesContainer).values()) {
        for (const wrapper of module.controllers.values()) {
            const controller = wrapper.metatype;
            if (!controller || Reflect.getMetadata(ADMIN_LISTENER_METADATA, controller) !== true) continue;
            const paths = Reflect.getMetadata(PATH_METADATA, controller) as string | string[] | undefined;
            for (const path of [paths ?? "/"].flat()) prefixes.add(normalizePath(path));
        }
    }
    return [...prefixes];
}

function belongsTo(url: string, prefixes: readonly string[]): boolean {
    const path = normalizePath(url);
    return prefixes.some((prefix) => path === prefix || path.startsWith(prefix === "/" ? "/" : `${prefix}/`));
}

/** Server settings Fastify applies to its own server, mirrored on the admin server. */
const MIRRORED_SETTINGS = [
    "timeout",
    "keepAliveTimeout",
    "headersTimeout",
    "requestTimeout",
    "maxRequestsPerSocket",
    "maxHeadersCount"
] as const;

/**
 * The admin listener: a second HTTP server of the process that hands its requests to the application's Fastify
 * instance, marked as admin requests. `install()` must run before any route is registered.
 */
@Injectable()
export class AdminListener {
    readonly server: Server;
    private fastify: FastifyInstance | undefined;

    constructor(@Inject(BACKBONE_CONFIG) private readonly config: BackboneConfig) {
        this.server = createServer((request, response) => {
            (request as WithListener)[LISTENER] = "admin";
            if (!this.fastify) {
                response.statusCode = 503;
                response.end();
                return;
            }
            this.fastify.routing(request, response);
        });
    }

    /**
     * Constrains every route of the application to its listener: the admin routes (see adminRoutePrefixes) to the
     * admin listener, all others to the public one.
     */
    install(app: NestFastifyApplication, extraAdminPrefixes: readonly string[] = []): void {
        const fastify = app.getHttpAdapter().getInstance();
        const prefixes = adminRoutePrefixes(app, extraAdminPrefixes);
        fastify.addConstraintStrategy({
            name: CONSTRAINT,
            // A derived value must match: a route constrained to the other listener is not found.
            mustMatchWhenDerived: true,
            storage() {
                const stores = new Map<string, unknown>();
                return {
                    get: (value: string) => (stores.get(value) ?? null) as never,
                    set: (value: string, store: unknown) => void stores.set(value, store)
                };
            },
            deriveConstraint: (request: IncomingMessage) => (request as WithListener)[LISTENER] ?? "public",
            validate(value: unknown) {
                if (value !== "public" && value !== "admin") throw new Error(`unknown listener ${String(value)}`);
            }
        });
        fastify.addHook("onRoute", (route) => {
            // A route registered with a listener constraint of its own (e.g. the admin console's pages) keeps it.
            const own = (route.constraints as Record<string, unknown> | undefined)?.[CONSTRAINT];
            const listener: Listener = own === "admin" || own === "public" ? own : belongsTo(route.url, prefixes) ? "admin" : "public";
            route.constraints = { ...route.constraints, [CONSTRAINT]: listener };
        });
        // Fastify configures its own server (timeouts, client error answers) while it starts; the admin server gets the same.
        fastify.addHook("onReady", async () => {
            const source = fastify.server as unknown as Record<string, unknown>;
            const target = this.server as unknown as Record<string, unknown>;
            for (const setting of MIRRORED_SETTINGS) if (source[setting] !== undefined) target[setting] = source[setting];
            if (this.server.listenerCount("clientError") === 0) {
                for (const listener of fastify.server.listeners("clientError")) {
                    this.server.on("clientError", listener as (...args: unknown[]) => void);
                }
            }
        });
        // Shutdown as on the public listener: stop accepting, let requests in flight finish, cut stragglers after the grace period.
        fastify.addHook("preClose", async () => {
            if (!this.server.listening) return;
            this.server.close();
            this.server.closeIdleConnections();
            setTimeout(() => this.server.closeAllConnections(), this.config.SHUTDOWN_GRACE_SECONDS * 1000).unref();
        });
        this.fastify = fastify;
    }

    async listen(port: number, host: string): Promise<AddressInfo> {
        await new Promise<void>((resolve, reject) => {
            const onError = (error: Error) => reject(error);
            this.server.once("error", onError);
            this.server.listen(port, host, () => {
                this.server.off("error", onError);
                resolve();
            });
        });
        return this.server.address() as AddressInfo;
    }
}
