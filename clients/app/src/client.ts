import createClient, { type Client } from "openapi-fetch";

import { type CallResult, collect, type ItemOf, paginate, type Pagination, type ResultOf, unwrap } from "./envelope.js";
import { BackboneError } from "./errors.js";
import type { components, paths } from "./generated/consumer-api.js";
import { challengeText, type IdentityKey, publicKeyField, randomDevicePassword, signatureField, WebCryptoIdentityKey } from "./identity.js";

export type { components, paths } from "./generated/consumer-api.js";
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

/**
 * A device to register for an identity: the body of `POST /api/v2/Devices` as the spec has it, without the signed
 * challenge (the client makes it) and with the password optional.
 */
export interface NewDeviceOptions extends Omit<Schemas["RegisterDeviceRequest"], "signedChallenge" | "devicePassword"> {
    /** The device's password (default: a random one, see randomDevicePassword); it is returned, store it. */
    devicePassword?: string;
}

/**
 * The body of `POST /api/v2/Identities` as the spec has it, without what the client fills in (OAuth client, public
 * key, signed challenge, identity version), with the password optional, and with the key and further devices.
 */
export interface CreateIdentityOptions<K extends IdentityKey> extends Omit<
    Schemas["CreateIdentityRequest"],
    "clientId" | "clientSecret" | "identityPublicKey" | "signedChallenge" | "identityVersion" | "devicePassword"
> {
    /** The identity key (default: a new key of the client's kind, WebCrypto here, node:crypto in the Connector client). */
    key?: K;
    /** The first device's password (default: a random one); it is returned, store it. */
    devicePassword?: string;
    /** Further devices to register right away, each with a challenge signed by the identity key. */
    furtherDevices?: NewDeviceOptions[];
}

/** A device's credentials as created: its id, the username to log in with and the password given or generated. */
export type NewDevice<D> = D & { password: string };

export interface CreatedIdentity<K extends IdentityKey> {
    /** The identity's address (`did:e:<domain>:dids:...`). */
    address: string;
    createdAt: string;
    /** The identity key: keep it, it signs the challenges of further devices. */
    key: K;
    /** The first device; the client is logged in with it. */
    device: NewDevice<Schemas["CreatedDeviceDto"]>;
    furtherDevices: Array<NewDevice<Schemas["RegisterDeviceResponse"]>>;
}

interface Session {
    accessToken: string;
    expiresAt: number;
}

const TOKEN_PATH = "/connect/token";

/**
 * A typed client of the Consumer API. `api` is the openapi-fetch client generated from the spec (every path,
 * parameter and body typed); this class adds what the spec cannot: creating an identity (key, signed challenge,
 * devices), the password-grant login with renewal before expiry and one retry on 401, envelope unwrapping into typed
 * results and BackboneErrors, and paging. `K` is the kind of identity key it creates.
 */
export class BackboneClient<K extends IdentityKey = WebCryptoIdentityKey> {
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

    /**
     * Creates an identity the way the official client does and logs its first device in: generates an Ed25519 key
     * (unless one is given), signs a challenge with it, `POST /api/v2/Identities`, then registers the further devices
     * asked for. Any earlier login of this client is dropped first.
     */
    async createIdentity(options: CreateIdentityOptions<K> = {}): Promise<CreatedIdentity<K>> {
        const { key: givenKey, devicePassword, furtherDevices = [], ...fields } = options;
        this.logout();
        const key = givenKey ?? (await this.generateIdentityKey());
        const password = devicePassword ?? randomDevicePassword();
        const created = await this.result(
            this.api.POST("/api/v2/Identities", {
                body: {
                    ...fields,
                    clientId: this.options.clientId,
                    clientSecret: this.options.clientSecret,
                    identityPublicKey: publicKeyField(key.publicKey),
                    devicePassword: password,
                    identityVersion: 1,
                    signedChallenge: await this.signedChallenge(key)
                }
            })
        );
        await this.login(created.device.username, password);
        const devices: CreatedIdentity<K>["furtherDevices"] = [];
        for (const device of furtherDevices) devices.push(await this.createDevice(key, device));
        return {
            address: created.address,
            createdAt: created.createdAt,
            key,
            device: { ...created.device, password },
            furtherDevices: devices
        };
    }

    /** Registers a further device of the logged-in identity (`POST /api/v2/Devices`), proven by the identity key. */
    async createDevice(key: IdentityKey, options: NewDeviceOptions = {}): Promise<NewDevice<Schemas["RegisterDeviceResponse"]>> {
        const { devicePassword, ...fields } = options;
        const password = devicePassword ?? randomDevicePassword();
        const device = await this.result(
            this.api.POST("/api/v2/Devices", {
                body: { ...fields, devicePassword: password, signedChallenge: await this.signedChallenge(key) }
            })
        );
        return { ...device, password };
    }

    /** A new challenge (`POST /api/v2/Challenges`, on behalf of the logged-in device if any) signed with `key`. */
    async signedChallenge(key: IdentityKey): Promise<{ challenge: string; signature: string }> {
        const challenge = await this.result(this.api.POST("/api/v2/Challenges"));
        const text = challengeText(challenge);
        return { challenge: text, signature: await signatureField(key, text) };
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

    /** A new identity key of the client's kind; a client with another kind of key overrides it. */
    protected async generateIdentityKey(): Promise<K> {
        return (await WebCryptoIdentityKey.generate()) as IdentityKey as K;
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
