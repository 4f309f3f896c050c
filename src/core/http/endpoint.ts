import { applyDecorators, Delete, Get, HttpCode, Patch, Post, Put, SetMetadata, type Type } from "@nestjs/common";
import { ApiOperation } from "@nestjs/swagger";

import { AUTH_MODE, type AuthMode } from "../auth/caller";
import { ApiErrors, ApiNoContent, ApiPagedResult, ApiResult } from "./openapi";
import { BodyLimit } from "./route-policy";

const ROUTES = { GET: Get, POST: Post, PUT: Put, PATCH: Patch, DELETE: Delete } as const;

export interface EndpointOptions {
    method: keyof typeof ROUTES;
    /** Below the controller's path, e.g. `:id/UpdateContent`; none for the controller's path itself. */
    path?: string;
    /**
     * Who may call: `required` (a valid bearer token, else 401; the default), `optional` (anonymous, or the caller of
     * a valid token), `none` (anonymous; a token is not even looked at).
     */
    auth?: AuthMode;
    /** The success status; the framework's default (201 for POST, else 200) when not given, 204 for `result: "none"`. */
    status?: number;
    summary: string;
    description?: string;
    /**
     * What a success answers: a DTO class (`{result: Dto}`), `[Dto]` (`{result: Dto[]}`), `{ page: Dto }`
     * (`{result: Dto[], pagination}`), `"none"` (204, empty), or nothing when the controller documents it itself
     * (raw responses such as downloads).
     */
    result?: Type<unknown> | [Type<unknown>] | { page: Type<unknown> } | "none";
    /** Description of the success response (default "Success"). */
    resultDescription?: string;
    /** The error statuses it may answer, in the `{error}` envelope (401 with an empty body). */
    errors?: number[];
    /** Largest request body in bytes (route-policy.ts; default 64 KiB) and optionally how many JSON values it may hold. */
    bodyLimit?: number | { bytes: number; jsonValues?: number };
}

/**
 * The options every route on one of the caller's records shares: the record's id in the path (`:id`, or
 * `:id/<action>`) and the errors 400 (a malformed id or input), 401 and 404 (no such record, or not the caller's to see):
 * `@Endpoint({ ...onRecord("PUT", "Cancel"), summary: "...", result: DeletionProcessDto })`.
 */
export function onRecord(method: EndpointOptions["method"], action?: string): Pick<EndpointOptions, "method" | "path" | "errors"> {
    return { method, path: action ? `:id/${action}` : ":id", errors: [400, 401, 404] };
}

/**
 * The options of the route that lists a page of the caller's records: `GET` on the controller's path, answering a page
 * of `dto`, and the errors 400 (a malformed query) and 401: `@Endpoint({ ...pageOf(TokenDto), summary: "..." })`.
 */
export function pageOf(dto: Type<unknown>): Pick<EndpointOptions, "method" | "result" | "errors"> {
    return { method: "GET", result: { page: dto }, errors: [400, 401] };
}

/**
 * One route of a controller in one decorator: HTTP method and path, status, authentication mode, and its OpenAPI
 * operation (summary, description, success envelope, error responses), plus its body limit. The handler's name is the
 * operationId and the clients' function name: a unique verbNoun. Rate limits and quotas stay separate decorators
 * (`@AnonymousRateLimit`, `@EnforceQuota`), as do parameters' decorators.
 *
 * ```ts
 * @Endpoint({ method: "GET", path: ":id", auth: "optional", summary: "Get a token", result: TokenDto, errors: [400, 404] })
 * async getToken(@OptionalCaller() caller: Caller | undefined, @Param() params: TokenIdParams): Promise<TokenDto> {...}
 * ```
 */
export function Endpoint(options: EndpointOptions): MethodDecorator {
    const decorators: MethodDecorator[] = [ROUTES[options.method](options.path)];
    const status = options.result === "none" ? (options.status ?? 204) : options.status;
    if (status !== undefined) decorators.push(HttpCode(status));
    if (options.auth && options.auth !== "required") decorators.push(SetMetadata(AUTH_MODE, options.auth));
    decorators.push(ApiOperation({ summary: options.summary, ...(options.description ? { description: options.description } : {}) }));
    const result = options.result;
    if (result === "none") decorators.push(options.resultDescription ? ApiNoContent(options.resultDescription) : ApiNoContent());
    else if (result && "page" in result) decorators.push(ApiPagedResult(result.page));
    else if (result) decorators.push(ApiResult(result, status ?? (options.method === "POST" ? 201 : 200), options.resultDescription));
    if (options.errors?.length) decorators.push(ApiErrors(...options.errors));
    if (options.bodyLimit !== undefined) {
        const limit = typeof options.bodyLimit === "number" ? { bytes: options.bodyLimit } : options.bodyLimit;
        decorators.push(BodyLimit(limit.bytes, { jsonValues: limit.jsonValues }));
    }
    return applyDecorators(...decorators);
}
