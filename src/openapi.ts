import type { INestApplication } from "@nestjs/common";
import { ModulesContainer } from "@nestjs/core";
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from "@nestjs/swagger";

import type { BackboneConfig } from "./config/config";
import {
    ADMIN_API_KEY_HEADER,
    ADMIN_DOCS_PATH,
    ADMIN_SECURITY_SCHEME,
    isAdminAnonymous,
    XSRF_COOKIE,
    XSRF_HEADER,
    XSRF_REJECTION_DETAIL
} from "./core/admin/admin-api";
import { AUTH_MODE, type AuthMode } from "./core/auth/caller";
import { CLIENT_BASIC_SCHEME, UNAUTHORIZED_DESCRIPTION } from "./core/http/openapi";
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
        .addBasicAuth(
            {
                type: "http",
                scheme: "basic",
                description:
                    "OAuth client id and secret, each form-urlencoded, joined by `:` (RFC 6749 §2.3.1); only on POST /connect/token"
            },
            CLIENT_BASIC_SCHEME
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
    describeTags(document, TAG_DESCRIPTIONS);
    simplifyReferences(document);
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

/**
 * The operations of the document with their operationIds (the handler names), which must be unique, as they become
 * the clients' function names.
 */
function operations(document: OpenAPIObject): Array<{ path: string; method: string; id: string; operation: OperationObject }> {
    const result: Array<{ path: string; method: string; id: string; operation: OperationObject }> = [];
    const seen = new Map<string, string>();
    for (const [path, item] of Object.entries(document.paths) as Array<[string, PathItemObject]>) {
        for (const method of HTTP_METHODS) {
            const operation = item[method];
            if (!operation) continue;
            const id = operation.operationId;
            if (!id) throw new Error(`${method.toUpperCase()} ${path} has no operationId`);
            const other = seen.get(id);
            if (other) throw new Error(`operationId ${id} is used by ${other} and ${method.toUpperCase()} ${path}: rename one handler`);
            seen.set(id, `${method.toUpperCase()} ${path}`);
            result.push({ path, method, id, operation });
        }
    }
    return result;
}

/**
 * Security as the guard enforces it, whatever the controller's swagger decorators say: required → bearer,
 * optional → bearer or anonymous, public → none. Required auth also answers 401 with an empty body.
 */
function describeSecurity(document: OpenAPIObject, modes: Map<string, AuthMode>): void {
    for (const { id, operation } of operations(document)) {
        const mode = modes.get(id) ?? "required";
        // Public operations need no security, except that the token endpoint also takes its client's credentials as HTTP Basic.
        if (mode === "none")
            operation.security = operation.security?.some((r) => CLIENT_BASIC_SCHEME in r) ? [{}, { [CLIENT_BASIC_SCHEME]: [] }] : [];
        else if (mode === "optional") operation.security = [{ [BEARER_SCHEME]: [] }, { [OAUTH2_SCHEME]: [] }, {}];
        else {
            operation.security = [{ [BEARER_SCHEME]: [] }, { [OAUTH2_SCHEME]: [] }];
            operation.responses["401"] ??= { description: UNAUTHORIZED_DESCRIPTION };
        }
        if (operation.parameters?.length === 0) delete operation.parameters;
    }
}

/**
 * @nestjs/swagger wraps every `$ref` to an enum (and every nullable `$ref`) in a one-element `allOf`. Generators read a
 * bare `allOf: [{$ref}]` as a new anonymous type in some languages, so it becomes the plain `$ref`. Where the wrapper
 * carries `nullable`, it stays (OpenAPI 3.0 ignores siblings of `$ref`) and gets the `type` of its target, without
 * which `nullable` has no effect.
 */
function simplifyReferences(document: OpenAPIObject): void {
    const schemas = (document.components?.schemas ?? {}) as Record<string, { type?: string }>;
    const visit = (value: unknown): unknown => {
        if (Array.isArray(value)) return value.map(visit);
        if (value === null || typeof value !== "object") return value;
        const object = Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([key, item]) => [key, visit(item)]));
        const allOf = object.allOf as Array<Record<string, unknown>> | undefined;
        if (allOf?.length === 1 && typeof allOf[0]?.$ref === "string" && Object.keys(allOf[0]).length === 1) {
            const keys = Object.keys(object);
            if (keys.length === 1) return allOf[0];
            const target = schemas[allOf[0].$ref.split("/").pop()!];
            if (object.nullable === true && object.type === undefined && target?.type) object.type = target.type;
        }
        return object;
    };
    for (const item of Object.values(document.paths)) Object.assign(item, visit(item));
    if (document.components?.schemas)
        document.components.schemas = visit(document.components.schemas) as typeof document.components.schemas;
}

/** Declares every tag in use, with a description where one is known. */
function describeTags(document: OpenAPIObject, descriptions: Record<string, string>): void {
    const names = new Set(operations(document).flatMap(({ operation }) => operation.tags ?? []));
    document.tags = [...names].sort().map((name) => (descriptions[name] ? { name, description: descriptions[name] } : { name }));
}

const ADMIN_TAG_DESCRIPTIONS: Record<string, string> = {
    Access: "Anti-forgery token and API key check, which need no API key.",
    Announcements: "Announcements of the operator to all identities or to some.",
    Challenges: "Challenges for creating identities through the Admin API.",
    Clients: "OAuth clients: the credentials with which apps and connectors create identities and log in.",
    Housekeeping: "Cleanup jobs, their schedule and last runs (an extension of this Backbone).",
    Identities: "Identities: details, tier, individual quotas, deletion processes, and the OData identity overview.",
    Messages: "Messages of an identity, metadata only.",
    Metrics: "The metrics quotas can limit.",
    Relationships: "Relationships of an identity, metadata only.",
    Statistics: "Numbers of the Backbone for the admin console's overview (an extension of this Backbone).",
    Tiers: "Tiers and their quotas.",
    Tokens: "Tokens of an identity, metadata only, and unlocking tokens after failed password attempts."
};

const UNSAFE_METHODS = new Set(["post", "put", "patch", "delete"]);

/** The Admin API's OpenAPI document (/api/v1 and /odata on the admin listener), separate from the Consumer API's. */
export function buildAdminOpenApiDocument(app: INestApplication): OpenAPIObject {
    const config = new DocumentBuilder()
        .setTitle("Enmeshed Backbone Admin API")
        .setDescription(
            "Operator endpoints in the shape of the official Admin API, served on the admin listener (ADMIN_PORT) only. Every request " +
                "carries ADMIN_API_KEY in the X-API-KEY header (401 with an empty body otherwise); requests with unsafe methods also " +
                "carry the anti-forgery cookie and token from GET /api/v1/xsrf (400 problem details `xsrf-token-may-be-invalid` " +
                "otherwise). Bodies use the `{result}` and `{error}` envelopes of the Consumer API, except GET /api/v1/xsrf (plain " +
                "text), POST /api/v1/ValidateApiKey and the OData list /odata/Identities. Contents of tokens, messages or " +
                "relationships are never shown: only metadata."
        )
        .setVersion("1")
        .setLicense("MIT", "https://opensource.org/license/mit")
        .addServer("/", "The admin listener that serves this document")
        .addApiKey({ type: "apiKey", in: "header", name: ADMIN_API_KEY_HEADER, description: "ADMIN_API_KEY" }, ADMIN_SECURITY_SCHEME)
        .build();
    const document = SwaggerModule.createDocument(app, config, {
        include: [AdminModule],
        operationIdFactory: (_controllerKey: string, methodKey: string) => methodKey
    });
    const anonymous = new Set<string>();
    for (const module of app.get(ModulesContainer).values()) {
        if (module.metatype !== AdminModule) continue;
        for (const wrapper of module.controllers.values()) {
            const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
            if (!controller) continue;
            for (const name of Object.getOwnPropertyNames(controller.prototype)) {
                const handler = (controller.prototype as Record<string, unknown>)[name];
                if (typeof handler === "function" && isAdminAnonymous(handler)) anonymous.add(name);
            }
        }
    }
    for (const { method, id, operation } of operations(document)) {
        operation.security = anonymous.has(id) ? [] : [{ [ADMIN_SECURITY_SCHEME]: [] }];
        if (anonymous.has(id)) delete operation.responses["401"];
        if (UNSAFE_METHODS.has(method)) {
            operation.parameters = [
                ...(operation.parameters ?? []),
                {
                    name: XSRF_HEADER,
                    in: "header",
                    required: true,
                    description: "The token of GET /api/v1/xsrf",
                    schema: { type: "string" }
                },
                {
                    name: XSRF_COOKIE,
                    in: "cookie",
                    required: true,
                    description: "The cookie of GET /api/v1/xsrf",
                    schema: { type: "string" }
                }
            ];
            const existing = operation.responses["400"] as { description?: string } | undefined;
            operation.responses["400"] = {
                ...(existing ?? { content: { "application/problem+json": { schema: { type: "object" } } } }),
                description: `${existing?.description ? `${existing.description} ` : ""}A missing or wrong anti-forgery token is answered with problem details (detail \`${XSRF_REJECTION_DETAIL}\`).`
            };
        }
        if (operation.parameters?.length === 0) delete operation.parameters;
    }
    describeTags(document, ADMIN_TAG_DESCRIPTIONS);
    simplifyReferences(document);
    return document;
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

/** The Admin API's document and Swagger UI on the admin listener (only when the Admin API is enabled). */
export function serveAdminApiDocument(app: INestApplication, config: BackboneConfig): void {
    if (!config.ADMIN_API_KEY) return;
    SwaggerModule.setup(ADMIN_DOCS_PATH, app, buildAdminOpenApiDocument(app), {
        jsonDocumentUrl: `${ADMIN_DOCS_PATH}/openapi.json`,
        customSiteTitle: "Enmeshed Backbone Admin API",
        ui: config.SWAGGER_UI,
        swaggerOptions: { validatorUrl: null }
    });
}
