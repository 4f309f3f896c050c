import { Inject, Injectable } from "@nestjs/common";
import { DataSource } from "typeorm";

import { Clock } from "../../core/clock/clock";
import { type DailyCountsDto, STATISTICS_DAYS, type StatisticsDto } from "./admin.dto";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Totals: index-only scans over primary keys (and the partial index of undelivered external events); the blob bytes
 * sum the files' cipher sizes, so no blob store is listed.
 */
const TOTALS = `
    SELECT (SELECT count(*) FROM identities) AS identities,
           (SELECT count(*) FROM devices) AS devices,
           (SELECT count(*) FROM messages) AS messages,
           (SELECT count(*) FROM relationships) AS relationships,
           (SELECT count(*) FROM files) AS files,
           (SELECT coalesce(sum(cipher_size), 0) FROM files) AS blob_bytes,
           (SELECT count(*) FROM sync_runs WHERE finalized_at IS NULL) AS open_sync_runs,
           (SELECT count(*) FROM external_events WHERE sync_run_id IS NULL AND NOT is_delivery_blocked) AS pending_external_events`;

/** Records per UTC day in [from, to): a range scan of the created_at index (ix_identities_created_at, ix_messages_created_at). */
const perDay = (table: "identities" | "messages") => `
    SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, count(*) AS count
    FROM ${table} WHERE created_at >= $1 AND created_at < $2 GROUP BY 1`;

type Totals = Record<
    "identities" | "devices" | "messages" | "relationships" | "files" | "blob_bytes" | "open_sync_runs" | "pending_external_events",
    string
>;

/**
 * The numbers of the admin console's overview: a read model over the tables of several modules (as the identity
 * overview), counting only; it never reads contents.
 */
@Injectable()
export class Statistics {
    constructor(
        private readonly dataSource: DataSource,
        @Inject(Clock) private readonly clock: Clock
    ) {}

    async get(): Promise<StatisticsDto> {
        const now = this.clock.now();
        const tomorrow = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
        const from = new Date(tomorrow - STATISTICS_DAYS * DAY_MS);
        const to = new Date(tomorrow);
        const [[totals], identities, messages] = await Promise.all([
            this.dataSource.query(TOTALS) as Promise<Totals[]>,
            this.dataSource.query(perDay("identities"), [from, to]) as Promise<{ day: string; count: string }[]>,
            this.dataSource.query(perDay("messages"), [from, to]) as Promise<{ day: string; count: string }[]>
        ]);
        const identitiesPerDay = new Map(identities.map((row) => [row.day, Number(row.count)]));
        const messagesPerDay = new Map(messages.map((row) => [row.day, Number(row.count)]));
        const createdPerDay: DailyCountsDto[] = [];
        for (let day = 0; day < STATISTICS_DAYS; day++) {
            const date = new Date(from.getTime() + day * DAY_MS).toISOString().slice(0, 10);
            createdPerDay.push({ date, identities: identitiesPerDay.get(date) ?? 0, messages: messagesPerDay.get(date) ?? 0 });
        }
        return {
            identities: Number(totals!.identities),
            devices: Number(totals!.devices),
            messages: Number(totals!.messages),
            relationships: Number(totals!.relationships),
            files: Number(totals!.files),
            blobBytes: Number(totals!.blob_bytes),
            openSyncRuns: Number(totals!.open_sync_runs),
            pendingExternalEvents: Number(totals!.pending_external_events),
            createdPerDay
        };
    }
}
