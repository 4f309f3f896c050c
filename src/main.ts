import "reflect-metadata";

import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";

import type { INestApplication } from "@nestjs/common";

import { createApp } from "./app.setup";
import { type BackboneConfig, ConfigError, loadConfig } from "./config/config";
import { type EmbeddedDatabase, EmbeddedPostgresError, startEmbeddedPostgres } from "./core/database/embedded-postgres";
import { AdminListener } from "./core/http/listeners";
import { createLogger, type Logger } from "./core/logging/logger";
import { StartupSummary } from "./core/logging/startup-summary";
import { tuneHeapForBuffers } from "./core/runtime/heap";

/** A failure the operator can act on: logged as one line, without a stack. */
class StartupError extends Error {}

/**
 * One HTTP listener of the process. Each is probed before anything starts (a taken port is one clear error), started
 * in order once the application exists, shown as one line of the start-up summary and closed on shutdown. A further
 * listener is one more entry in the `listeners` list in main().
 */
interface Listener {
    /** As the summary shows it, e.g. "Consumer API". */
    name: string;
    host: string;
    port: number;
    /** The variable that sets the port, named in the error when it is taken. */
    portVariable: string;
    /** Shown after the URL, e.g. "Swagger UI /docs". */
    note?: string;
    /** Starts listening; resolves to the port it listens on (the chosen one when `port` is 0). */
    listen(app: INestApplication): Promise<number>;
    /** For a listener outside the Nest application; the application's own listener closes with it. */
    close?(): Promise<void>;
}

function version(): string {
    try {
        return (JSON.parse(readFileSync(join(__dirname, "..", "..", "package.json"), "utf8")) as { version: string }).version;
    } catch {
        return "";
    }
}

function isAddressInUse(error: unknown): boolean {
    return (error as NodeJS.ErrnoException | undefined)?.code === "EADDRINUSE";
}

function portInUse(listener: Pick<Listener, "name" | "host" | "port" | "portVariable">): StartupError {
    return new StartupError(
        `Port ${listener.port} (${listener.name}, ${listener.host}) is already in use by another process: stop that process or set ${listener.portVariable} to a free port.`
    );
}

/** Fails with one clear line when another process holds the port, before the database is started. */
async function ensurePortIsFree(listener: Pick<Listener, "name" | "host" | "port" | "portVariable">): Promise<void> {
    if (listener.port === 0) return;
    await new Promise<void>((resolve, reject) => {
        const probe = createServer();
        probe.once("error", (error) => reject(isAddressInUse(error) ? portInUse(listener) : error));
        probe.listen(listener.port, listener.host, () => probe.close(() => resolve()));
    });
}

/** The configuration, or one log line naming each invalid variable and exit code 1. */
function readConfig(): BackboneConfig {
    try {
        return loadConfig();
    } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        const format = process.env.LOG_FORMAT === "json" || process.env.LOG_FORMAT === "pretty" ? process.env.LOG_FORMAT : "auto";
        createLogger({ LOG_LEVEL: "info", LOG_FORMAT: format }).fatal(error.message);
        process.exit(1);
    }
}

async function main(): Promise<void> {
    tuneHeapForBuffers();
    const startedAt = performance.now();
    const config = readConfig();
    const logger = createLogger(config);
    const state: { app?: INestApplication; embedded?: EmbeddedDatabase; listeners: Listener[]; stopping: boolean } = {
        listeners: [],
        stopping: false
    };
    installShutdown(logger, state, config);
    process.on("uncaughtException", (error) => {
        logger.fatal({ err: error }, `Uncaught exception: ${error.message}`);
        process.exit(1);
    });
    process.on("unhandledRejection", (reason) => {
        logger.fatal({ err: reason }, `Unhandled rejection: ${reason instanceof Error ? reason.message : String(reason)}`);
        process.exit(1);
    });

    try {
        // The listeners of this process (see Listener). Their ports are checked before anything else starts.
        const listeners: Listener[] = [
            {
                name: "Consumer API",
                host: config.HOST,
                port: config.PORT,
                portVariable: "PORT",
                note: config.SWAGGER_UI ? "Swagger UI /docs" : undefined,
                listen: async (app) => {
                    await app.listen(config.PORT, config.HOST);
                    const address = app.getHttpServer().address() as { port: number } | string | null;
                    return typeof address === "object" && address ? address.port : config.PORT;
                }
            },
            {
                // Closed together with the application (src/core/http/listeners.ts).
                name: "Admin API",
                host: config.ADMIN_HOST,
                port: config.ADMIN_PORT,
                portVariable: "ADMIN_PORT",
                note: config.ADMIN_API_KEY ? "admin console /, Swagger UI /admin/docs, /metrics" : "/metrics only (ADMIN_API_KEY unset)",
                listen: async (app) => (await app.get(AdminListener).listen(config.ADMIN_PORT, config.ADMIN_HOST)).port
            }
        ];
        for (const listener of listeners) await ensurePortIsFree(listener);

        let databaseUrl = config.DATABASE_URL;
        if (!databaseUrl) {
            state.embedded = await startEmbeddedPostgres(config.DATA_DIR, config.EMBEDDED_POSTGRES_PORT, {
                detached: true,
                // Only the default data folder moves when the postgres user cannot reach it; a configured one is an error.
                mayRelocate: !process.env.DATA_DIR,
                log: (line) => logger.debug({ context: "PostgreSQL" }, line)
            });
            databaseUrl = state.embedded.url;
            if (state.embedded.relocatedBecause) {
                logger.warn(`The embedded PostgreSQL keeps its files in ${state.embedded.directory}: ${state.embedded.relocatedBecause}`);
            }
        }
        if (state.stopping) return;
        const app = await createApp({ config, databaseUrl, logger });
        state.app = app;
        state.listeners = listeners;
        const summary = new StartupSummary(logger);
        for (const listener of listeners) {
            if (state.stopping) return;
            let port: number;
            try {
                port = await listener.listen(app);
            } catch (error) {
                throw isAddressInUse(error) ? portInUse(listener) : error;
            }
            summary.listener(listener.name, listener.host, port, listener.note);
        }
        summary.database(config, state.embedded);
        summary.blobStore(config);
        summary.ready(version(), (performance.now() - startedAt) / 1000);
    } catch (error) {
        if (state.stopping) return;
        if (error instanceof StartupError || error instanceof EmbeddedPostgresError) logger.fatal(error.message);
        else logger.fatal({ err: error }, `Start-up failed: ${error instanceof Error ? error.message : String(error)}`);
        state.stopping = true;
        await stopAll(logger, state);
        process.exit(1);
    }
}

/** Closes the listeners (requests in flight finish, see SHUTDOWN_GRACE_SECONDS), then the app, then the embedded database. */
async function stopAll(
    logger: Logger,
    state: { app?: INestApplication; embedded?: EmbeddedDatabase; listeners: Listener[] }
): Promise<void> {
    try {
        for (const listener of state.listeners) await listener.close?.();
        await state.app?.close();
    } catch (error) {
        logger.error({ err: error }, `Stopping the application failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    await state.embedded?.stop();
}

/**
 * SIGINT (Ctrl-C), SIGTERM and SIGHUP stop the Backbone gracefully and log it; a second signal stops it at once. The
 * embedded database runs in a session of its own, so it is stopped here, after everything that uses it.
 */
function installShutdown(
    logger: Logger,
    state: { app?: INestApplication; embedded?: EmbeddedDatabase; listeners: Listener[]; stopping: boolean },
    config: BackboneConfig
): void {
    const onSignal = (signal: NodeJS.Signals) => {
        if (state.stopping) {
            logger.warn(`${signal} again: stopping at once`);
            process.exit(1);
        }
        state.stopping = true;
        logger.info(
            state.app
                ? `${signal} received: stopping (requests in flight get up to ${config.SHUTDOWN_GRACE_SECONDS} s)`
                : `${signal} received: stopping`
        );
        void stopAll(logger, state).then(() => {
            logger.info("Stopped");
            process.exit(0);
        });
    };
    for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, onSignal);
}

void main();
