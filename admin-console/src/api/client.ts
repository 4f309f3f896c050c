/**
 * The console's access to the Admin API: the generated types (src/generated/admin-api.ts) with openapi-fetch, the key
 * of the browser session and the anti-forgery flow of the Admin API (GET /api/v1/xsrf sets a cookie and answers a token
 * that unsafe requests carry in X-XSRF-TOKEN).
 */
import createClient, { type Middleware } from "openapi-fetch";

import type { components, paths } from "../generated/admin-api";

export type Schemas = components["schemas"];

const KEY_STORAGE = "backbone-admin-console.key";
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const XSRF_REJECTION = "xsrf-token-may-be-invalid";

/**
 * The generated operations without the anti-forgery header and cookie parameters: the session adds the header, the
 * browser the cookie.
 */
type WithoutSessionParameters<T> = {
    [P in keyof T]: {
        [M in keyof T[P]]: T[P][M] extends { parameters: infer Params }
            ? Omit<T[P][M], "parameters"> & { parameters: Omit<Params, "header" | "cookie"> & { header?: never; cookie?: never } }
            : T[P][M];
    };
};

/** A request the Admin API refused or could not answer, with what the console shows of it. */
export class AdminApiError extends Error {
    constructor(
        readonly status: number,
        message: string,
        readonly code?: string
    ) {
        super(message);
        this.name = "AdminApiError";
    }
}

/** The key is missing or no longer accepted (401): the console goes back to its login. */
export class NotAuthenticatedError extends AdminApiError {
    constructor() {
        super(401, "The API key was not accepted.");
        this.name = "NotAuthenticatedError";
    }
}

type Listener = () => void;

/** The key of this browser session (sessionStorage: gone when the tab or browser closes) and the anti-forgery token. */
class Session {
    private key: string | null = sessionStorage.getItem(KEY_STORAGE);
    private xsrfToken: Promise<string> | undefined;
    private readonly listeners = new Set<Listener>();
    /** Why the last session ended, for the login page. */
    endedBecause: string | undefined;

    get apiKey(): string | null {
        return this.key;
    }

    subscribe(listener: Listener): () => void {
        this.listeners.add(listener);
        return () => this.listeners.delete(listener);
    }

    private changed(): void {
        for (const listener of this.listeners) listener();
    }

    /** The anti-forgery token that goes with this browser's cookie (fetched once, again after a rejection). */
    antiForgeryToken(): Promise<string> {
        this.xsrfToken ??= fetch("/api/v1/xsrf", { credentials: "same-origin", cache: "no-store" }).then(async (response) => {
            if (!response.ok) {
                this.xsrfToken = undefined;
                throw new AdminApiError(response.status, `The anti-forgery token could not be fetched (HTTP ${response.status}).`);
            }
            return await response.text();
        });
        return this.xsrfToken;
    }

    forgetAntiForgeryToken(): void {
        this.xsrfToken = undefined;
    }

    /** Checks the key with POST /api/v1/ValidateApiKey and keeps it for the browser session when it is valid. */
    async logIn(key: string): Promise<boolean> {
        const { isValid } = await call(() => api.POST("/api/v1/ValidateApiKey", { body: { apiKey: key } }));
        if (!isValid) return false;
        sessionStorage.setItem(KEY_STORAGE, key);
        this.key = key;
        this.endedBecause = undefined;
        this.changed();
        return true;
    }

    logOut(reason?: string): void {
        sessionStorage.removeItem(KEY_STORAGE);
        this.key = null;
        this.endedBecause = reason;
        this.changed();
    }
}

export const session = new Session();

const sessionMiddleware: Middleware = {
    async onRequest({ request }) {
        if (session.apiKey) request.headers.set("x-api-key", session.apiKey);
        if (!SAFE_METHODS.has(request.method)) request.headers.set("x-xsrf-token", await session.antiForgeryToken());
        return request;
    }
};

/** The typed Admin API client (same origin: the admin listener serves the console and the API). */
export const api = createClient<WithoutSessionParameters<paths>>({ baseUrl: "", credentials: "same-origin" });
api.use(sessionMiddleware);

interface Outcome<D> {
    data?: D;
    error?: unknown;
    response: Response;
}

function messageOf(status: number, error: unknown): { message: string; code?: string } {
    if (error && typeof error === "object") {
        const envelope = (error as { error?: { message?: unknown; code?: unknown } }).error;
        if (envelope && typeof envelope.message === "string") {
            return { message: envelope.message, code: typeof envelope.code === "string" ? envelope.code : undefined };
        }
        const problem = error as { detail?: unknown; title?: unknown };
        if (typeof problem.detail === "string") return { message: problem.detail };
        if (typeof problem.title === "string") return { message: problem.title };
    }
    if (status === 404) return { message: "Not found." };
    return { message: `The request failed (HTTP ${status}).` };
}

function isAntiForgeryRejection(outcome: Outcome<unknown>): boolean {
    return outcome.response.status === 400 && (outcome.error as { detail?: unknown } | undefined)?.detail === XSRF_REJECTION;
}

/**
 * Runs one Admin API request and returns its body; a refused anti-forgery token is fetched again and the request
 * repeated once. Throws NotAuthenticatedError on 401 (after ending the session) and AdminApiError on other failures.
 */
export async function call<D>(run: () => Promise<Outcome<D>>): Promise<D> {
    let outcome = await run();
    if (isAntiForgeryRejection(outcome)) {
        session.forgetAntiForgeryToken();
        outcome = await run();
    }
    if (outcome.response.status === 401) {
        if (session.apiKey) session.logOut("The API key is no longer accepted. Enter the current key.");
        throw new NotAuthenticatedError();
    }
    if (!outcome.response.ok) {
        const { message, code } = messageOf(outcome.response.status, outcome.error);
        throw new AdminApiError(outcome.response.status, message, code);
    }
    return outcome.data as D;
}

/** Like call(), for the `{result}` envelope: returns the result. */
export async function result<R>(run: () => Promise<Outcome<{ result: R }>>): Promise<R> {
    return (await call(run)).result;
}

/** Quotes a string for an OData $filter literal. */
export function odataString(value: string): string {
    return `'${value.replace(/'/g, "''")}'`;
}
