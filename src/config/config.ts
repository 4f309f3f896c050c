import { CronTime } from "cron";
import { z } from "zod";

const bool = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/**
 * Every setting of the Backbone, read from environment variables. Defaults describe the embedded,
 * zero-configuration run; production sets DATABASE_URL, the S3 settings and DID_DOMAIN.
 */
export const configSchema = z.object({
    /** TCP port of the Consumer API, the OAuth token endpoint, the Swagger UI and the health routes. */
    PORT: int(0, 65535).default(8080),
    /** Address the HTTP listener binds to (`0.0.0.0`: every interface). */
    HOST: z.string().min(1).default("0.0.0.0"),
    /** Port of the admin listener: the Admin API (/api/v1, /odata), its OpenAPI document and Swagger UI, /metrics. */
    ADMIN_PORT: int(0, 65535).default(8081),
    /**
     * Listen address of the admin listener. Loopback by default, so that a Backbone started on a workstation or a
     * host exposes its admin port to nobody; a container sets 0.0.0.0 and keeps the port private instead (no
     * published port, a ClusterIP service only the operators' tools reach).
     */
    ADMIN_HOST: z.string().min(1).default("127.0.0.1"),
    /**
     * Which proxies may set `X-Forwarded-For` (the client address used by rate limits and logs): `false` (none), `true`
     * (any: only when nothing but the load balancer can reach the Backbone), a number of proxy hops, or a
     * comma-separated list of proxy addresses or CIDR ranges. See docs/operations.md.
     */
    TRUST_PROXY: z
        .string()
        .regex(/^(true|false|\d{1,2}|[0-9a-fA-F:./]+(,[0-9a-fA-F:./]+)*)$/, "must be true, false, a number of hops or a list of addresses")
        .default("false")
        .transform((v): boolean | number | string => (v === "true" ? true : v === "false" ? false : /^\d+$/.test(v) ? Number(v) : v)),
    /**
     * Least severe level that is logged. At `info` the console shows a short start-up summary and one line per request;
     * `debug` adds the framework's module and route mapping lines.
     */
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    /**
     * `pretty`: human-readable lines (coloured where the terminal supports it); `json`: one JSON object per line, for log
     * collectors; `auto`: `pretty` when stdout is a terminal, else `json`.
     */
    LOG_FORMAT: z.enum(["auto", "pretty", "json"]).default("auto"),
    /**
     * `postgres://user:password@host:5432/database` of an external PostgreSQL. Unset: an embedded PostgreSQL is started
     * under `DATA_DIR`.
     * @default unset: embedded PostgreSQL
     */
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
    /** Database connections per instance. */
    DATABASE_POOL_SIZE: int(1, 500).default(20),
    /**
     * Keep the statements of the hot paths prepared on each connection, so that PostgreSQL parses and plans them once
     * instead of on every request. Set `false` behind a connection pooler in transaction mode that cannot keep
     * prepared statements (PgBouncer before 1.21, or without `max_prepared_statements`).
     */
    DATABASE_PREPARED_STATEMENTS: bool.default(true),
    /**
     * Where the embedded PostgreSQL (`DATA_DIR/postgres`) and the filesystem blob store (`DATA_DIR/blobs`) keep their
     * data.
     */
    DATA_DIR: z.string().min(1).default("./data"),
    /** Port of the embedded PostgreSQL on the loopback interface; `0` takes a free port (printed at start-up). */
    EMBEDDED_POSTGRES_PORT: int(0, 65535).default(0),
    /**
     * Domain of identity addresses (`did:e:<domain>:dids:...`). Must equal the host name clients use in their Backbone
     * URL: the official client derives the address itself and refuses a different one.
     */
    DID_DOMAIN: z
        .string()
        .min(3)
        .max(45)
        .regex(/^(?:[a-z0-9-]+\.)*[a-z]{2,}$/, "must be a lower-case host name such as localhost or backbone.example.org")
        .default("localhost"),
    /**
     * Key (at least 32 characters) that signs access tokens. Unset: a random key is generated once and kept in the
     * database, so all instances sharing the database accept each other's tokens.
     * @default unset: generated
     */
    JWT_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    /** Lifetime of access tokens. */
    JWT_LIFETIME_SECONDS: int(60, 3600).default(300),
    /**
     * Id of an OAuth client that is ensured at start-up (e.g. `test` for local use and tests); set together with
     * `BOOTSTRAP_CLIENT_SECRET`.
     */
    BOOTSTRAP_CLIENT_ID: z.string().min(1).max(200).optional(),
    /** Secret of the bootstrap client; a changed value replaces the stored one at the next start. */
    BOOTSTRAP_CLIENT_SECRET: z.string().min(1).max(200).optional(),
    /**
     * On a start with no OAuth client in the database and no bootstrap client configured, create one and print its id and
     * secret once on the console.
     */
    CREATE_DEFAULT_CLIENT: bool.default(true),
    /** Consecutive failed logins that lock a device out. */
    LOGIN_MAX_FAILED_ATTEMPTS: int(1, 100).default(3),
    /** Length of that lockout. */
    LOGIN_LOCKOUT_MINUTES: int(1, 1440).default(10),
    /**
     * `strong`: device passwords need at least 10 characters with upper and lower case letters, a digit and a symbol (as
     * the official production Backbone); `relaxed`: any non-empty password.
     */
    PASSWORD_POLICY: z.enum(["strong", "relaxed"]).default("strong"),
    /** Page size when a list request names none. */
    PAGINATION_DEFAULT_PAGE_SIZE: int(1, 1000).default(50),
    /** Larger requested page sizes are refused with `error.platform.validation.pagination.invalidPageSize`. */
    PAGINATION_MAX_PAGE_SIZE: int(1, 1000).default(200),
    /** Where file contents are kept: `fs` (files under `BLOB_DIR`) or `s3` (any S3-compatible store, e.g. MinIO). */
    BLOB_STORAGE: z.enum(["fs", "s3"]).default("fs"),
    /**
     * Folder of the filesystem blob store.
     * @default `$DATA_DIR/blobs`
     */
    BLOB_DIR: z.string().min(1).optional(),
    /** URL of the S3 endpoint, e.g. `http://minio:9000`; required for `BLOB_STORAGE=s3`. */
    S3_ENDPOINT: z.url().optional(),
    /** Bucket of the file contents; created on first use if missing. */
    S3_BUCKET: z.string().min(3).max(63).default("backbone"),
    /** S3 access key; required for `BLOB_STORAGE=s3`. */
    S3_ACCESS_KEY: z.string().min(1).optional(),
    /** S3 secret key; required for `BLOB_STORAGE=s3`. */
    S3_SECRET_KEY: z.string().min(1).optional(),
    /** Region of the S3 bucket. */
    S3_REGION: z.string().min(1).default("us-east-1"),
    /** Part size of multipart uploads to S3; bounds the memory one upload takes. */
    S3_PART_SIZE_MB: int(5, 512).default(8),
    /** How long the S3 client waits for a connection to S3 before the request fails (the blob store counts as unavailable). */
    S3_CONNECT_TIMEOUT_SECONDS: int(1, 300).default(3),
    /**
     * How long the S3 client waits while S3 neither sends nor accepts a byte (for its answer, or within a transfer)
     * before the request fails. A download's body is paced by the downloading client and has no such limit.
     */
    S3_REQUEST_TIMEOUT_SECONDS: int(1, 3600).default(10),
    /**
     * How old an unfinished write to the blob store may get: temporary files of the filesystem store (by their last
     * write) and unfinished S3 multipart uploads (by their start) that are older were left by a crash or a lost client
     * and are removed at start-up and by housekeeping. Keep it above the duration of the slowest legitimate upload.
     */
    BLOB_UNFINISHED_UPLOAD_MAX_AGE_MINUTES: int(1, 525_600).default(360),
    /** Largest accepted file content (cipher) in bytes; the wire contract's 10 MiB by default. */
    FILE_MAX_SIZE_BYTES: int(1, 1024 ** 4).default(10 * 1024 * 1024),
    /** Serve the Swagger UI at `/docs` and the spec at `/docs/openapi.json`. */
    SWAGGER_UI: bool.default(true),
    /**
     * Browser origins that may call the API (CORS): `*` for any, or a comma-separated list of origins such as
     * `https://app.example.org,http://localhost:4200`. Unset, no CORS headers are sent and preflights are not answered.
     * @default unset: no CORS
     */
    CORS_ORIGINS: z
        .string()
        .regex(
            /^(\*|[a-z][a-z0-9+.-]*:\/\/[^\s,/]+(,[a-z][a-z0-9+.-]*:\/\/[^\s,/]+)*)$/,
            "must be * or a comma-separated list of origins such as https://app.example.org"
        )
        .transform((v): "*" | string[] => (v === "*" ? "*" : v.split(",")))
        .optional(),
    /** Whether browsers may send credentials (cookies, HTTP authentication) with cross-origin requests. */
    CORS_ALLOW_CREDENTIALS: bool.default(false),
    /**
     * JSON file `{supportedLanguages, tagsForAttributeValueTypes}` served by `GET /api/v2/Tags`.
     * @default unset: no tags
     */
    TAGS_FILE: z.string().min(1).optional(),
    /**
     * JSON file `{"<oauth client id>": [{title, description, truncatedReference}]}` for `GET
     * /api/poc/PublicRelationshipTemplateReferences`.
     * @default unset: none
     */
    PUBLIC_RELATIONSHIP_TEMPLATE_REFERENCES_FILE: z.string().min(1).optional(),
    /**
     * Comma-separated app ids for `/.well-known/apple-app-site-association`.
     * @default unset: 404
     */
    WELL_KNOWN_APPLE_APP_IDS: z.string().min(1).optional(),
    /**
     * Package name for `/.well-known/assetlinks.json` (with `WELL_KNOWN_ANDROID_FINGERPRINTS`).
     * @default unset: 404
     */
    WELL_KNOWN_ANDROID_PACKAGE: z.string().min(1).optional(),
    /**
     * Comma-separated SHA-256 certificate fingerprints for `/.well-known/assetlinks.json`.
     * @default unset: 404
     */
    WELL_KNOWN_ANDROID_FINGERPRINTS: z.string().min(1).optional(),
    /**
     * Firebase Cloud Messaging: the service-account JSON file (set together with `PUSH_FCM_APP_IDS`). Without FCM and APNs
     * settings push notifications are only logged.
     * @default unset: log only
     */
    PUSH_FCM_SERVICE_ACCOUNT_FILE: z.string().min(1).optional(),
    /** Comma-separated app ids that FCM serves. */
    PUSH_FCM_APP_IDS: z
        .string()
        .regex(/^[^,\s]+(,[^,\s]+)*$/, "must be a comma-separated list of app ids")
        .optional(),
    /**
     * Apple Push Notification service: the `.p8` token key (set together with the other `PUSH_APNS_*`).
     * @default unset: log only
     */
    PUSH_APNS_KEY_FILE: z.string().min(1).optional(),
    /** Key id of the APNs token key. */
    PUSH_APNS_KEY_ID: z.string().min(1).max(20).optional(),
    /** Apple team id of the APNs token key. */
    PUSH_APNS_TEAM_ID: z.string().min(1).max(20).optional(),
    /** Comma-separated bundle ids that APNs serves. */
    PUSH_APNS_APP_IDS: z
        .string()
        .regex(/^[^,\s]+(,[^,\s]+)*$/, "must be a comma-separated list of bundle ids")
        .optional(),
    /** Time a client has to send the complete request headers; slower connections are closed (slow-loris). */
    HTTP_HEADERS_TIMEOUT_SECONDS: int(1, 3600).default(10),
    /** Time a client has to send a whole request, headers and body (a 20 MiB body at 1 Mbit/s takes ~170 s). */
    HTTP_REQUEST_TIMEOUT_SECONDS: int(1, 3600).default(300),
    /** How long an idle keep-alive connection stays open; above the usual 60 s of load balancers. */
    HTTP_KEEP_ALIVE_TIMEOUT_SECONDS: int(1, 3600).default(72),
    /** A connection without any traffic for this long is closed; above the 20 s heartbeat of event streams. */
    HTTP_IDLE_TIMEOUT_SECONDS: int(30, 86_400).default(120),
    /** Most connections one instance holds open at once (event streams included); further ones are refused. */
    HTTP_MAX_CONNECTIONS: int(1, 1_000_000).default(10_000),
    /** Most server-sent event streams one device may have open on one instance; a further one is answered 429. */
    SSE_MAX_STREAMS_PER_DEVICE: int(1, 100).default(5),
    /**
     * On SIGTERM/SIGINT, how long requests in flight may take before their connections are cut; keep the orchestrator's
     * termination grace period above it.
     */
    SHUTDOWN_GRACE_SECONDS: int(0, 3600).default(25),
    /**
     * The key every Admin API request carries in the `X-API-KEY` header (the admin listener's `/api/v1` and `/odata`
     * routes; at least 16 characters). Unset: those routes answer 404 and the admin listener serves only `/metrics`.
     * @default unset: no Admin API
     */
    ADMIN_API_KEY: z.string().min(16, "must be at least 16 characters").max(500).optional(),
    /** Serve Prometheus metrics at `GET /metrics`. */
    METRICS_ENABLED: bool.default(true),
    /** Run the housekeeping job on this instance (each job takes an advisory lock, so several instances may run it). */
    HOUSEKEEPING_ENABLED: bool.default(true),
    /** When the housekeeping job runs (cron expression, UTC). */
    HOUSEKEEPING_CRON: z
        .string()
        .min(9)
        .max(100)
        .regex(/^\S+( \S+){4,5}$/, "must be a cron expression with 5 or 6 fields, e.g. '0 1 * * *'")
        .default("0 1 * * *"),
    /** Records the housekeeping job deletes per batch. */
    HOUSEKEEPING_BATCH_SIZE: int(1, 100_000).default(1000),
    /** Most batches per job and run. */
    HOUSEKEEPING_MAX_BATCHES: int(1, 1_000_000).default(1000),
    /** Limit the anonymous endpoints per client address (see Rate limits). */
    RATE_LIMIT_ENABLED: bool.default(true),
    /**
     * Where rate-limit counters live: `memory` (one instance), `postgres` (an UNLOGGED table, shared by all instances) or
     * `redis` (`REDIS_URL`).
     */
    RATE_LIMIT_STORAGE: z.enum(["memory", "postgres", "redis"]).default("memory"),
    /**
     * `redis://` or `rediss://` URL of the Redis that keeps the rate-limit counters; required for
     * `RATE_LIMIT_STORAGE=redis`.
     */
    REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
    /** Length of a rate-limit window. */
    RATE_LIMIT_WINDOW_SECONDS: int(1, 86_400).default(60),
    /** `POST /api/v2/Challenges` per client address and window. */
    RATE_LIMIT_CHALLENGES: int(1, 1_000_000).default(60),
    /** `POST /api/v2/Identities` per client address and window. */
    RATE_LIMIT_IDENTITIES: int(1, 1_000_000).default(20),
    /** `POST /connect/token` per client address and window. */
    RATE_LIMIT_CONNECT_TOKEN: int(1, 1_000_000).default(120),
    /**
     * Anonymous `POST /api/v2/Tokens` and `GET /api/v2/Tokens/{id}` per client address and window (callers with a bearer
     * token are limited by the `NumberOfTokens` quota instead).
     */
    RATE_LIMIT_TOKENS: int(1, 1_000_000).default(60),
    /**
     * Most recipients one message may have (the official Backbone's shipped default is 1; its development setting, used
     * here, is 20).
     */
    MAX_NUMBER_OF_MESSAGE_RECIPIENTS: int(1, 1000).default(20),
    /** Most messages from one sender that a recipient has not fetched yet. */
    MAX_NUMBER_OF_UNRECEIVED_MESSAGES_FROM_ONE_SENDER: int(1, 100).default(20),
    /**
     * Most distinct feature flags one identity may have (`PATCH /api/v2/Identities/Self/FeatureFlags`; one request carries
     * at most 200).
     */
    MAX_NUMBER_OF_FEATURE_FLAGS_PER_IDENTITY: int(1, 10_000).default(200),
    /**
     * JSON file `{"<code>": {"<language>": {"title", "body"}}}` with the codes `POST /api/v2/Notifications` accepts; every
     * code needs `en` (see Notifications).
     * @default unset: built-in `TestCode`
     */
    NOTIFICATION_TEXTS_FILE: z.string().min(1).optional()
});

export type ConfigInput = z.input<typeof configSchema>;
export type BackboneConfig = z.output<typeof configSchema> & { BLOB_DIR: string };

export class ConfigError extends Error {}

/** Reads and validates the configuration; a bad value stops start-up with a message naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): BackboneConfig {
    const raw: Record<string, string> = {};
    for (const key of Object.keys(configSchema.shape)) {
        const value = env[key];
        if (value !== undefined && value !== "") raw[key] = value;
    }
    const parsed = configSchema.safeParse(raw);
    if (!parsed.success) {
        const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
        throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
    }
    const config = parsed.data;
    if (config.PAGINATION_DEFAULT_PAGE_SIZE > config.PAGINATION_MAX_PAGE_SIZE) {
        throw new ConfigError("Invalid configuration:\n  PAGINATION_DEFAULT_PAGE_SIZE: must not exceed PAGINATION_MAX_PAGE_SIZE");
    }
    if ((config.BOOTSTRAP_CLIENT_ID === undefined) !== (config.BOOTSTRAP_CLIENT_SECRET === undefined)) {
        throw new ConfigError(
            "Invalid configuration:\n  BOOTSTRAP_CLIENT_SECRET: BOOTSTRAP_CLIENT_ID and BOOTSTRAP_CLIENT_SECRET must be set together"
        );
    }
    if (config.BLOB_STORAGE === "s3") {
        for (const key of ["S3_ENDPOINT", "S3_ACCESS_KEY", "S3_SECRET_KEY"] as const) {
            if (!config[key]) throw new ConfigError(`Invalid configuration:\n  ${key}: required when BLOB_STORAGE=s3`);
        }
    }
    const groups = [
        ["PUSH_FCM_SERVICE_ACCOUNT_FILE", "PUSH_FCM_APP_IDS"],
        ["PUSH_APNS_KEY_FILE", "PUSH_APNS_KEY_ID", "PUSH_APNS_TEAM_ID", "PUSH_APNS_APP_IDS"]
    ] as const;
    for (const group of groups) {
        const missing = group.filter((key) => config[key] === undefined);
        if (missing.length > 0 && missing.length < group.length) {
            throw new ConfigError(`Invalid configuration:\n  ${missing[0]}: ${group.join(", ")} must be set together`);
        }
    }
    if (config.ADMIN_PORT !== 0 && config.ADMIN_PORT === config.PORT) {
        throw new ConfigError("Invalid configuration:\n  ADMIN_PORT: must differ from PORT (the admin listener has its own port)");
    }
    if (config.RATE_LIMIT_STORAGE === "redis" && !config.REDIS_URL) {
        throw new ConfigError("Invalid configuration:\n  REDIS_URL: required when RATE_LIMIT_STORAGE=redis");
    }
    if (config.HTTP_HEADERS_TIMEOUT_SECONDS > config.HTTP_REQUEST_TIMEOUT_SECONDS) {
        throw new ConfigError("Invalid configuration:\n  HTTP_HEADERS_TIMEOUT_SECONDS: must not exceed HTTP_REQUEST_TIMEOUT_SECONDS");
    }
    try {
        new CronTime(config.HOUSEKEEPING_CRON);
    } catch {
        throw new ConfigError("Invalid configuration:\n  HOUSEKEEPING_CRON: not a valid cron expression");
    }
    return { ...config, BLOB_DIR: config.BLOB_DIR ?? `${config.DATA_DIR}/blobs` };
}

export const BACKBONE_CONFIG = Symbol("BACKBONE_CONFIG");
