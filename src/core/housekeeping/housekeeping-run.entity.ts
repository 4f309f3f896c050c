import { Column, Entity, Index, PrimaryColumn } from "typeorm";

export const HOUSEKEEPING_TRIGGERS = ["Schedule", "Manual"] as const;
/** What started a run: the schedule (HOUSEKEEPING_CRON) or an operator (Admin API, CLI). */
export type HousekeepingTrigger = (typeof HOUSEKEEPING_TRIGGERS)[number];

export const HOUSEKEEPING_RUN_OUTCOMES = ["Completed", "Failed"] as const;
export type HousekeepingRunOutcome = (typeof HOUSEKEEPING_RUN_OUTCOMES)[number];

/** A record of one housekeeping run, for operators: when, what started it, what each task removed or skipped. */
@Entity({ name: "housekeeping_runs" })
@Index("ix_housekeeping_runs_started_at", ["startedAt"])
export class HousekeepingRun {
    @PrimaryColumn({ type: "varchar", length: 20 })
    id!: string;

    @Column({ type: "timestamptz" })
    startedAt!: Date;

    @Column({ type: "integer" })
    durationMs!: number;

    @Column({ type: "varchar", length: 20 })
    trigger!: HousekeepingTrigger;

    @Column({ type: "varchar", length: 20 })
    outcome!: HousekeepingRunOutcome;

    /** Records removed per task that ran. */
    @Column({ type: "jsonb" })
    removed!: Record<string, number>;

    /** Tasks skipped because another run held their lock. */
    @Column({ type: "jsonb" })
    skipped!: string[];

    /** The task that failed (never the error's text, which may quote data). */
    @Column({ type: "varchar", length: 100, nullable: true })
    failedTask!: string | null;
}
