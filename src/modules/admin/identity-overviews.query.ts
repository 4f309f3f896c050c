import { Injectable } from "@nestjs/common";
import { DataSource } from "typeorm";

import { type ODataProperty, type ODataQuery } from "./odata/odata-query";

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

export interface IdentityOverview {
    address: string;
    createdAt: string;
    createdWithClient: string;
    identityVersion: number;
    numberOfDevices: number;
    lastLoginAt: string | null;
    datawalletVersion: number | null;
    status: string;
    tier?: { id: string; name: string } | null;
}

interface Row {
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
 * The identity overview of the Admin API: a read model over the tables of several modules (identities and devices,
 * tiers, datawallets), as the official Admin API reads them through its own read-only database context. It never
 * writes, and shows only metadata.
 */
@Injectable()
export class IdentityOverviews {
    constructor(private readonly dataSource: DataSource) {}

    async query(odata: ODataQuery, limit: number): Promise<{ items: IdentityOverview[]; count: number | undefined }> {
        const params = [...odata.params];
        const order = [...odata.orderBy, "o.address ASC"].join(", ");
        params.push(Math.min(odata.top ?? limit, limit), odata.skip);
        const rows: Row[] = await this.dataSource.query(
            `${OVERVIEW} SELECT * FROM o WHERE ${odata.where} ORDER BY ${order} LIMIT $${params.length - 1} OFFSET $${params.length}`,
            params
        );
        let count: number | undefined;
        if (odata.count) {
            const counted: Array<{ count: string }> = await this.dataSource.query(
                `${OVERVIEW} SELECT count(*) AS count FROM o WHERE ${odata.where}`,
                odata.params
            );
            count = Number(counted[0]?.count ?? 0);
        }
        const withTier = odata.expand.has("tier");
        return {
            items: rows.map((row) => ({
                address: row.address,
                createdAt: row.created_at.toISOString(),
                createdWithClient: row.client_id,
                identityVersion: row.identity_version,
                numberOfDevices: row.number_of_devices,
                lastLoginAt: row.last_login_at?.toISOString() ?? null,
                datawalletVersion: row.datawallet_version,
                status: row.status,
                ...(withTier ? { tier: row.tier_id ? { id: row.tier_id, name: row.tier_name ?? "" } : null } : {})
            })),
            count
        };
    }
}
