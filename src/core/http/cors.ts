import type { FastifyCorsOptions } from "@fastify/cors";

import type { BackboneConfig } from "../../config/config";

/**
 * Response headers browsers may read: those the official Backbone's Helm chart exposes (the official App reads them),
 * the correlation id, and the headers some responses carry (`ETag` of GET /Tags, `Location` of creations,
 * `Retry-After` of 429).
 */
export const CORS_EXPOSED_HEADERS = [
    "X-Request-Time",
    "X-Response-Time",
    "X-Response-Duration-ms",
    "X-Trace-Id",
    "X-Correlation-ID",
    "ETag",
    "Location",
    "Retry-After"
];

/** How long browsers may cache a preflight answer. */
const PREFLIGHT_MAX_AGE_SECONDS = 600;

/** The CORS settings for browser clients, or undefined (no CORS at all) when CORS_ORIGINS is unset. */
export function corsOptions(config: Pick<BackboneConfig, "CORS_ORIGINS" | "CORS_ALLOW_CREDENTIALS">): FastifyCorsOptions | undefined {
    const origins = config.CORS_ORIGINS;
    if (!origins) return undefined;
    const credentials = config.CORS_ALLOW_CREDENTIALS;
    const allowed = new Set(origins === "*" ? [] : origins);
    return {
        // With credentials a browser refuses `*`: the allowed origin is then echoed instead. A request from any other
        // origin gets no CORS headers at all (its preflight is not answered).
        origin:
            origins === "*"
                ? credentials
                    ? true
                    : "*"
                : (origin: string | undefined, callback: (error: Error | null, allow: string | false) => void) =>
                      callback(null, origin !== undefined && allowed.has(origin) ? origin : false),
        credentials,
        methods: ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"],
        exposedHeaders: CORS_EXPOSED_HEADERS,
        maxAge: PREFLIGHT_MAX_AGE_SECONDS
    };
}
