import { Inject, Injectable, Logger } from "@nestjs/common";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import { DataSource } from "typeorm";

import { BACKBONE_CONFIG, type BackboneConfig } from "../../config/config";

/** A gauge computed when Prometheus scrapes: `collect` returns one value, or one value per label set. */
export interface GaugeCollector {
    name: string;
    help: string;
    labelNames?: string[];
    collect(): Promise<number | { labels: Record<string, string>; value: number }[] | undefined>;
}

interface PgPoolLike {
    totalCount: number;
    idleCount: number;
    waitingCount: number;
}

/**
 * The Prometheus registry of one application instance (several instances in one process, as in tests, keep their
 * numbers apart). Modules add scrape-time gauges with `addGauge`; HTTP requests are observed by a Fastify hook.
 */
@Injectable()
export class Metrics {
    readonly registry = new Registry();
    private readonly logger = new Logger("Metrics");
    private readonly requests: Counter<"method" | "route" | "status_code">;
    private readonly durations: Histogram<"method" | "route" | "status_code">;

    constructor(
        private readonly dataSource: DataSource,
        @Inject(BACKBONE_CONFIG) config: BackboneConfig
    ) {
        if (config.METRICS_ENABLED) collectDefaultMetrics({ register: this.registry });
        this.requests = new Counter({
            name: "backbone_http_requests_total",
            help: "HTTP requests answered, by method, route pattern and status code",
            labelNames: ["method", "route", "status_code"],
            registers: [this.registry]
        });
        this.durations = new Histogram({
            name: "backbone_http_request_duration_seconds",
            help: "Time from receiving a request to sending its response, by method, route pattern and status code",
            labelNames: ["method", "route", "status_code"],
            buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
            registers: [this.registry]
        });
        this.addGauge({
            name: "backbone_db_pool_connections",
            help: "Connections of the PostgreSQL pool: total, idle, and requests waiting for one",
            labelNames: ["state"],
            collect: async () => {
                const pool = (this.dataSource.driver as unknown as { master?: PgPoolLike }).master;
                if (!pool) return undefined;
                return [
                    { labels: { state: "total" }, value: pool.totalCount },
                    { labels: { state: "idle" }, value: pool.idleCount },
                    { labels: { state: "waiting" }, value: pool.waitingCount }
                ];
            }
        });
    }

    /** Records one answered request; `route` is the route pattern (e.g. `/api/v2/Challenges/:id`), never the raw URL. */
    observeRequest(method: string, route: string, statusCode: number, seconds: number): void {
        const labels = { method, route, status_code: String(statusCode) };
        this.requests.inc(labels);
        this.durations.observe(labels, seconds);
    }

    /** Registers a gauge computed at scrape time. A failing collector leaves the gauge empty instead of failing the scrape. */
    addGauge(collector: GaugeCollector): void {
        const logger = this.logger;
        new Gauge({
            name: collector.name,
            help: collector.help,
            labelNames: collector.labelNames ?? [],
            registers: [this.registry],
            async collect() {
                this.reset();
                let result;
                try {
                    result = await collector.collect();
                } catch (error) {
                    logger.warn(
                        `metric ${collector.name} could not be collected: ${error instanceof Error ? error.message : "unknown error"}`
                    );
                    return;
                }
                if (result === undefined) return;
                if (typeof result === "number") this.set(result);
                else for (const { labels, value } of result) this.set(labels, value);
            }
        });
    }

    /**
     * A gauge from one SQL query returning a single `value` column. Tolerates tables that do not exist (yet): the gauge
     * is then left out of the scrape.
     */
    addQueryGauge(name: string, help: string, sql: string): void {
        this.addGauge({
            name,
            help,
            collect: async () => {
                try {
                    const rows: { value: string | number }[] = await this.dataSource.query(sql);
                    return Number(rows[0]?.value ?? 0);
                } catch (error) {
                    if ((error as { code?: string }).code === "42P01" || (error as { code?: string }).code === "42703") return undefined;
                    throw error;
                }
            }
        });
    }

    async scrape(): Promise<{ contentType: string; text: string }> {
        return { contentType: this.registry.contentType, text: await this.registry.metrics() };
    }
}
