import { CronTime } from "cron";
import { z } from "zod";

const bool = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/**
 * Every setting of the Backbone, read from environment variables. Defaults describe the embedded,
 * zero-configuration run; production sets DATABASE_URL, the S3 settings and DID_DOMAIN.
 */
export const configSchema = z.object({
    PORT: int(0, 65535).default(8080),
    HOST: z.string().min(1).default("0.0.0.0"),
    /**
     * Which proxies may set X-Forwarded-For (the client address used by rate limits and logs): `false` (none, the
     * default), `true` (any: only when nothing but the load balancer can reach the Backbone), a number of proxy hops,
     * or a comma-separated list of proxy addresses or CIDR ranges.
     */
    TRUST_PROXY: z
        .string()
        .regex(/^(true|false|\d{1,2}|[0-9a-fA-F:./]+(,[0-9a-fA-F:./]+)*)$/, "must be true, false, a number of hops or a list of addresses")
        .default("false")
        .transform((v): boolean | number | string => (v === "true" ? true : v === "false" ? false : /^\d+$/.test(v) ? Number(v) : v)),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
    DATABASE_POOL_SIZE: int(1, 500).default(20),
    DATA_DIR: z.string().min(1).default("./data"),
    EMBEDDED_POSTGRES_PORT: int(0, 65535).default(0),
    DID_DOMAIN: z
        .string()
        .min(3)
        .max(45)
        .regex(/^(?:[a-z0-9-]+\.)*[a-z]{2,}$/, "must be a lower-case host name such as localhost or backbone.example.org")
        .default("localhost"),
    JWT_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    JWT_LIFETIME_SECONDS: int(60, 3600).default(300),
    BOOTSTRAP_CLIENT_ID: z.string().min(1).max(200).optional(),
    BOOTSTRAP_CLIENT_SECRET: z.string().min(1).max(200).optional(),
    /** Create (and print) an OAuth client at start-up when none exists and no bootstrap client is configured. */
    CREATE_DEFAULT_CLIENT: bool.default(true),
    LOGIN_MAX_FAILED_ATTEMPTS: int(1, 100).default(3),
    LOGIN_LOCKOUT_MINUTES: int(1, 1440).default(10),
    PASSWORD_POLICY: z.enum(["strong", "relaxed"]).default("strong"),
    PAGINATION_DEFAULT_PAGE_SIZE: int(1, 1000).default(50),
    PAGINATION_MAX_PAGE_SIZE: int(1, 1000).default(200),
    BLOB_STORAGE: z.enum(["fs", "s3"]).default("fs"),
    BLOB_DIR: z.string().min(1).optional(),
    S3_ENDPOINT: z.url().optional(),
    S3_BUCKET: z.string().min(3).max(63).default("backbone"),
    S3_ACCESS_KEY: z.string().min(1).optional(),
    S3_SECRET_KEY: z.string().min(1).optional(),
    S3_REGION: z.string().min(1).default("us-east-1"),
    S3_PART_SIZE_MB: int(5, 512).default(8),
    /** Largest accepted file content (cipher) in bytes; the wire contract's 10 MiB by default. */
    FILE_MAX_SIZE_BYTES: int(1, 1024 ** 4).default(10 * 1024 * 1024),
    SWAGGER_UI: bool.default(true),
    TAGS_FILE: z.string().min(1).optional(),
    PUBLIC_RELATIONSHIP_TEMPLATE_REFERENCES_FILE: z.string().min(1).optional(),
    WELL_KNOWN_APPLE_APP_IDS: z.string().min(1).optional(),
    WELL_KNOWN_ANDROID_PACKAGE: z.string().min(1).optional(),
    WELL_KNOWN_ANDROID_FINGERPRINTS: z.string().min(1).optional(),
    /** Push notifications: FCM when both FCM settings are set, APNs when all APNs settings are set; else logged only. */
    PUSH_FCM_SERVICE_ACCOUNT_FILE: z.string().min(1).optional(),
    PUSH_FCM_APP_IDS: z
        .string()
        .regex(/^[^,\s]+(,[^,\s]+)*$/, "must be a comma-separated list of app ids")
        .optional(),
    PUSH_APNS_KEY_FILE: z.string().min(1).optional(),
    PUSH_APNS_KEY_ID: z.string().min(1).max(20).optional(),
    PUSH_APNS_TEAM_ID: z.string().min(1).max(20).optional(),
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
    /** On SIGTERM/SIGINT, how long requests in flight may take before their connections are cut. */
    SHUTDOWN_GRACE_SECONDS: int(0, 3600).default(25),
    /** Enables the admin surface under /admin/v1 (header X-API-KEY); unset, the admin surface answers 404. */
    ADMIN_API_KEY: z.string().min(16, "must be at least 16 characters").max(500).optional(),
    METRICS_ENABLED: bool.default(true),
    HOUSEKEEPING_ENABLED: bool.default(true),
    HOUSEKEEPING_CRON: z
        .string()
        .min(9)
        .max(100)
        .regex(/^\S+( \S+){4,5}$/, "must be a cron expression with 5 or 6 fields, e.g. '0 1 * * *'")
        .default("0 1 * * *"),
    HOUSEKEEPING_BATCH_SIZE: int(1, 100_000).default(1000),
    HOUSEKEEPING_MAX_BATCHES: int(1, 1_000_000).default(1000),
    RATE_LIMIT_ENABLED: bool.default(true),
    RATE_LIMIT_STORAGE: z.enum(["memory", "postgres", "redis"]).default("memory"),
    REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
    RATE_LIMIT_WINDOW_SECONDS: int(1, 86_400).default(60),
    RATE_LIMIT_CHALLENGES: int(1, 1_000_000).default(60),
    RATE_LIMIT_IDENTITIES: int(1, 1_000_000).default(20),
    RATE_LIMIT_CONNECT_TOKEN: int(1, 1_000_000).default(120),
    RATE_LIMIT_TOKENS: int(1, 1_000_000).default(60),
    /** Most recipients one message may have (the official shipped default is 1; its development setting, used here, is 20). */
    MAX_NUMBER_OF_MESSAGE_RECIPIENTS: int(1, 1000).default(20),
    /** Most messages from one sender that a recipient has not fetched yet. */
    MAX_NUMBER_OF_UNRECEIVED_MESSAGES_FROM_ONE_SENDER: int(1, 100).default(20),
    /** Most distinct feature flags one identity may have. */
    MAX_NUMBER_OF_FEATURE_FLAGS_PER_IDENTITY: int(1, 10_000).default(200),
    /** JSON file with the codes and per-language texts of POST /Notifications; unset: the built-in default (TestCode). */
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
