import { LokiJsConnection } from "@js-soft/docdb-access-loki";
import { EventEmitter2EventBus } from "@js-soft/ts-utils";
import { AccountController, type DeviceSharedSecret, Transport } from "@nmshd/transport";

import { startTestApp, TEST_CLIENT, type TestApp } from "../support/test-app";

const silent = { trace() {}, debug() {}, info() {}, warn() {}, error() {}, fatal() {} };

/**
 * The published official client library (`@nmshd/transport`, with in-memory LokiJS storage) pointed at a Backbone
 * that the test starts on a free port. Every account is a device of an identity, as in the Enmeshed App.
 */
export class OfficialClientWorld {
    private readonly accounts: AccountController[] = [];
    private constructor(
        readonly backbone: TestApp,
        readonly transport: Transport,
        private readonly connection: LokiJsConnection
    ) {}

    static async start(env: Record<string, string> = {}): Promise<OfficialClientWorld> {
        const backbone = await startTestApp({ listen: true, env });
        const transport = new Transport(
            {
                baseUrl: backbone.baseUrl!,
                platformClientId: TEST_CLIENT.id,
                platformClientSecret: TEST_CLIENT.secret,
                supportedIdentityVersion: 1,
                datawalletEnabled: true
            },
            new EventEmitter2EventBus(() => undefined),
            { getLogger: () => silent } as never
        );
        await transport.init();
        return new OfficialClientWorld(backbone, transport, LokiJsConnection.inMemory());
    }

    private databaseCounter = 0;

    /** A new identity (challenge, identity, login, datawallet), or a new device of one when given its shared secret. */
    async account(secret?: DeviceSharedSecret): Promise<AccountController> {
        const db = await this.connection.getDatabase(`account-${++this.databaseCounter}`);
        const account = await new AccountController(this.transport, db, this.transport.config).init(secret);
        this.accounts.push(account);
        return account;
    }

    async close(): Promise<void> {
        for (const account of this.accounts) await account.close().catch(() => undefined);
        await this.connection.close();
        await this.backbone.close();
    }
}

/** Syncs until the predicate holds on what arrived, or fails after `attempts`. */
export async function syncUntil<T>(
    account: AccountController,
    predicate: (changes: Awaited<ReturnType<AccountController["syncEverything"]>>[]) => T | undefined | false,
    attempts = 20
): Promise<T> {
    const seen: Array<Awaited<ReturnType<AccountController["syncEverything"]>>> = [];
    for (let i = 0; i < attempts; i++) {
        seen.push(await account.syncEverything());
        const result = predicate(seen);
        if (result) return result;
        await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`nothing arrived after ${attempts} syncs`);
}

/**
 * The official client world for the tests of the enclosing `describe`: started before the first of them, closed after
 * the last. The returned object stands for the started world, so use it inside tests and hooks.
 */
export function useOfficialClientWorld(env: Record<string, string> = {}): OfficialClientWorld {
    let world: OfficialClientWorld | undefined;
    beforeAll(async () => {
        world = await OfficialClientWorld.start(env);
    });
    afterAll(async () => await world?.close());
    return new Proxy({} as OfficialClientWorld, {
        get(_target, property) {
            if (!world) throw new Error("the official client world is used before it started");
            const value: unknown = Reflect.get(world, property, world);
            return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(world) : value;
        }
    });
}
