import { Inject, Injectable } from "@nestjs/common";

import { BACKBONE_CONFIG, type BackboneConfig } from "../../config/config";
import { Clock } from "../../core/clock/clock";
import { ApiError, ErrorCode } from "../../core/errors/errors";
import { Housekeeper, type HousekeepingReport } from "../../core/housekeeping/housekeeper";
import type { HousekeepingRun } from "../../core/housekeeping/housekeeping-run.entity";
import { AdminRepository, IDENTITY_OVERVIEW_PROPERTIES, type IdentityOverview, type Totals } from "./admin.repository";
import { ODataQueryError, parseODataQuery } from "./odata/odata-query";

/** How many housekeeping runs GET /api/v1/Housekeeping shows. */
export const HOUSEKEEPING_RUNS_SHOWN = 30;
/** How many days the statistics count per day. */
export const STATISTICS_DAYS = 30;
/** The official Admin API's limit for $top. */
export const ODATA_MAX_TOP = 100;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A page of the identity overview; the tier is shown only when the query expands it. */
export interface IdentityOverviewPage {
    items: IdentityOverview[];
    /** Only when the query asked for it ($count=true). */
    count: number | undefined;
    withTier: boolean;
}

/** Records created on one UTC day (`YYYY-MM-DD`). */
export interface DailyCounts {
    date: string;
    identities: number;
    messages: number;
}

/** The numbers of the admin console's overview. */
export interface Statistics extends Totals {
    /** The last STATISTICS_DAYS days in UTC, oldest first, today last. */
    createdPerDay: DailyCounts[];
}

/** The housekeeping schedule of this instance, the registered jobs and the newest runs of all instances. */
export interface HousekeepingStatus {
    scheduleEnabled: boolean;
    schedule: string;
    /** When this instance's schedule starts the next run; null when it is off. */
    nextRunAt: Date | null;
    tasks: string[];
    runs: HousekeepingRun[];
}

/**
 * The Admin API's own use cases: read models over several modules (the identity overview, the statistics) and the
 * housekeeping of the Backbone.
 */
@Injectable()
export class AdminService {
    constructor(
        private readonly admin: AdminRepository,
        private readonly housekeeper: Housekeeper,
        @Inject(BACKBONE_CONFIG) private readonly config: BackboneConfig,
        @Inject(Clock) private readonly clock: Clock
    ) {}

    /** The identity overview of the official Admin UI, filtered, ordered and paged by OData query options. */
    async listIdentityOverviews(query: Record<string, string | string[] | undefined>): Promise<IdentityOverviewPage> {
        let odata;
        try {
            odata = parseODataQuery(query, { properties: IDENTITY_OVERVIEW_PROPERTIES, expandable: ["tier"], maxTop: ODATA_MAX_TOP });
        } catch (error) {
            if (error instanceof ODataQueryError)
                throw new ApiError(ErrorCode.invalidPropertyValue, `'${error.option}': ${error.message}.`);
            throw error;
        }
        const items = await this.admin.pageIdentityOverviews(odata, Math.min(odata.top ?? ODATA_MAX_TOP, ODATA_MAX_TOP));
        const count = odata.count ? await this.admin.countIdentityOverviews(odata) : undefined;
        return { items, count, withTier: odata.expand.has("tier") };
    }

    /** How many records exist, and how many identities and messages were created on each of the last days. */
    async getStatistics(): Promise<Statistics> {
        const now = this.clock.now();
        const tomorrow = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
        const from = new Date(tomorrow - STATISTICS_DAYS * DAY_MS);
        const to = new Date(tomorrow);
        const [totals, identities, messages] = await Promise.all([
            this.admin.countTotals(),
            this.admin.countCreatedPerDay("identities", from, to),
            this.admin.countCreatedPerDay("messages", from, to)
        ]);
        const createdPerDay: DailyCounts[] = [];
        for (let day = 0; day < STATISTICS_DAYS; day++) {
            const date = new Date(from.getTime() + day * DAY_MS).toISOString().slice(0, 10);
            createdPerDay.push({ date, identities: identities.get(date) ?? 0, messages: messages.get(date) ?? 0 });
        }
        return { ...totals, createdPerDay };
    }

    async getHousekeeping(): Promise<HousekeepingStatus> {
        return {
            scheduleEnabled: this.config.HOUSEKEEPING_ENABLED,
            schedule: this.config.HOUSEKEEPING_CRON,
            nextRunAt: this.housekeeper.nextScheduledRun() ?? null,
            tasks: this.housekeeper.taskNames(),
            runs: await this.housekeeper.listRuns(HOUSEKEEPING_RUNS_SHOWN)
        };
    }

    /** Runs the housekeeping jobs now (skipping a job another instance is running); the run is recorded. */
    async runHousekeeping(): Promise<HousekeepingReport> {
        return await this.housekeeper.runOnce();
    }
}
