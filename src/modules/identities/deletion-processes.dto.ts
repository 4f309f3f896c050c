import { ApiProperty } from "@nestjs/swagger";

import { IdProperty, NumberProperty } from "../../core/validation/decorators";
import type { IdentityDeletionProcess } from "./deletion-process.entity";
import { DeletionProcessStatus } from "./identities.events";

export class StartDeletionProcessRequest {
    @NumberProperty({ required: false, min: 0, max: 3650, default: 14, description: "Days until the identity is deleted" })
    lengthOfGracePeriodInDays?: number;
}

export class DeletionProcessIdParams {
    @IdProperty("IDP")
    id!: string;
}

/** A deletion process as support sees it (Admin API). */
export interface DeletionProcessOverview {
    id: string;
    status: string;
    createdAt: string;
    createdByDevice: string | null;
    approvedAt: string;
    approvedByDevice: string | null;
    gracePeriodEndsAt: string | null;
    gracePeriodReminder1SentAt: string | null;
    gracePeriodReminder2SentAt: string | null;
    gracePeriodReminder3SentAt: string | null;
}

const iso = (date: Date | null) => date?.toISOString() ?? null;

/** A deletion process without its cancellation, as the Admin API and the Consumer API show it. */
export function deletionProcessOverview(p: IdentityDeletionProcess): DeletionProcessOverview {
    return {
        id: p.id,
        status: p.status,
        createdAt: p.createdAt.toISOString(),
        createdByDevice: p.createdByDevice,
        approvedAt: p.createdAt.toISOString(),
        approvedByDevice: p.createdByDevice,
        gracePeriodEndsAt: iso(p.gracePeriodEndsAt),
        gracePeriodReminder1SentAt: iso(p.gracePeriodReminder1SentAt),
        gracePeriodReminder2SentAt: iso(p.gracePeriodReminder2SentAt),
        gracePeriodReminder3SentAt: iso(p.gracePeriodReminder3SentAt)
    };
}

const nullableDate = { type: "string", format: "date-time", nullable: true } as const;

export class DeletionProcessDto {
    @ApiProperty({ example: "IDPaaaaaaaaaaaaaaaaa" })
    id!: string;
    @ApiProperty({ enum: Object.values(DeletionProcessStatus), enumName: "DeletionProcessStatus" })
    status!: string;
    @ApiProperty({ type: "string", format: "date-time" })
    createdAt!: string;
    @ApiProperty({ type: "string", nullable: true, description: "The device that started the process; null when support started it" })
    createdByDevice!: string | null;
    @ApiProperty({ type: "string", format: "date-time", description: "Deprecated: equals createdAt" })
    approvedAt!: string;
    @ApiProperty({ type: "string", nullable: true, description: "Deprecated: equals createdByDevice" })
    approvedByDevice!: string | null;
    @ApiProperty(nullableDate)
    gracePeriodEndsAt!: string | null;
    @ApiProperty(nullableDate)
    gracePeriodReminder1SentAt!: string | null;
    @ApiProperty(nullableDate)
    gracePeriodReminder2SentAt!: string | null;
    @ApiProperty(nullableDate)
    gracePeriodReminder3SentAt!: string | null;
    @ApiProperty(nullableDate)
    cancelledAt!: string | null;
    @ApiProperty({ type: "string", nullable: true })
    cancelledByDevice!: string | null;

    static from(p: IdentityDeletionProcess): DeletionProcessDto {
        return {
            ...deletionProcessOverview(p),
            cancelledAt: p.cancelledAt?.toISOString() ?? null,
            cancelledByDevice: p.cancelledByDevice
        };
    }
}
