/**
 * Writes the Consumer API's OpenAPI document to openapi/consumer-api.json and the admin surface's to
 * openapi/admin-api.json, built from the code without a database or a listening server. With --check, fails instead
 * when a committed file differs.
 */
import "reflect-metadata";

import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import { NestFactory } from "@nestjs/core";
import type { NestFastifyApplication } from "@nestjs/platform-fastify";

import { AppModule } from "../src/app.module";
import { createFastifyAdapter } from "../src/app.setup";
import { loadConfig } from "../src/config/config";
import { buildAdminOpenApiDocument, buildOpenApiDocument, sortKeys } from "../src/openapi";

async function main(): Promise<void> {
    const check = process.argv.includes("--check");
    const config = loadConfig({ DATABASE_URL: "postgres://unused@127.0.0.1:1/unused", LOG_LEVEL: "silent" });
    const app = await NestFactory.create<NestFastifyApplication>(
        AppModule.forRoot({ config, databaseUrl: config.DATABASE_URL! }),
        createFastifyAdapter(),
        { preview: true, logger: false, abortOnError: false }
    );
    const documents = { "consumer-api.json": buildOpenApiDocument(app), "admin-api.json": buildAdminOpenApiDocument(app) };
    await app.close();
    const dir = join(__dirname, "..", "..", "openapi");
    mkdirSync(dir, { recursive: true });
    let drift = false;
    for (const [name, document] of Object.entries(documents)) {
        const text = `${JSON.stringify(sortKeys(document), null, 2)}\n`;
        const file = join(dir, name);
        if (check) {
            let committed = "";
            try {
                committed = readFileSync(file, "utf8");
            } catch {
                // missing counts as different
            }
            if (committed !== text) {
                process.stderr.write(`openapi/${name} differs from the code: run \`npm run openapi\` and commit the result.\n`);
                drift = true;
            }
            continue;
        }
        writeFileSync(file, text);
        process.stdout.write(`openapi: wrote ${file}\n`);
    }
    if (drift) process.exit(1);
    if (check) process.stdout.write("openapi: committed specs match the code\n");
}

main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
});
