// COPIED from clients/shared by `npm run clients` (tools/openapi/generate-clients.mjs). Do not edit here: edit clients/shared.
import createClient, { type Client } from "openapi-fetch";

import type { components, paths } from "../generated/consumer-api";
import { type CallResult, collect, type ItemOf, paginate, type Pagination, type ResultOf, unwrap } from "./envelope";
import { BackboneError } from "./errors";

export type { components, paths } from "../generated/consumer-api";
/** The schemas of the spec by name, e.g. `Schemas["DeviceDto"]`. */
export type Schemas = components["schemas"];

export type FetchFunction = (request: Request) => Promise<Response>;

export interface BackboneClientOptions {
    /** Where the Backbone is served, e.g. `https://backbone.example.org` (without `/api/v2`). */
    baseUrl: string;
    /** The OAuth client the Backbone operator issued. */
    clientId: string;
    clientSecret: string;
    /** Renew the access token this many seconds before it expires (default 60). */
    renewBeforeExpirySeconds?: number;
    /** The fetch to use (default: the global one). */
    fetch?: FetchFunction;
    /** The clock in milliseconds (default: Date.now), for tests. */
    now?: () => number;
}

interface Session {
    accessToken: string;
    expiresAt: number;
}

const TOKEN_PATH = "/connect/token";

/**
 * A typed client of the Consumer API. `api` is the openapi-fetch client generated from the spec (every path,
 * parameter and body typed); this class adds what the spec cannot: the password-grant login with renewal before
 * expiry and one retry on 401, envelope unwrapping into typed results and BackboneErrors, and paging.
 */
export class BackboneClient {
    readonly api: Client<paths>;
    protected readonly baseUrl: string;
    private readonly baseFetch: FetchFunction;
    private readonly now: () => number;
    private readonly renewBeforeMs: number;
    private credentials?: { username: string; password: string };
    private session?: Session;
    private pendingLogin?: Promise<Session>;

    constructor(private readonly options: BackboneClientOptions) {
        this.baseUrl = options.baseUrl.replace(/\/+$/, "");
        const fetchImpl = options.fetch;
        this.baseFetch = fetchImpl ? (request) => fetchImpl(request) : (request) => globalThis.fetch(request);
        this.now = options.now ?? (() => Date.now());
        this.renewBeforeMs = (options.renewBeforeExpirySeconds ?? 60) * 1000;
        this.api = createClient<paths>({ baseUrl: this.baseUrl, fetch: (request) => this.fetchGenerated(request) });
    }

    /** Logs a device in with the password grant; later calls renew the token with the same credentials when due. */
    async login(username: string, password: string): Promise<void> {
        this.credentials = { username, password };
        this.session = undefined;
        await this.renew();
    }

    /** Forgets the credentials and the token; later calls are anonymous. */
    logout(): void {
        this.credentials = undefined;
        this.session = undefined;
    }

    get isLoggedIn(): boolean {
        return this.credentials !== undefined;
    }

    /** A valid access token (renewed first when it expires soon), or undefined when not logged in. */
    async accessToken(): Promise<string | undefined> {
        if (!this.credentials) return undefined;
        const session = this.session;
        if (session && session.expiresAt - this.renewBeforeMs > this.now()) return session.accessToken;
        return (await this.renew()).accessToken;
    }

    /** The typed `result` of a call; 204 → void; errors → BackboneError. */
    result<D, E>(call: Promise<CallResult<D, E>>): Promise<ResultOf<D>> {
        return unwrap(call);
    }

    /** Iterates all items of a paginated list; `fetchPage` gets the 1-based page number to request. */
    paginate<D extends { result: unknown[]; pagination?: Pagination }, E>(
        fetchPage: (pageNumber: number) => Promise<CallResult<D, E>>
    ): AsyncGenerator<ItemOf<D>, void, undefined> {
        return paginate(fetchPage);
    }

    /** All items of a paginated list in one array. */
    all<D extends { result: unknown[]; pagination?: Pagination }, E>(
        fetchPage: (pageNumber: number) => Promise<CallResult<D, E>>
    ): Promise<Array<ItemOf<D>>> {
        return collect(fetchPage);
    }

    /**
     * Sends a request with the bearer token and retries once with a renewed token on 401. `build` is called again
     * for the retry, so a streamed body can be opened anew instead of being buffered.
     */
    protected async send(build: () => Request | Promise<Request>): Promise<Response> {
        const response = await this.baseFetch(await this.authorize(await build()));
        if (response.status !== 401 || !this.credentials) return response;
        await response.body?.cancel();
        this.session = undefined;
        return await this.baseFetch(await this.authorize(await build()));
    }

    private async authorize(request: Request): Promise<Request> {
        const token = await this.accessToken();
        if (token) request.headers.set("authorization", `Bearer ${token}`);
        return request;
    }

    private fetchGenerated(request: Request): Promise<Response> {
        if (new URL(request.url).pathname.endsWith(TOKEN_PATH)) return this.baseFetch(request);
        const spare = this.credentials ? request.clone() : undefined;
        let first = true;
        return this.send(() => {
            if (first || !spare) {
                first = false;
                return request;
            }
            return spare;
        });
    }

    /** One login at a time; concurrent callers share it. */
    private renew(): Promise<Session> {
        this.pendingLogin ??= this.requestToken().finally(() => {
            this.pendingLogin = undefined;
        });
        return this.pendingLogin;
    }

    private async requestToken(): Promise<Session> {
        const credentials = this.credentials;
        if (!credentials) throw new BackboneError(401, "error.client.notLoggedIn", "Call login() first.");
        const requestedAt = this.now();
        const { data, error, response } = await this.api.POST(TOKEN_PATH, {
            body: {
                grant_type: "password",
                client_id: this.options.clientId,
                client_secret: this.options.clientSecret,
                username: credentials.username,
                password: credentials.password
            },
            bodySerializer: (body) => new URLSearchParams(body as unknown as Record<string, string>).toString(),
            headers: { "content-type": "application/x-www-form-urlencoded" }
        });
        if (!response.ok || !data) throw BackboneError.from(response.status, error);
        this.session = { accessToken: data.access_token, expiresAt: requestedAt + data.expires_in * 1000 };
        return this.session;
    }
}
