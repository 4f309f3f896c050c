import { type INestApplication, SetMetadata } from "@nestjs/common";
import { METHOD_METADATA, PATH_METADATA } from "@nestjs/common/constants";
import { ModulesContainer } from "@nestjs/core";
import { FASTIFY_ROUTE_CONFIG_METADATA } from "@nestjs/platform-fastify/constants";
import type { FastifyInstance, FastifyRequest } from "fastify";

import { AUTH_MODE, type AuthMode } from "../auth/caller";
import { RAW_RESPONSE } from "./raw-response";

/** Body limit of a route that declares none: every small JSON body and the OAuth form fit with room to spare. */
export const DEFAULT_BODY_LIMIT_BYTES = 64 * 1024;
/** The wire contract's largest request body (the official Backbone's Kestrel limit, 20 MiB). */
export const MAX_BODY_BYTES = 20 * 1024 * 1024;

/**
 * Body limit for a JSON body carrying one byte field of up to `maxDecodedBytes` (sent as base64) plus small fields:
 * the base64 length of the field and `overheadBytes` for everything else.
 */
export function base64BodyLimit(maxDecodedBytes: number, overheadBytes = 64 * 1024): number {
    return Math.ceil(maxDecodedBytes / 3) * 4 + overheadBytes;
}

const BODY_LIMIT = "backbone:body-limit";

interface BodyLimits {
    bytes: number;
    jsonValues?: number;
}

/**
 * Largest request body, in bytes, that the route (or every route of the controller) accepts, and optionally how many
 * JSON values it may hold (DEFAULT_MAX_JSON_VALUES otherwise).
 */
export const BodyLimit = (bytes: number, options: { jsonValues?: number } = {}): MethodDecorator & ClassDecorator =>
    SetMetadata(BODY_LIMIT, { bytes, jsonValues: options.jsonValues } satisfies BodyLimits);

/** What the HTTP layer needs to know about a route before its body is read. */
export interface RoutePolicy {
    bodyLimit: number;
    /** Undefined: the JSON parser's default. */
    maxJsonValues?: number;
    authMode: AuthMode;
    /** Whether the handler's result is sent in the success envelope (envelope.ts): all but `@RawResponse()` handlers. */
    envelope: boolean;
}

const POLICY_KEY = "backbonePolicy";

/** The methods of a controller prototype (and of the classes it extends) that may be route handlers. */
function* routeHandlersOf(prototype: object): Generator<object> {
    for (
        let current: object | null = prototype;
        current && current !== Object.prototype;
        current = Object.getPrototypeOf(current) as object | null
    ) {
        for (const name of Object.getOwnPropertyNames(current)) {
            const value = name === "constructor" ? undefined : (Object.getOwnPropertyDescriptor(current, name)?.value as unknown);
            if (typeof value === "function") yield value;
        }
    }
}

/**
 * Records every controller route's policy (its body limit and whether it needs a bearer token) in the route config
 * Fastify gets, so that hooks running before the body is read can apply it. Must run before the routes are
 * registered (before `app.init()`); `registerRoutePolicies` makes Fastify use the body limits.
 */
export function stampRoutePolicies(app: INestApplication): void {
    for (const module of app.get(ModulesContainer).values()) {
        for (const wrapper of module.controllers.values()) {
            const controller = wrapper.metatype as (new (...args: unknown[]) => unknown) | null;
            if (!controller?.prototype) continue;
            for (const handler of routeHandlersOf(controller.prototype as object)) {
                if (
                    Reflect.getMetadata(PATH_METADATA, handler) === undefined ||
                    Reflect.getMetadata(METHOD_METADATA, handler) === undefined
                ) {
                    continue;
                }
                const limits =
                    (Reflect.getMetadata(BODY_LIMIT, handler) as BodyLimits | undefined) ??
                    (Reflect.getMetadata(BODY_LIMIT, controller) as BodyLimits | undefined);
                const policy: RoutePolicy = {
                    bodyLimit: limits?.bytes ?? DEFAULT_BODY_LIMIT_BYTES,
                    maxJsonValues: limits?.jsonValues,
                    authMode:
                        (Reflect.getMetadata(AUTH_MODE, handler) as AuthMode | undefined) ??
                        (Reflect.getMetadata(AUTH_MODE, controller) as AuthMode | undefined) ??
                        "required",
                    envelope: Reflect.getMetadata(RAW_RESPONSE, handler) !== true
                };
                const config = (Reflect.getMetadata(FASTIFY_ROUTE_CONFIG_METADATA, handler) as Record<string, unknown> | undefined) ?? {};
                Reflect.defineMetadata(FASTIFY_ROUTE_CONFIG_METADATA, { ...config, [POLICY_KEY]: policy }, handler);
            }
        }
    }
}

/** Gives each controller route the body limit of its policy; other routes (docs, static files) keep the default. */
export function registerRoutePolicies(fastify: FastifyInstance): void {
    fastify.addHook("onRoute", (route) => {
        const policy = (route.config as Record<string, unknown> | undefined)?.[POLICY_KEY] as RoutePolicy | undefined;
        if (policy) route.bodyLimit = policy.bodyLimit;
    });
}

/** The policy of the route a request matched; undefined for unknown routes and routes outside the controllers. */
export function routePolicyOf(request: FastifyRequest): RoutePolicy | undefined {
    return (request.routeOptions.config as unknown as Record<string, unknown> | undefined)?.[POLICY_KEY] as RoutePolicy | undefined;
}

/** Whether the request announces a body (a Content-Length above 0, or a chunked transfer). */
export function announcesBody(request: FastifyRequest): boolean {
    const length = request.headers["content-length"];
    if (length !== undefined) return length !== "0";
    return request.headers["transfer-encoding"] !== undefined;
}
