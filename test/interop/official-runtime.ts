import { LokiJsConnection } from "@js-soft/docdb-access-loki";
import type { Result } from "@js-soft/ts-utils";
import { ConsumptionController } from "@nmshd/consumption";
import type { ICoreAddress } from "@nmshd/core-types";
import {
    type ModuleConfiguration,
    Runtime,
    type RuntimeConfig,
    type RuntimeHealth,
    RuntimeModule,
    type RuntimeServices
} from "@nmshd/runtime";
import { AccountController } from "@nmshd/transport";
import axios from "axios";
import { EventSource } from "eventsource";

import { TEST_CLIENT } from "../support/test-app";

type LoggerFactory = ConstructorParameters<typeof Runtime>[1];
type Logger = ReturnType<LoggerFactory["getLogger"]>;

/** Loggers that keep quiet but write down what was logged as an error, with the name of the logging component. */
function errorRecordingLoggers(errors: string[]): LoggerFactory {
    const describe = (message: unknown) =>
        message instanceof Error ? message.message : typeof message === "string" ? message : JSON.stringify(message);
    return {
        getLogger(name) {
            const component = typeof name === "string" ? name : name.name;
            const record = (...messages: unknown[]) => errors.push(`${component}: ${messages.map(describe).join(" ")}`);
            return { trace() {}, debug() {}, info() {}, warn() {}, error: record, fatal: record } satisfies Logger;
        }
    };
}

/** Where the stream of the official Connector's SSE module is opened, relative to the Backbone's base URL. */
const CONNECTOR_SSE_PATH = "/api/v1/sse";

/**
 * The published official runtime (`@nmshd/runtime`, the core of the official Connector) as an organisation runs it:
 * one identity per runtime, in-memory LokiJS storage, the built-in modules a Connector switches on (decider, request,
 * notification, message) and, like the Connector, a module that follows the Backbone's event stream and a health
 * report that asks the Backbone's `GET /health` and logs in.
 */
export class ConnectorRuntime extends Runtime {
    private connection?: LokiJsConnection;
    private account?: AccountController;
    private services?: RuntimeServices;

    /** What the runtime, its modules and its event buses logged as errors (a Connector would write them to its log). */
    readonly loggedErrors: string[];

    constructor(baseUrl: string) {
        const loggedErrors: string[] = [];
        const config: RuntimeConfig = {
            transportLibrary: { baseUrl, platformClientId: TEST_CLIENT.id, platformClientSecret: TEST_CLIENT.secret },
            modules: {
                decider: { enabled: true, location: "@nmshd/runtime:DeciderModule" },
                request: { enabled: true, location: "@nmshd/runtime:RequestModule" },
                notification: { enabled: true, location: "@nmshd/runtime:NotificationModule" },
                message: { enabled: true, location: "@nmshd/runtime:MessageModule" },
                sse: { enabled: true, location: "sse" }
            }
        };
        super(config, errorRecordingLoggers(loggedErrors));
        this.loggedErrors = loggedErrors;
    }

    /**
     * A runtime that is initialised, logged in with a new identity and started. Runtimes share one dependency container
     * per process: start them one after the other, never concurrently.
     */
    static async launch(baseUrl: string): Promise<ConnectorRuntime> {
        const runtime = new ConnectorRuntime(baseUrl);
        await runtime.init();
        await runtime.start();
        return runtime;
    }

    get baseUrl(): string {
        return this.runtimeConfig.transportLibrary.baseUrl;
    }

    get address(): string {
        if (!this.account) throw new Error("the runtime has no identity yet");
        return this.account.identity.address.toString();
    }

    /** The module following the Backbone's event stream. */
    get sse(): SseFollower {
        const module = this.modules.toArray().find((candidate): candidate is SseFollower => candidate instanceof SseFollower);
        if (!module) throw new Error("the runtime has no event stream module");
        return module;
    }

    getServices(address?: string | ICoreAddress): RuntimeServices {
        if (!this.services) throw new Error("the runtime is not logged in");
        const asked = address === undefined ? undefined : typeof address === "string" ? address : address.address;
        if (asked !== undefined && asked !== this.address) throw new Error(`this runtime holds ${this.address}, not ${asked}`);
        return this.services;
    }

    /** The access token the runtime currently uses towards the Backbone (what the Connector hands its SSE module). */
    async getBackboneAuthenticationToken(): Promise<string> {
        if (!this.account) throw new Error("the runtime has no identity yet");
        return await this.account.authenticator.getToken();
    }

    protected async createDatabaseConnection(): Promise<LokiJsConnection> {
        this.connection = LokiJsConnection.inMemory();
        return this.connection;
    }

    protected async initAccount(): Promise<void> {
        const db = await this.databaseConnection.getDatabase("connector");
        this.account = await new AccountController(this.transport, db, this.transport.config).init();
        const consumption = await new ConsumptionController(this.transport, this.account, {
            setDefaultOwnIdentityAttributes: false
        }).init();
        this.services = await this.login(this.account, consumption);
    }

    /** As the Connector's health report: the Backbone answers `GET /health`, and a fresh login succeeds. */
    async getHealth(): Promise<RuntimeHealth> {
        const backboneConnection = await axios
            .create({ baseURL: this.baseUrl, proxy: false })
            .get("/health")
            .then(() => true)
            .catch(() => false);
        const backboneAuthentication = await this.freshLogin();
        const word = (healthy: boolean) => (healthy ? "healthy" : "unhealthy");
        return {
            isHealthy: backboneConnection && backboneAuthentication,
            services: { backboneConnection: word(backboneConnection), backboneAuthentication: word(backboneAuthentication) }
        };
    }

    /** Logs in once more with a copy of the authenticator, so the token in use is left alone. */
    private async freshLogin(): Promise<boolean> {
        const authenticator = this.account!.authenticator;
        const copy = Object.assign(Object.create(Object.getPrototypeOf(authenticator)) as object, authenticator) as typeof authenticator;
        copy.clear();
        return await copy
            .getToken()
            .then(() => true)
            .catch(() => false);
    }

    protected async loadModule(configuration: ModuleConfiguration): Promise<void> {
        if (configuration.location !== "sse") throw new Error(`no module at '${configuration.location}'`);
        this.modules.add(new SseFollower(this, configuration, this.loggerFactory.getLogger(SseFollower)));
    }

    async close(): Promise<void> {
        if (this.isStarted) await this.stop();
        await this.connection?.close();
    }
}

/**
 * What the official Connector's SSE module does: sync once, open `GET {baseUrl}/api/v1/sse` with the runtime's current
 * access token as bearer token (asked for each time the stream connects), and run a full sync on every
 * `ExternalEventCreated` and on every reconnect. Records what it saw, so tests can tell the stream did the work.
 */
export class SseFollower extends RuntimeModule<ModuleConfiguration, ConnectorRuntime> {
    private source?: EventSource;
    /** When each `ExternalEventCreated` arrived (ms since the epoch). */
    readonly externalEventsAt: number[] = [];
    /** Syncs this module ran, and the ones that failed. */
    syncs = 0;
    readonly failedSyncs: string[] = [];
    private running: Promise<void> = Promise.resolve();

    init(): void {}

    async start(): Promise<void> {
        await this.sync();
        const url = `${this.runtime.baseUrl}${CONNECTOR_SSE_PATH}`;
        const source = new EventSource(url, {
            fetch: async (input, init) => {
                const token = await this.runtime.getBackboneAuthenticationToken();
                return await fetch(input, { ...init, headers: { ...init.headers, authorization: `Bearer ${token}` } });
            }
        });
        this.source = source;
        source.addEventListener("ExternalEventCreated", () => {
            this.externalEventsAt.push(Date.now());
            this.running = this.running.then(() => this.sync());
        });
        await new Promise<void>((resolve, reject) => {
            source.onopen = () => resolve();
            source.onerror = (error) => reject(new Error(`the event stream could not be opened: ${error.message ?? error.code}`));
        });
        source.onopen = () => {
            this.running = this.running.then(() => this.sync());
        };
        source.onerror = () => undefined;
    }

    /** Waits for the syncs the stream has triggered so far. */
    async settled(): Promise<void> {
        await this.running;
    }

    private async sync(): Promise<void> {
        this.syncs++;
        try {
            const result = await this.runtime.getServices().transportServices.account.syncEverything();
            if (result.isError) this.failedSyncs.push(`${result.error.code}: ${result.error.message}`);
        } catch (error) {
            this.failedSyncs.push(String(error));
        }
    }

    override async stop(): Promise<void> {
        this.source?.close();
        await this.running;
    }
}

/** The value of a successful use case, or a failure that names the runtime's error code and message. */
export function ok<T>(result: Result<T>): T {
    if (result.isError) throw new Error(`${result.error.code}: ${result.error.message}`);
    return result.value;
}

/** Polls `probe` until it returns something truthy (without syncing), or fails after `timeoutMs`. */
export async function eventually<T>(probe: () => Promise<T | undefined | false>, what: string, timeoutMs = 10_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
        const found = await probe();
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 25));
    }
}

/** Syncs the runtime (as the Connector's `POST /api/v2/Account/Sync` does) until `probe` holds on its local state. */
export async function syncUntil<T>(runtime: ConnectorRuntime, probe: () => Promise<T | undefined | false>, what: string): Promise<T> {
    return await eventually(async () => {
        ok(await runtime.getServices().transportServices.account.syncEverything());
        return await probe();
    }, what);
}
