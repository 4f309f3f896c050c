import { ApiProperty, ApiPropertyOptional } from "@nestjs/swagger";
import { Type } from "class-transformer";
import { IsInt, IsOptional } from "class-validator";

import { toBase64Url } from "../../core/crypto/base64";
import { ApiBytesProperty, CreatedRecordDto } from "../../core/http/openapi";
import { PageQuery } from "../../core/http/pagination";
import {
    BytesProperty,
    EnumProperty,
    IdProperty,
    IntProperty,
    NestedArrayProperty,
    StringProperty
} from "../../core/validation/decorators";
import type { Datawallet, DatawalletModification } from "./datawallet.entity";
import type { ExternalEvent } from "./external-event.entity";
import type { SyncRun } from "./sync-run.entity";
import type { DatawalletAppended, ExternalEventSyncFinalized } from "./sync-runs.service";
import { DatawalletModificationType, StartSyncRunStatus, SyncRunType } from "./synchronization.events";

/** Largest accepted encrypted payload of one datawallet modification. */
const MAX_MODIFICATION_PAYLOAD_BYTES = 10 * 1024 * 1024;

/**
 * JSON values one push of datawallet modifications may hold (with the contract's 20 MiB body): ~70,000 modifications
 * of 7 fields. The official client pushes everything it has not pushed yet at once, so the bound is generous;
 * validating that many takes about a second.
 */
export const MAX_DATAWALLET_PUSH_JSON_VALUES = 500_000;

export class StartSyncRunRequest {
    @EnumProperty(Object.values(SyncRunType), { required: false, enumName: "SyncRunType", description: "Default ExternalEventSync." })
    type?: SyncRunType;

    @IntProperty({ required: false, min: 0, max: 65535, description: "Lifetime of the run in seconds (default 10)." })
    duration?: number;
}

export class SyncRunDto extends CreatedRecordDto("SYRaaaaaaaaaaaaaaaaa") {
    @ApiProperty({ enum: Object.values(SyncRunType), enumName: "SyncRunType" })
    type!: SyncRunType;
    @ApiProperty({ type: "string", format: "date-time" })
    expiresAt!: string;
    @ApiProperty({ type: "integer", format: "int64" })
    index!: number;
    @ApiProperty({ type: "integer" })
    eventCount!: number;

    static from(run: SyncRun): SyncRunDto {
        return {
            ...SyncRunDto.createdFieldsOf(run),
            type: run.type,
            expiresAt: run.expiresAt.toISOString(),
            index: run.index,
            eventCount: run.eventCount
        };
    }
}

export class StartSyncRunResponse {
    @ApiProperty({ enum: Object.values(StartSyncRunStatus), enumName: "StartSyncRunStatus" })
    status!: StartSyncRunStatus;
    @ApiProperty({ type: SyncRunDto, nullable: true })
    syncRun!: SyncRunDto | null;

    /** The started run, or NoNewEvents when none was started. */
    static from(run: SyncRun | null): StartSyncRunResponse {
        return run
            ? { status: StartSyncRunStatus.Created, syncRun: SyncRunDto.from(run) }
            : { status: StartSyncRunStatus.NoNewEvents, syncRun: null };
    }
}

export class SyncRunIdParams {
    @IdProperty("SYR")
    id!: string;
}

export class ExternalEventDto {
    @ApiProperty({ example: "SYIaaaaaaaaaaaaaaaaa" })
    id!: string;
    @ApiProperty()
    type!: string;
    @ApiProperty({ type: "integer", format: "int64" })
    index!: number;
    @ApiProperty({ type: "string", format: "date-time" })
    createdAt!: string;
    @ApiProperty({ type: "integer" })
    syncErrorCount!: number;
    @ApiProperty({ type: "object", additionalProperties: true })
    payload!: Record<string, unknown>;

    static from(event: ExternalEvent): ExternalEventDto {
        return {
            id: event.id,
            type: event.type,
            index: event.index,
            createdAt: event.createdAt.toISOString(),
            syncErrorCount: event.syncErrorCount,
            payload: event.payload
        };
    }
}

export class PushDatawalletModificationItem {
    @EnumProperty(Object.values(DatawalletModificationType), { enumName: "DatawalletModificationType" })
    type!: DatawalletModificationType;

    @StringProperty({ minLength: 1, maxLength: 100 })
    objectIdentifier!: string;

    @StringProperty({ minLength: 1, maxLength: 50 })
    collection!: string;

    @StringProperty({ required: false, nullable: true, maxLength: 50 })
    payloadCategory?: string | null;

    @BytesProperty({ required: false, nullable: true, maxBytes: MAX_MODIFICATION_PAYLOAD_BYTES })
    encryptedPayload?: Buffer | null;

    @IntProperty({ min: 0, max: 65535 })
    datawalletVersion!: number;
}

export class ExternalEventResultItem {
    @IdProperty("SYI")
    externalEventId!: string;

    @StringProperty({ required: false, nullable: true, maxLength: 100 })
    errorCode?: string | null;
}

export class FinalizeExternalEventSyncRequest {
    @NestedArrayProperty(() => ExternalEventResultItem, { required: false })
    externalEventResults?: ExternalEventResultItem[];

    @NestedArrayProperty(() => PushDatawalletModificationItem, { required: false })
    datawalletModifications?: PushDatawalletModificationItem[];
}

export class CreatedDatawalletModificationDto {
    @ApiProperty({ example: "DWMaaaaaaaaaaaaaaaaa" })
    id!: string;
    @ApiProperty({ type: "integer", format: "int64" })
    index!: number;
    @ApiProperty({ type: "string", format: "date-time" })
    createdAt!: string;

    static from(modification: DatawalletModification): CreatedDatawalletModificationDto {
        return { id: modification.id, index: modification.index, createdAt: modification.createdAt.toISOString() };
    }
}

export class FinalizeExternalEventSyncResponse {
    @ApiProperty({ type: "integer", format: "int64", nullable: true })
    newDatawalletModificationIndex!: number | null;
    @ApiProperty({ type: CreatedDatawalletModificationDto, isArray: true })
    datawalletModifications!: CreatedDatawalletModificationDto[];
    @ApiProperty()
    newUnsyncedExternalEventsExist!: boolean;

    static from(result: ExternalEventSyncFinalized): FinalizeExternalEventSyncResponse {
        return {
            ...FinalizeDatawalletVersionUpgradeResponse.from(result),
            newUnsyncedExternalEventsExist: result.newUnsyncedExternalEventsExist
        };
    }
}

export class FinalizeDatawalletVersionUpgradeRequest {
    @IntProperty({ min: 1, max: 65535 })
    newDatawalletVersion!: number;

    @NestedArrayProperty(() => PushDatawalletModificationItem, { required: false })
    datawalletModifications?: PushDatawalletModificationItem[];
}

export class FinalizeDatawalletVersionUpgradeResponse {
    @ApiProperty({ type: "integer", format: "int64", nullable: true })
    newDatawalletModificationIndex!: number | null;
    @ApiProperty({ type: CreatedDatawalletModificationDto, isArray: true })
    datawalletModifications!: CreatedDatawalletModificationDto[];

    static from(result: DatawalletAppended): FinalizeDatawalletVersionUpgradeResponse {
        return {
            newDatawalletModificationIndex: result.datawallet.latestIndex(),
            datawalletModifications: result.created.map((m) => CreatedDatawalletModificationDto.from(m))
        };
    }
}

export class RefreshExpirationTimeResponse {
    @ApiProperty({ type: "string", format: "date-time" })
    expiresAt!: string;

    static from(run: SyncRun): RefreshExpirationTimeResponse {
        return { expiresAt: run.expiresAt.toISOString() };
    }
}

export class DatawalletDto {
    @ApiProperty({ type: "integer" })
    version!: number;

    static from(datawallet: Datawallet): DatawalletDto {
        return { version: datawallet.version };
    }
}

export class PushDatawalletModificationsRequest {
    @IntProperty({
        required: false,
        nullable: true,
        min: -1,
        format: "int64",
        description: "Index of the latest modification the device knows."
    })
    localIndex?: number | null;

    @NestedArrayProperty(() => PushDatawalletModificationItem, { minItems: 1 })
    modifications!: PushDatawalletModificationItem[];
}

export class PushDatawalletModificationsResponse {
    @ApiProperty({ type: "integer", format: "int64" })
    newIndex!: number;
    @ApiProperty({ type: CreatedDatawalletModificationDto, isArray: true })
    modifications!: CreatedDatawalletModificationDto[];

    static from(created: DatawalletModification[]): PushDatawalletModificationsResponse {
        return {
            newIndex: created[created.length - 1]!.index,
            modifications: created.map((m) => CreatedDatawalletModificationDto.from(m))
        };
    }
}

export class GetDatawalletModificationsQuery extends PageQuery {
    @ApiPropertyOptional({ type: "integer", format: "int64", description: "Return modifications with a higher index (default: all)." })
    @IsOptional()
    @Type(() => Number)
    @IsInt()
    localIndex?: number;
}

export class DatawalletModificationDto {
    @ApiProperty({ example: "DWMaaaaaaaaaaaaaaaaa" })
    id!: string;
    @ApiProperty({ type: "integer" })
    datawalletVersion!: number;
    @ApiProperty({ type: "integer", format: "int64" })
    index!: number;
    @ApiProperty()
    objectIdentifier!: string;
    @ApiProperty({ type: "string", nullable: true })
    payloadCategory!: string | null;
    @ApiProperty({ type: "string", format: "date-time" })
    createdAt!: string;
    @ApiProperty()
    createdByDevice!: string;
    @ApiProperty()
    collection!: string;
    @ApiProperty({ enum: Object.values(DatawalletModificationType), enumName: "DatawalletModificationType" })
    type!: DatawalletModificationType;
    @ApiBytesProperty({ nullable: true })
    encryptedPayload!: string | null;

    static from(m: DatawalletModification): DatawalletModificationDto {
        return {
            id: m.id,
            datawalletVersion: m.datawalletVersion,
            index: m.index,
            objectIdentifier: m.objectIdentifier,
            payloadCategory: m.payloadCategory,
            createdAt: m.createdAt.toISOString(),
            createdByDevice: m.createdByDevice,
            collection: m.collection,
            type: m.type,
            encryptedPayload: m.encryptedPayload ? toBase64Url(m.encryptedPayload) : null
        };
    }
}

/** The event names of `GET /api/v2/sse`. */
export const SERVER_SENT_EVENT_NAMES = ["ConnectionOpened", "ExternalEventCreated", "DatawalletModificationsCreated"] as const;

/** One event of the `GET /api/v2/sse` stream (`event:` and `data:` lines; comment lines are heartbeats). */
export class ServerSentEventDto {
    @ApiProperty({ enum: SERVER_SENT_EVENT_NAMES, enumName: "ServerSentEventName" })
    event!: (typeof SERVER_SENT_EVENT_NAMES)[number];
    @ApiProperty({ example: "_", description: "Always `_`: the event only tells the device to sync." })
    data!: string;
}
