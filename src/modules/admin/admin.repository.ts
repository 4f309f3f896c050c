import { Injectable } from "@nestjs/common";
import { InjectDataSource } from "@nestjs/typeorm";
import type { DataSource } from "typeorm";

import { rawQuery } from "../../core/database/raw-query";
import type { ODataProperty, ODataQuery } from "./odata/odata-query";

/** Statements built from an OData query differ with each filter and order: they run unprepared. */
const BUILT_FROM_THE_QUERY = { prepare: false };

/** The properties of an identity overview that $filter and $orderby may use (tier/id and tier/name through the tier). */
export const IDENTITY_OVERVIEW_PROPERTIES: Record<string, ODataProperty> = {
    address: { sql: "o.address", type: "string", nullable: false },
    createdAt: { sql: "o.created_at", type: "datetime", nullable: false },
    createdWithClient: { sql: "o.client_id", type: "string", nullable: false },
    identityVersion: { sql: "o.identity_version", type: "integer", nullable: false },
    numberOfDevices: { sql: "o.number_of_devices", type: "integer", nullable: false },
    lastLoginAt: { sql: "o.last_login_at", type: "datetime", nullable: true },
    datawalletVersion: { sql: "o.datawallet_version", type: "integer", nullable: true },
    status: { sql: "o.status", type: "string", nullable: false },
    "tier/id": { sql: "o.tier_id", type: "string", nullable: true },
    "tier/name": { sql: "o.tier_name", type: "string", nullable: true }
};

/** One row of the identity overview. */
export interface IdentityOverview {
    address: string;
    createdAt: Date;
    createdWithClient: string;
    identityVersion: number;
    numberOfDevices: number;
    lastLoginAt: Date | null;
    datawalletVersion: number | null;
    status: string;
    tier: { id: string; name: string } | null;
}

/** How many records the Backbone holds (records that were deleted are not counted). */
export interface Totals {
    identities: number;
    devices: number;
    messages: number;
    relationships: number;
    files: number;
    blobBytes: number;
    openSyncRuns: number;
    pendingExternalEvents: number;
}

interface OverviewRow {
    address: string;
    created_at: Date;
    client_id: string;
    identity_version: number;
    number_of_devices: number;
    last_login_at: Date | null;
    datawallet_version: number | null;
    status: string;
    tier_id: string | null;
    tier_name: string | null;
}

const OVERVIEW = `
    WITH o AS (
        SELECT i.address, i.created_at, i.client_id, i.identity_version, i.status, i.tier_id, t.name AS tier_name,
               d.number_of_devices, d.last_login_at, w.version AS datawallet_version
        FROM identities i
        LEFT JOIN tiers t ON t.id = i.tier_id
        LEFT JOIN datawallets w ON w.owner = i.address
        CROSS JOIN LATERAL (
            SELECT count(*)::int AS number_of_devices, max(dv.last_login_at) AS last_login_at
            FROM devices dv WHERE dv.identity_address = i.address
        ) d
    )`;

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

/**
 * The read-only queries of the Admin API over the tables of several modules (identities and devices, tiers,
 * datawallets, messages, files, sync runs), as the official Admin API reads them through its own read-only database
 * context: the identity overview and the statistics. It never writes, and reads only metadata and counts.
 */
@Injectable()
export class AdminRepository {
    constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

    /** One page of the identity overview: filtered and ordered as the OData query says, then by address. */
    async pageIdentityOverviews(odata: ODataQuery, limit: number): Promise<IdentityOverview[]> {
        const params = [...odata.params, limit, odata.skip];
        const order = [...odata.orderBy, "o.address ASC"].join(", ");
        const { rows } = await rawQuery<OverviewRow>(
            this.dataSource,
            `${OVERVIEW} SELECT * FROM o WHERE ${odata.where} ORDER BY ${order} LIMIT $${params.length - 1} OFFSET $${params.length}`,
            params,
            BUILT_FROM_THE_QUERY
        );
        return rows.map((row) => ({
            address: row.address,
            createdAt: row.created_at,
            createdWithClient: row.client_id,
            identityVersion: row.identity_version,
            numberOfDevices: row.number_of_devices,
            lastLoginAt: row.last_login_at,
            datawalletVersion: row.datawallet_version,
            status: row.status,
            tier: row.tier_id ? { id: row.tier_id, name: row.tier_name ?? "" } : null
        }));
    }

    /** How many identities the OData query's filter matches. */
    async countIdentityOverviews(odata: ODataQuery): Promise<number> {
        const { rows } = await rawQuery<{ count: string }>(
            this.dataSource,
            `${OVERVIEW} SELECT count(*) AS count FROM o WHERE ${odata.where}`,
            odata.params,
            BUILT_FROM_THE_QUERY
        );
        return Number(rows[0]?.count ?? 0);
    }

    async countTotals(): Promise<Totals> {
        const { rows } = await rawQuery<Record<string, string>>(this.dataSource, TOTALS);
        const row = rows[0]!;
        return {
            identities: Number(row.identities),
            devices: Number(row.devices),
            messages: Number(row.messages),
            relationships: Number(row.relationships),
            files: Number(row.files),
            blobBytes: Number(row.blob_bytes),
            openSyncRuns: Number(row.open_sync_runs),
            pendingExternalEvents: Number(row.pending_external_events)
        };
    }

    /**
     * Records created per UTC day in [from, to) (days without any are missing): a range scan of the created_at index
     * (ix_identities_created_at, ix_messages_created_at).
     */
    async countCreatedPerDay(table: "identities" | "messages", from: Date, to: Date): Promise<Map<string, number>> {
        const { rows } = await rawQuery<{ day: string; count: string }>(
            this.dataSource,
            `SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, count(*) AS count
             FROM ${table} WHERE created_at >= $1 AND created_at < $2 GROUP BY 1`,
            [from, to]
        );
        return new Map(rows.map((row) => [row.day, Number(row.count)]));
    }
}
