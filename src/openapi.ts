import type { INestApplication } from "@nestjs/common";
import { ModulesContainer } from "@nestjs/core";
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from "@nestjs/swagger";
import { ADMIN_API_KEY_HEADER, ADMIN_SECURITY_SCHEME } from "./core/admin/admin-api";
import { AdminModule } from "./modules/admin/admin.module";

/** Every module of the application except the admin surface's. */
function consumerModules(app: INestApplication): Function[] {
    return [...app.get(ModulesContainer).values()].map((module) => module.metatype).filter((metatype) => metatype !== AdminModule);
}

/** The Consumer API's OpenAPI document, built from the controllers and DTOs. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
    const config = new DocumentBuilder()
        .setTitle("Enmeshed Backbone Consumer API")
        .setDescription(
            "The zero-knowledge relay of the Enmeshed network. Every payload is end-to-end encrypted by the clients; byte fields are " +
                "base64url without padding on output and base64url or base64 on input. Success bodies are `{result}` envelopes " +
                "(`{result, pagination}` for lists of more than one page), errors are `{error: {id, code, message, docs, time, data}}`."
        )
        .setVersion("2")
        .addBearerAuth({ type: "http", scheme: "bearer", bearerFormat: "JWT", description: "Access token from POST /connect/token" })
        .build();
    return SwaggerModule.createDocument(app, config, {
        include: consumerModules(app),
        operationIdFactory: (_controllerKey: string, methodKey: string) => methodKey
    });
}

/** The admin surface's OpenAPI document (/admin/v1, X-API-KEY), separate from the Consumer API's. */
export function buildAdminOpenApiDocument(app: INestApplication): OpenAPIObject {
    const config = new DocumentBuilder()
        .setTitle("Enmeshed Backbone Admin API")
        .setDescription(
            "Operator endpoints: OAuth clients, tiers and quotas, announcements, identity lookup, housekeeping. Enabled only when " +
                "ADMIN_API_KEY is set; every request carries it in the X-API-KEY header. Bodies use the same `{result}` and `{error}` " +
                "envelopes as the Consumer API."
        )
        .setVersion("1")
        .addApiKey({ type: "apiKey", in: "header", name: ADMIN_API_KEY_HEADER }, ADMIN_SECURITY_SCHEME)
        .build();
    return SwaggerModule.createDocument(app, config, {
        include: [AdminModule],
        operationIdFactory: (_controllerKey: string, methodKey: string) => methodKey
    });
}

/** Recursively sorts object keys so that the exported spec is stable across runs. */
export function sortKeys(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(sortKeys);
    if (value !== null && typeof value === "object") {
        return Object.fromEntries(
            Object.keys(value as Record<string, unknown>)
                .sort()
                .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])])
        );
    }
    return value;
}
