import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { type EmbeddedDatabase, startEmbeddedPostgres } from "../../src/core/database/embedded-postgres";
import { startTestApp, type TestApp } from "./test-app";

/** The PostgreSQL server of one suite, to stop and start again (an outage). */
export interface PrivatePostgres {
    /** Stops the server. */
    stop(): Promise<void>;
    /** Starts it again on the same data directory and port. */
    restart(): Promise<void>;
}

/**
 * The Backbone for the tests of the enclosing `describe`, on a PostgreSQL of its own in a temporary directory
 * (stopping the shared server would break every other suite running at the same time). Both are started before the
 * first test and stopped after the last; the returned app is filled in once started.
 */
export function useTestAppOnPrivatePostgres(name: string): { t: TestApp; postgres: PrivatePostgres } {
    const t = {} as TestApp;
    let dir: string | undefined;
    let database: EmbeddedDatabase | undefined;
    let port = 0;
    beforeAll(async () => {
        dir = mkdtempSync(join(tmpdir(), `backbone-${name}-`));
        database = await startEmbeddedPostgres(dir);
        port = Number(new URL(database.url).port);
        Object.assign(t, await startTestApp({ databaseUrl: database.url }));
    }, 120_000);
    afterAll(async () => {
        if ("close" in t) await t.close().catch(() => undefined);
        await database?.stop().catch(() => undefined);
        if (dir) rmSync(dir, { recursive: true, force: true });
    }, 60_000);
    const postgres: PrivatePostgres = {
        async stop() {
            await database!.stop();
        },
        async restart() {
            database = await startEmbeddedPostgres(dir!, port);
        }
    };
    return { t, postgres };
}
