import { resolve } from "node:path";

import type { BackboneConfig } from "../../config/config";
import type { Logger } from "./logger";

const LABEL_WIDTH = 14;

/** `http://localhost:8080` for a wildcard address, else the address itself (IPv6 in brackets). */
export function listenerUrl(host: string, port: number): string {
    const shown = host === "0.0.0.0" || host === "::" ? "localhost" : host.includes(":") ? `[${host}]` : host;
    return `http://${shown}:${port}`;
}

/** A database URL without its password (for an external database). */
export function withoutPassword(url: string): string {
    const parsed = new URL(url);
    parsed.password = "";
    return parsed.toString();
}

/**
 * The few lines the console shows once the Backbone is up: one per listener, the database, the blob store, then
 * "ready". Each is one log record with the facts as fields (`event`, `url`, ...), so that JSON logs carry them too.
 */
export class StartupSummary {
    constructor(private readonly logger: Logger) {}

    private line(event: string, label: string, text: string, fields: Record<string, unknown> = {}): void {
        this.logger.info({ event, ...fields }, `${label.padEnd(LABEL_WIDTH)}${text}`);
    }

    /** One line per HTTP listener, e.g. `Consumer API  http://localhost:8080  (Swagger UI /docs)`. */
    listener(name: string, host: string, port: number, note?: string): void {
        const url = listenerUrl(host, port);
        this.line("listening", name, `${url}${note ? `  (${note})` : ""}`, { listener: name, url });
    }

    /** The embedded PostgreSQL with its full URL (for `DATABASE_URL=... npm run admin`), or the external one without password. */
    database(config: BackboneConfig, embedded?: { url: string; directory: string }): void {
        if (embedded) {
            this.line("database", "Database", `embedded PostgreSQL ${embedded.url}  (files in ${embedded.directory})`, {
                url: embedded.url,
                embedded: true,
                directory: embedded.directory
            });
        } else if (config.DATABASE_URL) {
            const url = withoutPassword(config.DATABASE_URL);
            this.line("database", "Database", `PostgreSQL ${url}`, { url, embedded: false });
        }
    }

    blobStore(config: BackboneConfig): void {
        if (config.BLOB_STORAGE === "s3") {
            this.line("blobStore", "Blob store", `S3 bucket ${config.S3_BUCKET} at ${config.S3_ENDPOINT}`, {
                storage: "s3",
                bucket: config.S3_BUCKET,
                endpoint: config.S3_ENDPOINT
            });
        } else {
            const dir = resolve(config.BLOB_DIR);
            this.line("blobStore", "Blob store", `filesystem ${dir}`, { storage: "fs", dir });
        }
    }

    ready(version: string, seconds: number): void {
        this.logger.info({ event: "ready", version, seconds }, `Backbone ${version} ready (started in ${seconds.toFixed(1)} s)`);
    }
}
