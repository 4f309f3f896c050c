import type { INestApplication } from "@nestjs/common";
import { ModulesContainer } from "@nestjs/core";
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from "@nestjs/swagger";

import { ADMIN_API_KEY_HEADER, ADMIN_SECURITY_SCHEME } from "./core/admin/admin-api";
import { AUTH_MODE, type AuthMode } from "./core/auth/caller";
import { UNAUTHORIZED_DESCRIPTION } from "./core/http/openapi";
import { AdminModule } from "./modules/admin/admin.module";

export const BEARER_SCHEME = "bearer";
/**
 * The OAuth2 password flow of POST /connect/token, as an alternative to `bearer` wherever a token is accepted, so that
 * the Swagger UI can log in with a device's username and password and the OAuth client's id and secret. (The official
 * Backbone declares only such a scheme, named `Bearer`; next to the http scheme `bearer` a name differing in case only
 * would confuse.)
 */
export const OAUTH2_SCHEME = "oauth2";
export const TOKEN_URL = "/connect/token";

const TAG_DESCRIPTIONS: Record<string, string> = {
    Authentication: "OAuth2 password grant for devices (form-encoded, answers without envelope).",
    Challenges: "Short-lived challenges that a device signs to prove possession of the identity key.",
    Devices: "The devices of the calling identity.",
    Identities: "Identities, their first device and their feature flags.",
    Tokens: "Small encrypted payloads shared by id (and optionally a password), e.g. through a QR code.",
    Files: "Encrypted files: multipart upload, binary download, metadata and ownership.",
    RelationshipTemplates: "Encrypted offers to enter a relationship.",
    Relationships: "Relationships between two identities and their status machine.",
    Messages: "Encrypted messages between related identities.",
    SyncRuns: "Synchronisation of external events between the devices of one identity.",
    Datawallet: "The encrypted datawallet modifications of an identity, shared by its devices.",
    Platform: "Version, attribute tags and other static content configured by the operator.",
    PushNotifications: "Push notification registration of the calling device.",
    Sse: "Server-sent events telling a connected device that new external events exist.",
    Announcements: "Announcements of the operator to all identities or to some.",
    Quotas: "The caller's quotas and their usage.",
    Notifications: "Push notifications with operator-configured texts from an identity to its peers."
};

type PathItemObject = OpenAPIObject["paths"][string];
type OperationObject = NonNullable<PathItemObject["get"]>;

const HTTP_METHODS = ["get", "put", "post", "delete", "patch", "options", "head", "trace"] as const;

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
        .setLicense("MIT", "https://opensource.org/license/mit")
        .addServer("/", "The Backbone that serves this document")
        .addBearerAuth(
            { type: "http", scheme: "bearer", bearerFormat: "JWT", description: "Access token from POST /connect/token" },
            BEARER_SCHEME
        )
        .addOAuth2(
            {
                type: "oauth2",
                description:
                    "Log in with a device's username and password and the OAuth client's id and secret (client credentials in the " +
                    "form body or in an HTTP Basic header); the access token is then sent as a bearer token.",
                flows: { password: { tokenUrl: TOKEN_URL, scopes: {} } }
            },
            OAUTH2_SCHEME
        )
        .build();
    const document = SwaggerModule.createDocument(app, config, {
        include: consumerModules(app),
        operationIdFactory: (_controllerKey: string, methodKey: string) => methodKey
    });
    describeSecurity(document, authModesByOperationId(app));
    describeTags(document);
    return document;
}

/** The auth mode of every handler, keyed by its method name (= operationId), read from the same metadata the guard uses. */
function authModesByOperationId(app: INestApplication): Map<string, AuthMode> {
    const modes = new Map<string, AuthMode>();
    for (const module of app.get(ModulesContainer).values()) {
        if (module.metatype === AdminModule) continue;
        for (const wrapper of module.controllers.values()) {
            const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
            if (!controller) continue;
            const classMode = Reflect.getMetadata(AUTH_MODE, controller) as AuthMode | undefined;
            for (const name of Object.getOwnPropertyNames(controller.prototype)) {
                if (name === "constructor") continue;
                const handler = (controller.prototype as Record<string, unknown>)[name];
                if (typeof handler !== "function") continue;
                modes.set(name, (Reflect.getMetadata(AUTH_MODE, handler) as AuthMode | undefined) ?? classMode ?? "required");
            }
        }
    }
    return modes;
}

function operations(document: OpenAPIObject): Array<{ path: string; method: string; operation: OperationObject }> {
    const result: Array<{ path: string; method: string; operation: OperationObject }> = [];
    for (const [path, item] of Object.entries(document.paths) as Array<[string, PathItemObject]>) {
        for (const method of HTTP_METHODS) {
            const operation = item[method];
            if (operation) result.push({ path, method, operation });
        }
    }
    return result;
}

/**
 * Security as the guard enforces it, whatever the controller's swagger decorators say: required → bearer,
 * optional → bearer or anonymous, public → none. Required auth also answers 401 with an empty body.
 * OperationIds (the handler names) must be unique, as they become the clients' function names.
 */
function describeSecurity(document: OpenAPIObject, modes: Map<string, AuthMode>): void {
    const seen = new Map<string, string>();
    for (const { path, method, operation } of operations(document)) {
        const id = operation.operationId;
        if (!id) throw new Error(`${method.toUpperCase()} ${path} has no operationId`);
        const other = seen.get(id);
        if (other) throw new Error(`operationId ${id} is used by ${other} and ${method.toUpperCase()} ${path}: rename one handler`);
        seen.set(id, `${method.toUpperCase()} ${path}`);
        const mode = modes.get(id) ?? "required";
        if (mode === "none") operation.security = [];
        else if (mode === "optional") operation.security = [{ [BEARER_SCHEME]: [] }, { [OAUTH2_SCHEME]: [] }, {}];
        else {
            operation.security = [{ [BEARER_SCHEME]: [] }, { [OAUTH2_SCHEME]: [] }];
            operation.responses["401"] ??= { description: UNAUTHORIZED_DESCRIPTION };
        }
        if (operation.parameters?.length === 0) delete operation.parameters;
    }
}

/** Declares every tag in use, with a description where one is known. */
function describeTags(document: OpenAPIObject): void {
    const names = new Set(operations(document).flatMap(({ operation }) => operation.tags ?? []));
    document.tags = [...names].sort().map((name) => (TAG_DESCRIPTIONS[name] ? { name, description: TAG_DESCRIPTIONS[name] } : { name }));
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
