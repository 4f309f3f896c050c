import { committedSpec, OPERATION_METHODS } from "../support/openapi";

/** A JSON schema as far as the generators read it. */
export interface Schema {
    $ref?: string;
    type?: string;
    format?: string;
    enum?: unknown[];
    items?: Schema;
    properties?: Record<string, Schema>;
    required?: string[];
    allOf?: Schema[];
    nullable?: boolean;
    minimum?: number;
    maximum?: number;
}

export type Authentication = "bearer" | "optionalBearer" | "none" | "apiKey";

/** One operation of a committed OpenAPI document, reduced to what the hostile generators need. */
export interface Operation {
    name: string;
    method: string;
    /** The path template, e.g. `/api/v2/Tokens/{id}`. */
    path: string;
    pathParameters: string[];
    queryParameters: Array<{ name: string; schema: Schema }>;
    headerParameters: string[];
    /** Content type and schema (references resolved) of the request body, if the operation takes one. */
    body?: { contentType: string; schema: Schema };
    authentication: Authentication;
    /** Answers with an endless stream (server-sent events). */
    streams: boolean;
    /** The listener that serves it: the Consumer API on the public port, the Admin API on the admin port. */
    listener: "public" | "admin";
}

interface OpenApiOperation {
    operationId?: string;
    parameters?: Array<{ in: string; name: string; schema?: Schema }>;
    requestBody?: { content?: Record<string, { schema?: Schema }> };
    security?: Array<Record<string, unknown>>;
    responses?: Record<string, { content?: Record<string, unknown> }>;
}

interface OpenApiDocument {
    paths: Record<string, Record<string, OpenApiOperation>>;
    components?: { schemas?: Record<string, Schema> };
}

/** Resolves `$ref`s (and single `allOf`s) down to `depth` levels; deeper references become plain objects. */
function resolve(schema: Schema | undefined, document: OpenApiDocument, depth = 6): Schema {
    if (!schema || depth === 0) return { type: "object" };
    if (schema.$ref) return resolve(document.components?.schemas?.[schema.$ref.split("/").pop()!], document, depth - 1);
    if (schema.allOf?.length === 1) return resolve(schema.allOf[0], document, depth - 1);
    const resolved: Schema = { ...schema };
    if (schema.items) resolved.items = resolve(schema.items, document, depth - 1);
    if (schema.properties) {
        resolved.properties = Object.fromEntries(
            Object.entries(schema.properties).map(([name, property]) => [name, resolve(property, document, depth - 1)])
        );
    }
    return resolved;
}

function authenticationOf(security: OpenApiOperation["security"]): Authentication {
    if (!security || security.length === 0) return "none";
    if (security.some((requirement) => "ApiKey" in requirement)) return "apiKey";
    return security.some((requirement) => Object.keys(requirement).length === 0) ? "optionalBearer" : "bearer";
}

function operationsOf(name: "consumer-api" | "admin-api", listener: Operation["listener"]): Operation[] {
    const document = committedSpec<OpenApiDocument>(name);
    const operations: Operation[] = [];
    for (const [path, item] of Object.entries(document.paths)) {
        for (const [method, operation] of Object.entries(item)) {
            if (!OPERATION_METHODS.includes(method)) continue;
            const parameters = operation.parameters ?? [];
            const content = Object.entries(operation.requestBody?.content ?? {})[0];
            operations.push({
                name: `${method.toUpperCase()} ${path}`,
                method: method.toUpperCase(),
                path,
                pathParameters: parameters.filter((p) => p.in === "path").map((p) => p.name),
                queryParameters: parameters
                    .filter((p) => p.in === "query")
                    .map((p) => ({ name: p.name, schema: resolve(p.schema, document) })),
                headerParameters: parameters.filter((p) => p.in === "header").map((p) => p.name),
                body: content ? { contentType: content[0], schema: resolve(content[1].schema, document) } : undefined,
                authentication: authenticationOf(operation.security),
                streams: Object.values(operation.responses ?? {}).some((response) => "text/event-stream" in (response.content ?? {})),
                listener
            });
        }
    }
    return operations;
}

/** Every operation of the Consumer API document and of the admin API document. */
export function allOperations(): Operation[] {
    return [...operationsOf("consumer-api", "public"), ...operationsOf("admin-api", "admin")];
}
