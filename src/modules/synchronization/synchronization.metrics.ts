import { Injectable, type OnModuleInit } from "@nestjs/common";

import { Metrics } from "../../core/metrics/metrics";

/** Scrape-time gauges of the synchronization module. */
@Injectable()
export class SynchronizationMetrics implements OnModuleInit {
    constructor(private readonly metrics: Metrics) {}

    onModuleInit(): void {
        this.metrics.addQueryGauge(
            "backbone_external_events_pending",
            "External events not yet handed out by a sync run and not held back",
            "SELECT count(*) AS value FROM external_events WHERE sync_run_id IS NULL AND NOT is_delivery_blocked"
        );
        this.metrics.addQueryGauge(
            "backbone_sync_runs_open",
            "Sync runs started and not yet finalized",
            "SELECT count(*) AS value FROM sync_runs WHERE finalized_at IS NULL"
        );
    }
}
