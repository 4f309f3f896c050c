import "reflect-metadata";

import type { NestFastifyApplication } from "@nestjs/platform-fastify";
import supertest from "supertest";

import { createDatabase, dropDatabase } from "../../scripts/lib/scratch-database";
import { createApp } from "../../src/app.setup";
import { type BackboneConfig, loadConfig } from "../../src/config/config";
import type { BlobStorage } from "../../src/core/blob-storage/blob-storage";
import { ManualClock } from "../../src/core/clock/clock";
import { AdminListener } from "../../src/core/http/listeners";

export const TEST_CLIENT = { id: "test", secret: "test" };

export interface TestApp {
    app: NestFastifyApplication;
    /** supertest bound to the public listener's server (no network port needed). */
    http: ReturnType<typeof supertest>;
    /** supertest bound to the admin listener's server (Admin API, /metrics). */
    admin: ReturnType<typeof supertest>;
    clock: ManualClock;
    config: BackboneConfig;
    databaseUrl: string;
    /** Base URL when started with `listen: true`. */
    baseUrl?: string;
    /** Base URL of the admin listener when started with `listen: true`. */
    adminBaseUrl?: string;
    close(): Promise<void>;
}

export interface TestAppOptions {
    env?: Record<string, string>;
    listen?: boolean;
    blobStorage?: BlobStorage;
    /** Reuse an existing test database (a second instance on the same data). */
    databaseUrl?: string;
    /** Captures the JSON logs instead of writing them to stdout. */
    logDestination?: NodeJS.WritableStream;
}

/** A fresh database copied from the migrated template; dropped again by close(). */
export async function createTestDatabase(): Promise<{ name: string; url: string }> {
    const adminUrl = process.env.TEST_ADMIN_URL;
    const template = process.env.TEST_TEMPLATE_DB;
    const prefix = process.env.TEST_DB_PREFIX;
    if (!adminUrl || !template || !prefix) throw new Error("test database server not prepared (jest globalSetup)");
    return await createDatabase(adminUrl, prefix, template);
}

/** Boots the whole Backbone on a fresh database, with a manual clock and the `test`/`test` OAuth client. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
    const ownDatabase = options.databaseUrl ? undefined : await createTestDatabase();
    const databaseUrl = options.databaseUrl ?? ownDatabase!.url;
    const config = loadConfig({
        LOG_LEVEL: "silent",
        DATABASE_URL: databaseUrl,
        DATABASE_POOL_SIZE: "5",
        BOOTSTRAP_CLIENT_ID: TEST_CLIENT.id,
        BOOTSTRAP_CLIENT_SECRET: TEST_CLIENT.secret,
        DATA_DIR: `/tmp/backbone-test-${process.pid}`,
        SWAGGER_UI: "false",
        // Every request of a test comes from the same address: rate limits are switched on by the tests about them.
        RATE_LIMIT_ENABLED: "false",
        ...options.env
    });
    const clock = new ManualClock();
    const app = await createApp({ config, databaseUrl, clock, blobStorage: options.blobStorage, logDestination: options.logDestination });
    let baseUrl: string | undefined;
    let adminBaseUrl: string | undefined;
    const adminListener = app.get(AdminListener);
    if (options.listen) {
        await app.listen(0, "127.0.0.1");
        const address = app.getHttpServer().address();
        baseUrl = `http://localhost:${typeof address === "object" && address ? address.port : 0}`;
        adminBaseUrl = `http://localhost:${(await adminListener.listen(0, "127.0.0.1")).port}`;
    } else {
        await app.init();
        await app.getHttpAdapter().getInstance().ready();
    }
    return {
        app,
        http: supertest(app.getHttpServer()),
        admin: supertest(adminListener.server),
        clock,
        config,
        databaseUrl,
        baseUrl,
        adminBaseUrl,
        async close() {
            await app.close();
            if (ownDatabase) await dropDatabase(process.env.TEST_ADMIN_URL!, ownDatabase.name);
        }
    };
}

/**
 * The Backbone for the tests of the enclosing `describe`: started before the first of them (on a fresh database, as
 * `startTestApp`), closed after the last. The returned object is filled in once started, so use it inside tests and hooks.
 */
export function useTestApp(options: TestAppOptions | (() => TestAppOptions) = {}): TestApp {
    const t = {} as TestApp;
    beforeAll(async () => {
        Object.assign(t, await startTestApp(typeof options === "function" ? options() : options));
    });
    afterAll(async () => {
        if ("close" in t) await t.close();
    });
    return t;
}
