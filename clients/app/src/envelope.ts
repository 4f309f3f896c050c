import { BackboneError } from "./errors.js";

/** The pagination of a `{result, pagination}` list; absent when the list fits on one page. */
export interface Pagination {
    pageNumber: number;
    pageSize: number;
    totalPages: number;
    totalRecords: number;
}

/** What an openapi-fetch call resolves to, reduced to what the unwrapping needs. */
export interface CallResult<D, E> {
    data?: D;
    error?: E;
    response: Response;
}

/** The `result` of a success body, or void for operations answered with 204. */
export type ResultOf<D> = [D] extends [never] ? void : [D] extends [undefined] ? void : D extends { result: infer R } ? R : void;

/** The item type of a `{result: T[]}` list body. */
export type ItemOf<D> = D extends { result: Array<infer I> } ? I : never;

/** Throws a BackboneError for an error response; gives the body of a success. */
export async function successBody<D, E>(call: Promise<CallResult<D, E>>): Promise<D | undefined> {
    const { data, error, response } = await call;
    if (!response.ok || error !== undefined) throw BackboneError.from(response.status, error);
    return data;
}

/**
 * Unwraps a call into its typed `result`: `{result}` → result, 204 → void, `{error}` → BackboneError.
 *
 * ```ts
 * const identity = await unwrap(client.api.GET("/api/v2/Identities/Self"));
 * ```
 */
export async function unwrap<D, E>(call: Promise<CallResult<D, E>>): Promise<ResultOf<D>> {
    const { response } = await call;
    const data = await successBody(call);
    if (response.status === 204) return undefined as ResultOf<D>;
    if (data === null || typeof data !== "object" || !("result" in data)) {
        throw new BackboneError(response.status, "error.client.resultUndefined", "The success body has no `result`.");
    }
    return (data as { result: unknown }).result as ResultOf<D>;
}

/** Unwraps a raw fetch Response the same way (for requests built by hand, e.g. streamed uploads). */
export async function unwrapResponse<R = unknown>(response: Response): Promise<R> {
    const text = await response.text();
    let body: unknown = undefined;
    if (text.length > 0) {
        try {
            body = JSON.parse(text);
        } catch {
            body = text;
        }
    }
    if (!response.ok) throw BackboneError.from(response.status, body);
    if (response.status === 204) return undefined as R;
    if (body === null || typeof body !== "object" || !("result" in body)) {
        throw new BackboneError(response.status, "error.client.resultUndefined", "The success body has no `result`.");
    }
    return (body as { result: R }).result;
}

/**
 * Every item of a paginated list, page by page: calls `fetchPage(1)`, then `fetchPage(2)`... while the answer's
 * `pagination` says there are more pages.
 *
 * ```ts
 * for await (const device of paginate((pageNumber) => client.api.GET("/api/v2/Devices", { params: { query: { pageNumber } } }))) { ... }
 * ```
 */
export async function* paginate<D extends { result: unknown[]; pagination?: Pagination }, E>(
    fetchPage: (pageNumber: number) => Promise<CallResult<D, E>>
): AsyncGenerator<ItemOf<D>, void, undefined> {
    for (let pageNumber = 1; ; pageNumber++) {
        const body = await successBody(fetchPage(pageNumber));
        if (!body || !Array.isArray(body.result)) {
            throw new BackboneError(200, "error.client.resultUndefined", "The success body has no `result` list.");
        }
        for (const item of body.result) yield item as ItemOf<D>;
        const pagination = body.pagination;
        if (!pagination || pageNumber >= pagination.totalPages || body.result.length === 0) return;
    }
}

/** All items of a paginated list in one array (see paginate). */
export async function collect<D extends { result: unknown[]; pagination?: Pagination }, E>(
    fetchPage: (pageNumber: number) => Promise<CallResult<D, E>>
): Promise<Array<ItemOf<D>>> {
    const items: Array<ItemOf<D>> = [];
    for await (const item of paginate(fetchPage)) items.push(item);
    return items;
}
