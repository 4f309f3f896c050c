import { existsSync, readFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";

import fastifyStatic from "@fastify/static";
import type { NestFastifyApplication } from "@nestjs/platform-fastify";
import type { FastifyReply } from "fastify";

import type { BackboneConfig } from "../../config/config";
import { onListener } from "../http/listeners";

/**
 * The pages of the admin console (a single-page app): each is answered with the same HTML, the app shows the page
 * the path names. Keep in step with the routes of admin-console/src/main.tsx.
 */
export const ADMIN_CONSOLE_PAGES = ["identities", "clients", "tiers", "announcements", "housekeeping"] as const;

/**
 * What the console's HTML may load: its own scripts, styles, fonts and images, and requests to its own origin (the
 * Admin API). No inline script or style, no other origin, no framing.
 */
export const ADMIN_CONSOLE_CSP = "default-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

const SECURITY_HEADERS = {
    "content-security-policy": ADMIN_CONSOLE_CSP,
    "referrer-policy": "no-referrer",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin"
};

/**
 * Where the built console is: dist/admin-console beside the compiled code (`npm run build`, the image), or
 * build/admin-console when the code runs from its sources (tests). Both are written by admin-console/build.mjs.
 */
export function adminConsoleDir(): string {
    const root = resolve(__dirname, "..", "..", "..");
    return basename(root) === "dist" ? join(root, "admin-console") : join(root, "build", "admin-console");
}

/**
 * Serves the admin console on the admin listener (only when the Admin API is enabled): its HTML at `/` and at every
 * page's path, its hashed assets under `/assets/` (cached for a year). Same origin as the Admin API, so the console
 * needs no CORS and its anti-forgery cookie is the API's. Without a built console, the pages answer 503 and say how
 * to build it.
 */
export async function serveAdminConsole(app: NestFastifyApplication, config: BackboneConfig, dir = adminConsoleDir()): Promise<void> {
    if (!config.ADMIN_API_KEY) return;
    const fastify = app.getHttpAdapter().getInstance();
    const constraints = onListener("admin");
    const indexFile = join(dir, "index.html");
    const html = existsSync(indexFile) ? readFileSync(indexFile, "utf8") : undefined;
    const page = async (_request: unknown, reply: FastifyReply): Promise<void> => {
        reply.headers(SECURITY_HEADERS).header("cache-control", "no-cache");
        if (html === undefined) {
            await reply
                .code(503)
                .type("text/plain; charset=utf-8")
                .send("The admin console is not built. Run `npm run build` (or `node admin-console/build.mjs`) and restart.\n");
            return;
        }
        await reply.type("text/html; charset=utf-8").send(html);
    };
    for (const url of ["/", ...ADMIN_CONSOLE_PAGES.flatMap((name) => [`/${name}`, `/${name}/*`])]) {
        fastify.route({ method: "GET", url, constraints, handler: page });
    }
    if (html === undefined) return;
    await app.register(fastifyStatic, {
        root: join(dir, "assets"),
        prefix: "/assets/",
        constraints,
        decorateReply: false,
        index: false,
        // File names carry their content's hash.
        immutable: true,
        maxAge: "365d",
        setHeaders: (reply) => reply.headers(SECURITY_HEADERS)
    });
}
