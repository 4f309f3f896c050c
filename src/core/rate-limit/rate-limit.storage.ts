import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from "@nestjs/common";
import type { ThrottlerStorage } from "@nestjs/throttler";
import Redis from "ioredis";
import { DataSource } from "typeorm";

import { BACKBONE_CONFIG, type BackboneConfig } from "../../config/config";
import { Clock } from "../clock/clock";
import { rawQuery } from "../database/raw-query";
import { type HousekeepingTask, RegisterHousekeepingTask } from "../housekeeping/housekeeping";

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage["increment"]>>;

/** Counts one request against `key` in the fixed window containing `nowMs`; returns the hits so far in that window. */
interface CounterBackend {
    hit(key: string, windowStart: number, windowEnd: number): Promise<number>;
    close?(): Promise<void>;
}

class MemoryCounters implements CounterBackend {
    private readonly counters = new Map<string, { windowStart: number; windowEnd: number; hits: number }>();

    async hit(key: string, windowStart: number, windowEnd: number): Promise<number> {
        const current = this.counters.get(key);
        if (current && current.windowStart === windowStart) return ++current.hits;
        if (this.counters.size > 100_000) {
            for (const [k, v] of this.counters) if (v.windowEnd <= windowStart) this.counters.delete(k);
        }
        this.counters.set(key, { windowStart, windowEnd, hits: 1 });
        return 1;
    }
}

export const RATE_LIMIT_TABLE = "rate_limit_counters";

/** An UNLOGGED table (counters need no crash safety) with one row per key, upserted atomically. */
class PostgresCounters implements CounterBackend {
    constructor(private readonly dataSource: DataSource) {}

    async ensureTable(): Promise<void> {
        try {
            await this.dataSource.query(
                `CREATE UNLOGGED TABLE IF NOT EXISTS ${RATE_LIMIT_TABLE} (key varchar(100) PRIMARY KEY, window_start bigint NOT NULL, hits integer NOT NULL, expires_at timestamptz NOT NULL)`
            );
        } catch (error) {
            // Two instances creating the table at the same moment: one of them wins, which is all we need.
            const code = (error as { code?: string }).code;
            if (code !== "23505" && code !== "42P07") throw error;
        }
    }

    async hit(key: string, windowStart: number, windowEnd: number): Promise<number> {
        const { rows } = await rawQuery<{ hits: number }>(
            this.dataSource,
            `INSERT INTO ${RATE_LIMIT_TABLE} AS c (key, window_start, hits, expires_at) VALUES ($1, $2, 1, $3)
             ON CONFLICT (key) DO UPDATE SET
               hits = CASE WHEN c.window_start = EXCLUDED.window_start THEN c.hits + 1 ELSE 1 END,
               window_start = EXCLUDED.window_start,
               expires_at = EXCLUDED.expires_at
             RETURNING hits`,
            [key, windowStart, new Date(windowEnd)]
        );
        return Number(rows[0]!.hits);
    }
}

const REDIS_HIT_SCRIPT =
    "local hits = redis.call('INCR', KEYS[1]) if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end return hits";

/** One Redis key per (key, window), incremented and given its expiry in one script. */
class RedisCounters implements CounterBackend {
    private readonly redis: Redis;

    constructor(url: string) {
        this.redis = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 2, enableOfflineQueue: true });
        this.redis.on("error", () => undefined);
    }

    async hit(key: string, windowStart: number, windowEnd: number): Promise<number> {
        const ttl = Math.max(1, windowEnd - windowStart);
        const hits = await this.redis.eval(REDIS_HIT_SCRIPT, 1, `backbone:rl:${key}:${windowStart}`, String(ttl));
        return Number(hits);
    }

    async close(): Promise<void> {
        await this.redis.quit().catch(() => undefined);
    }
}

/**
 * The throttler's storage: fixed windows aligned to multiples of the ttl on the injected Clock, counted in memory
 * (one instance), in PostgreSQL or in Redis (several instances share the budget).
 */
@Injectable()
export class RateLimitStorage implements ThrottlerStorage, OnModuleInit, OnModuleDestroy {
    private readonly logger = new Logger("RateLimit");
    private backend: CounterBackend;

    constructor(
        @Inject(BACKBONE_CONFIG) private readonly config: BackboneConfig,
        @Inject(Clock) private readonly clock: Clock,
        private readonly dataSource: DataSource
    ) {
        this.backend =
            config.RATE_LIMIT_STORAGE === "postgres"
                ? new PostgresCounters(dataSource)
                : config.RATE_LIMIT_STORAGE === "redis"
                  ? new RedisCounters(config.REDIS_URL!)
                  : new MemoryCounters();
    }

    async onModuleInit(): Promise<void> {
        if (this.backend instanceof PostgresCounters) await this.backend.ensureTable();
    }

    async onModuleDestroy(): Promise<void> {
        await this.backend.close?.();
    }

    async increment(
        key: string,
        ttl: number,
        limit: number,
        _blockDuration: number,
        throttlerName: string
    ): Promise<ThrottlerStorageRecord> {
        const now = this.clock.now().getTime();
        const windowStart = Math.floor(now / ttl) * ttl;
        const windowEnd = windowStart + ttl;
        let totalHits: number;
        try {
            totalHits = await this.backend.hit(`${throttlerName}:${key}`, windowStart, windowEnd);
        } catch (error) {
            // An unavailable counter store must not take the endpoints down with it: let the request through.
            this.logger.warn(`rate-limit storage unavailable: ${error instanceof Error ? error.message : "unknown error"}`);
            return { totalHits: 0, timeToExpire: 0, isBlocked: false, timeToBlockExpire: 0 };
        }
        const secondsLeft = Math.max(1, Math.ceil((windowEnd - now) / 1000));
        const isBlocked = totalHits > limit;
        return { totalHits, timeToExpire: secondsLeft, isBlocked, timeToBlockExpire: isBlocked ? secondsLeft : 0 };
    }
}

/** Removes PostgreSQL rate-limit counters whose window has ended. */
@RegisterHousekeepingTask()
export class RateLimitCountersCleanup implements HousekeepingTask {
    readonly name = "rate-limit.expired-counters";

    constructor(
        @Inject(BACKBONE_CONFIG) private readonly config: BackboneConfig,
        private readonly dataSource: DataSource
    ) {}

    async runBatch(now: Date, batchSize: number): Promise<number> {
        if (this.config.RATE_LIMIT_STORAGE !== "postgres") return 0;
        const { affected } = await rawQuery(
            this.dataSource,
            `DELETE FROM ${RATE_LIMIT_TABLE} WHERE key IN (SELECT key FROM ${RATE_LIMIT_TABLE} WHERE expires_at < $1 LIMIT $2 FOR UPDATE SKIP LOCKED)`,
            [now, batchSize]
        );
        return affected;
    }
}
