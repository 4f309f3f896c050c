import "reflect-metadata";

import { createApp } from "./app.setup";
import { ConfigError, loadConfig } from "./config/config";
import { startEmbeddedPostgres } from "./core/database/embedded-postgres";
import { AdminListener } from "./core/http/listeners";

async function main(): Promise<void> {
    let config;
    try {
        config = loadConfig();
    } catch (error) {
        if (error instanceof ConfigError) {
            process.stderr.write(`${error.message}\n`);
            process.exit(1);
        }
        throw error;
    }
    let databaseUrl = config.DATABASE_URL;
    let stopEmbedded: (() => Promise<void>) | undefined;
    if (!databaseUrl) {
        process.stdout.write(`No DATABASE_URL set: starting the embedded PostgreSQL under ${config.DATA_DIR}/postgres\n`);
        const embedded = await startEmbeddedPostgres(config.DATA_DIR, config.EMBEDDED_POSTGRES_PORT);
        databaseUrl = embedded.url;
        stopEmbedded = embedded.stop;
    }
    const app = await createApp({ config, databaseUrl });
    if (stopEmbedded) {
        const stop = stopEmbedded;
        const fastify = app.getHttpAdapter().getInstance();
        fastify.addHook("onClose", async () => await stop());
    }
    await app.listen(config.PORT, config.HOST);
    process.stdout.write(`Backbone listening on http://localhost:${config.PORT} (Swagger UI at /docs)\n`);
    const admin = await app.get(AdminListener).listen(config.ADMIN_PORT, config.ADMIN_HOST);
    process.stdout.write(`Admin listener on ${config.ADMIN_HOST}:${admin.port} (Admin API, /metrics)\n`);
}

main().catch((error: unknown) => {
    process.stderr.write(`Start-up failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
});
