import type { INestApplication } from "@nestjs/common";
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from "@nestjs/swagger";

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
