import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from "@nestjs/common";
import { DiscoveryService } from "@nestjs/core";
import { SchedulerRegistry } from "@nestjs/schedule";
import { CronJob } from "cron";
import { DataSource } from "typeorm";

import { BACKBONE_CONFIG, type BackboneConfig } from "../../config/config";
import { Clock } from "../clock/clock";
import { HOUSEKEEPING_TASK, type HousekeepingTask } from "./housekeeping";

/** First key of the two-key advisory locks taken per task (the second is the hash of the task name). */
const HOUSEKEEPING_LOCK_NAMESPACE = 7_260_519;
const CRON_JOB_NAME = "housekeeping";

export interface HousekeepingReport {
    /** Records removed per task that ran. */
    removed: Record<string, number>;
    /** Tasks skipped because another run (in this or another instance) held their lock. */
    skipped: string[];
}

/**
 * Runs every registered HousekeepingTask in bounded batches. Each task runs under a PostgreSQL advisory try-lock,
 * so when two instances (or two overlapping runs) start at once only one works on a task; the other skips it.
 */
@Injectable()
export class Housekeeper implements OnApplicationBootstrap, OnModuleDestroy {
    private readonly logger = new Logger("Housekeeper");
    private tasks: HousekeepingTask[] = [];
    private stopping = false;
    private running: Promise<HousekeepingReport> | undefined;

    constructor(
        private readonly discovery: DiscoveryService,
        private readonly dataSource: DataSource,
        private readonly scheduler: SchedulerRegistry,
        @Inject(Clock) private readonly clock: Clock,
        @Inject(BACKBONE_CONFIG) private readonly config: BackboneConfig
    ) {}

    onApplicationBootstrap(): void {
        this.tasks = this.discovery
            .getProviders()
            .filter((wrapper) => wrapper.metatype && wrapper.instance && Reflect.getMetadata(HOUSEKEEPING_TASK, wrapper.metatype) === true)
            .map((wrapper) => wrapper.instance as HousekeepingTask);
        const names = new Set<string>();
        for (const task of this.tasks) {
            if (names.has(task.name)) throw new Error(`two housekeeping tasks are named ${task.name}`);
            names.add(task.name);
        }
        if (this.config.HOUSEKEEPING_ENABLED) {
            const job = CronJob.from({
                cronTime: this.config.HOUSEKEEPING_CRON,
                timeZone: "UTC",
                onTick: () => {
                    this.runOnce().catch((error: unknown) =>
                        this.logger.error(`housekeeping failed: ${error instanceof Error ? error.message : "unknown error"}`)
                    );
                }
            });
            this.scheduler.addCronJob(CRON_JOB_NAME, job);
            job.start();
        }
    }

    /** Stops the schedule and lets a running batch finish before the database pool closes. */
    async onModuleDestroy(): Promise<void> {
        this.stopping = true;
        if (this.scheduler.doesExist("cron", CRON_JOB_NAME)) this.scheduler.deleteCronJob(CRON_JOB_NAME);
        await this.running?.catch(() => undefined);
    }

    /** The names of the registered tasks. */
    taskNames(): string[] {
        return this.tasks.map((t) => t.name);
    }

    /** Runs every task (or the named ones) until nothing is left or the batch budget is used up. */
    async runOnce(only?: string[]): Promise<HousekeepingReport> {
        const run = this.run(only);
        this.running = run;
        try {
            return await run;
        } finally {
            if (this.running === run) this.running = undefined;
        }
    }

    private async run(only?: string[]): Promise<HousekeepingReport> {
        const report: HousekeepingReport = { removed: {}, skipped: [] };
        for (const task of this.tasks) {
            if (only && !only.includes(task.name)) continue;
            if (this.stopping) break;
            const removed = await this.runTask(task);
            if (removed === undefined) report.skipped.push(task.name);
            else report.removed[task.name] = removed;
        }
        return report;
    }

    private async runTask(task: HousekeepingTask): Promise<number | undefined> {
        const runner = this.dataSource.createQueryRunner();
        await runner.connect();
        try {
            const [{ locked }] = (await runner.query("SELECT pg_try_advisory_lock($1, hashtext($2)) AS locked", [
                HOUSEKEEPING_LOCK_NAMESPACE,
                task.name
            ])) as {
                locked: boolean;
            }[];
            if (!locked) return undefined;
            try {
                const now = this.clock.now();
                let total = 0;
                for (let batch = 0; batch < this.config.HOUSEKEEPING_MAX_BATCHES && !this.stopping; batch++) {
                    const outcome = await task.runBatch(now, this.config.HOUSEKEEPING_BATCH_SIZE);
                    const removed = typeof outcome === "number" ? outcome : outcome.removed;
                    total += removed;
                    if (typeof outcome !== "number" || removed < this.config.HOUSEKEEPING_BATCH_SIZE) break;
                }
                if (total > 0) this.logger.log(`${task.name}: removed ${total}`);
                return total;
            } finally {
                await runner.query("SELECT pg_advisory_unlock($1, hashtext($2))", [HOUSEKEEPING_LOCK_NAMESPACE, task.name]);
            }
        } finally {
            await runner.release();
        }
    }
}
