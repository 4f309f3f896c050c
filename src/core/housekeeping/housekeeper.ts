import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from "@nestjs/common";
import { DiscoveryService } from "@nestjs/core";
import { SchedulerRegistry } from "@nestjs/schedule";
import { CronJob } from "cron";
import { DataSource } from "typeorm";

import { BACKBONE_CONFIG, type BackboneConfig } from "../../config/config";
import { Clock } from "../clock/clock";
import { IdPrefix, newId } from "../ids/ids";
import { HOUSEKEEPING_TASK, type HousekeepingTask } from "./housekeeping";
import { HousekeepingRun, type HousekeepingTrigger } from "./housekeeping-run.entity";

/** First key of the two-key advisory locks taken per task (the second is the hash of the task name). */
const HOUSEKEEPING_LOCK_NAMESPACE = 7_260_519;
const CRON_JOB_NAME = "housekeeping";
/** How many run records are kept (the newest). */
export const HOUSEKEEPING_RUNS_KEPT = 100;

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
    private job: CronJob | undefined;

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
                    this.runOnce(undefined, "Schedule").catch((error: unknown) =>
                        this.logger.error(`housekeeping failed: ${error instanceof Error ? error.message : "unknown error"}`)
                    );
                }
            });
            this.scheduler.addCronJob(CRON_JOB_NAME, job);
            job.start();
            this.job = job;
        }
    }

    /** Stops the schedule and lets a running batch finish before the database pool closes. */
    async onModuleDestroy(): Promise<void> {
        this.stopping = true;
        if (this.scheduler.doesExist("cron", CRON_JOB_NAME)) this.scheduler.deleteCronJob(CRON_JOB_NAME);
        this.job = undefined;
        await this.running?.catch(() => undefined);
    }

    /** The names of the registered tasks. */
    taskNames(): string[] {
        return this.tasks.map((t) => t.name);
    }

    /** When the schedule starts the next run on this instance (undefined when the schedule is off or stopped). */
    nextScheduledRun(): Date | undefined {
        return this.job?.nextDate().toJSDate();
    }

    /** The newest run records, newest first. */
    async listRuns(limit: number): Promise<HousekeepingRun[]> {
        return await this.dataSource.getRepository(HousekeepingRun).find({ order: { startedAt: "DESC", id: "DESC" }, take: limit });
    }

    /**
     * Runs every task (or the named ones) until nothing is left or the batch budget is used up, and records the run
     * (also a failed one; the newest HOUSEKEEPING_RUNS_KEPT records are kept).
     */
    async runOnce(only?: string[], trigger: HousekeepingTrigger = "Manual"): Promise<HousekeepingReport> {
        const run = this.runAndRecord(only, trigger);
        this.running = run;
        try {
            return await run;
        } finally {
            if (this.running === run) this.running = undefined;
        }
    }

    private async runAndRecord(only: string[] | undefined, trigger: HousekeepingTrigger): Promise<HousekeepingReport> {
        const startedAt = this.clock.now();
        const started = performance.now();
        const report: HousekeepingReport = { removed: {}, skipped: [] };
        const progress: { current?: string } = {};
        let failed = false;
        try {
            await this.run(only, report, progress);
            return report;
        } catch (error) {
            failed = true;
            throw error;
        } finally {
            await this.record({
                id: newId(IdPrefix.HousekeepingRun),
                startedAt,
                durationMs: Math.round(performance.now() - started),
                trigger,
                outcome: failed ? "Failed" : "Completed",
                removed: report.removed,
                skipped: report.skipped,
                failedTask: failed ? (progress.current ?? null) : null
            });
        }
    }

    /** Writes a run record and drops the oldest beyond the kept number; a failure here never fails the run. */
    private async record(run: HousekeepingRun): Promise<void> {
        try {
            await this.dataSource.getRepository(HousekeepingRun).insert(run);
            await this.dataSource.query(
                "DELETE FROM housekeeping_runs WHERE id IN (SELECT id FROM housekeeping_runs ORDER BY started_at DESC, id DESC OFFSET $1)",
                [HOUSEKEEPING_RUNS_KEPT]
            );
        } catch (error) {
            this.logger.warn(`housekeeping run not recorded: ${error instanceof Error ? error.message : "unknown error"}`);
        }
    }

    private async run(only: string[] | undefined, report: HousekeepingReport, progress: { current?: string }): Promise<void> {
        for (const task of this.tasks) {
            if (only && !only.includes(task.name)) continue;
            if (this.stopping) break;
            progress.current = task.name;
            const removed = await this.runTask(task);
            if (removed === undefined) report.skipped.push(task.name);
            else report.removed[task.name] = removed;
        }
        progress.current = undefined;
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
