import { ApiProperty, OmitType, PickType } from "@nestjs/swagger";
import { IsDefined, IsInt, IsOptional, IsString, Max, Min, ValidateIf } from "class-validator";

import type { HousekeepingReport } from "../../core/housekeeping/housekeeper";
import {
    HOUSEKEEPING_RUN_OUTCOMES,
    HOUSEKEEPING_TRIGGERS,
    type HousekeepingRun,
    type HousekeepingRunOutcome,
    type HousekeepingTrigger
} from "../../core/housekeeping/housekeeping-run.entity";
import { ApiBytesProperty } from "../../core/http/openapi";
import { PageQuery } from "../../core/http/pagination";
import { AddressProperty, EnumProperty, IdProperty, IntProperty, StringProperty } from "../../core/validation/decorators";
import { CreateIdentityRequest, CreateIdentityResponse, DeviceDto as ConsumerDeviceDto } from "../devices/devices.dto";
import { DeletionProcessStatus, IdentityStatus } from "../identities/identities.events";
import type { OAuthClientInfo } from "../oauth-clients/oauth-clients.service";
import { QUOTA_METRIC_KEYS, QUOTA_PERIODS, type QuotaPeriod } from "../quotas/quotas.events";
import { RELATIONSHIP_STATUSES } from "../relationships/relationships.events";
import { TokenDto } from "../tokens/tokens.dto";
import type { IdentityOverview } from "./admin.repository";
import {
    type DailyCounts,
    HOUSEKEEPING_RUNS_SHOWN,
    type HousekeepingStatus,
    type IdentityOverviewPage,
    type Statistics,
    STATISTICS_DAYS
} from "./admin.service";

const dateTime = { type: "string", format: "date-time" } as const;
const nullableDateTime = { type: "string", format: "date-time", nullable: true } as const;

// ---- route and query parameters ----

export class IdParams {
    @StringProperty({ minLength: 1, maxLength: 200 })
    id!: string;
}

export class ClientIdParams {
    @StringProperty({ minLength: 1, maxLength: 200 })
    clientId!: string;
}

export class TierIdParams {
    @StringProperty({ minLength: 1, maxLength: 20 })
    tierId!: string;
}

export class TierQuotaParams extends TierIdParams {
    @StringProperty({ minLength: 1, maxLength: 20 })
    tierQuotaDefinitionId!: string;
}

export class AddressParams {
    @AddressProperty()
    address!: string;
}

export class IndividualQuotaParams extends AddressParams {
    @StringProperty({ minLength: 1, maxLength: 20 })
    individualQuotaId!: string;
}

export class DeletionProcessParams extends AddressParams {
    @IdProperty("IDP")
    deletionProcessId!: string;
}

export class TokenIdParams {
    @IdProperty("TOK")
    tokenId!: string;
}

export class ParticipantQuery extends PageQuery {
    @AddressProperty({ description: "The identity whose records are listed" })
    participant!: string;
}

export class MessagesQuery extends ParticipantQuery {
    @EnumProperty(["Incoming", "Outgoing"] as const, { description: "Messages the participant received or sent" })
    type!: "Incoming" | "Outgoing";
}

export class TokensQuery extends PageQuery {
    @AddressProperty({ description: "The identity that created the tokens" })
    createdBy!: string;
}

// ---- shared ----

export class MetricDto {
    @ApiProperty({ enum: QUOTA_METRIC_KEYS, enumName: "MetricKey" })
    key!: string;
    @ApiProperty({ example: "Number of Sent Messages" })
    displayName!: string;
}

export class TierRefDto {
    @ApiProperty({ example: "TIRaaaaaaaaaaaaaaaaa" })
    id!: string;
    @ApiProperty()
    name!: string;
}

export class QuotaDefinitionDto {
    @ApiProperty({ example: "TQDaaaaaaaaaaaaaaaaa" })
    id!: string;
    @ApiProperty({ type: MetricDto })
    metric!: MetricDto;
    @ApiProperty({ type: "integer" })
    max!: number;
    @ApiProperty({ enum: QUOTA_PERIODS, enumName: "QuotaPeriod" })
    period!: QuotaPeriod;
}

export class CreateQuotaRequest {
    @StringProperty({
        minLength: 1,
        maxLength: 100,
        example: "NumberOfSentMessages",
        description: `One of ${QUOTA_METRIC_KEYS.join(", ")}`
    })
    metricKey!: string;
    @ApiProperty({ type: "integer", minimum: -2_147_483_648, maximum: 2_147_483_647 })
    @IsDefined()
    @IsInt()
    @Min(-2_147_483_648)
    @Max(2_147_483_647)
    max!: number;
    @EnumProperty(QUOTA_PERIODS, { enumName: "QuotaPeriod" })
    period!: QuotaPeriod;
}

// ---- clients ----

export class ClientOverviewDto {
    @ApiProperty({ example: "CLTaaaaaaaaaaaaaaaaa" })
    clientId!: string;
    @ApiProperty()
    displayName!: string;
    @ApiProperty({ type: TierRefDto, nullable: true, description: "null when the client gives new identities no tier" })
    defaultTier!: TierRefDto | null;
    @ApiProperty(dateTime)
    createdAt!: string;
    @ApiProperty({ type: "integer", nullable: true })
    maxIdentities!: number | null;
    @ApiProperty({ type: "integer" })
    numberOfIdentities!: number;
}

export class ClientDto {
    @ApiProperty({ example: "CLTaaaaaaaaaaaaaaaaa" })
    clientId!: string;
    @ApiProperty()
    displayName!: string;
    @ApiProperty({ type: "string", nullable: true, example: "TIRaaaaaaaaaaaaaaaaa" })
    defaultTier!: string | null;
    @ApiProperty(dateTime)
    createdAt!: string;
    @ApiProperty({ type: "integer" })
    numberOfIdentities!: number;
    @ApiProperty({ type: "integer", nullable: true })
    maxIdentities!: number | null;
}

export class UpdatedClientDto {
    @ApiProperty()
    clientId!: string;
    @ApiProperty()
    displayName!: string;
    @ApiProperty({ type: "string", nullable: true })
    defaultTier!: string | null;
    @ApiProperty(dateTime)
    createdAt!: string;
    @ApiProperty({ type: "integer", nullable: true })
    maxIdentities!: number | null;

    /** The client without its number of identities, as the official Admin API answers an update. */
    static from(client: OAuthClientInfo): UpdatedClientDto {
        const { numberOfIdentities: _, ...updated } = client;
        return updated;
    }
}

export class ClientWithSecretDto extends UpdatedClientDto {
    @ApiProperty({ description: "Shown only in this response; stored hashed." })
    clientSecret!: string;
}

export class CreateClientRequest {
    @StringProperty({
        required: false,
        nullable: true,
        maxLength: 200,
        pattern: /^[A-Za-z0-9._~-]*$/,
        description: "Default: a generated CLT… id."
    })
    clientId?: string | null;
    @StringProperty({ required: false, nullable: true, maxLength: 200, description: "Default: the client id." })
    displayName?: string | null;
    @StringProperty({ required: false, nullable: true, maxLength: 200, description: "Default: a generated 30-character secret." })
    clientSecret?: string | null;
    @StringProperty({
        required: false,
        nullable: true,
        minLength: 1,
        maxLength: 100,
        description: "Id or name of the tier new identities of this client get; omitted or null: none."
    })
    defaultTier?: string | null;
    @IntProperty({
        required: false,
        nullable: true,
        min: 0,
        max: 2_000_000_000,
        description: "Most identities this client may create; null for no limit."
    })
    maxIdentities?: number | null;
}

export class UpdateClientRequest {
    @ApiProperty({ type: "string", nullable: true, maxLength: 20, description: "Id of the tier new identities get; null: none." })
    @ValidateIf((_, value) => value !== null)
    @IsDefined()
    @IsString()
    defaultTier!: string | null;
    @IntProperty({ required: false, nullable: true, min: 0, max: 2_000_000_000, description: "Omitted or null: no limit." })
    maxIdentities?: number | null;
}

export class ChangeClientSecretRequest {
    @StringProperty({
        required: false,
        nullable: true,
        maxLength: 200,
        description: "Omitted, null or empty: a generated 30-character secret."
    })
    newSecret?: string | null;
}

// ---- tiers ----

export class TierOverviewDto {
    @ApiProperty({ example: "TIRaaaaaaaaaaaaaaaaa" })
    id!: string;
    @ApiProperty()
    name!: string;
    @ApiProperty({ type: "integer" })
    numberOfIdentities!: number;
    @ApiProperty()
    canBeUsedAsDefaultForClient!: boolean;
    @ApiProperty()
    canBeManuallyAssigned!: boolean;
}

export class TierDetailsDto {
    @ApiProperty({ example: "TIRaaaaaaaaaaaaaaaaa" })
    id!: string;
    @ApiProperty()
    name!: string;
    @ApiProperty({ type: [QuotaDefinitionDto] })
    quotas!: QuotaDefinitionDto[];
}

export class CreateTierRequest {
    @StringProperty({ minLength: 1, maxLength: 100, example: "Basic" })
    name!: string;
}

// ---- identities ----

/** A device as its identity sees it, with examples of its ids. */
export class DeviceDto extends OmitType(ConsumerDeviceDto, []) {
    @ApiProperty({ example: "DVCaaaaaaaaaaaaaaaaa" })
    declare id: string;
    @ApiProperty({ example: "USRaaaaaaaaaaaaaaaaa" })
    declare username: string;
}

export class IdentityQuotaDto extends QuotaDefinitionDto {
    @ApiProperty({ enum: ["Individual", "Tier"] })
    source!: "Individual" | "Tier";
    @ApiProperty({ type: "integer", minimum: 0, description: "Usage in the current period" })
    usage!: number;
}

export class IdentityDetailsDto {
    @ApiProperty()
    address!: string;
    @ApiProperty()
    clientId!: string;
    @ApiBytesProperty({ description: "The identity's public key as it was registered" })
    publicKey!: string;
    @ApiProperty({ type: "string", nullable: true })
    tierId!: string | null;
    @ApiProperty({ enum: Object.values(IdentityStatus), enumName: "IdentityStatus" })
    status!: string;
    @ApiProperty(dateTime)
    createdAt!: string;
    @ApiProperty({ type: "integer" })
    identityVersion!: number;
    @ApiProperty({ type: "integer" })
    numberOfDevices!: number;
    @ApiProperty({ type: [DeviceDto] })
    devices!: DeviceDto[];
    @ApiProperty({ type: [IdentityQuotaDto], description: "Individual quotas first, then the tier's" })
    quotas!: IdentityQuotaDto[];
}

export class UpdateIdentityRequest {
    @StringProperty({ minLength: 1, maxLength: 20, example: "TIRaaaaaaaaaaaaaaaaa" })
    tierId!: string;
}

/** As POST /api/v2/Identities takes it, but without the client's secret. */
export class CreateIdentityAsSupportRequest extends OmitType(CreateIdentityRequest, ["clientSecret"] as const) {}

/** As POST /api/v2/Identities answers. */
export class CreatedIdentityDto extends OmitType(CreateIdentityResponse, [] as const) {}

// ---- deletion processes ----

export class DeletionProcessOverviewDto {
    @ApiProperty({ example: "IDPaaaaaaaaaaaaaaaaa" })
    id!: string;
    @ApiProperty({ enum: Object.values(DeletionProcessStatus) })
    status!: string;
    @ApiProperty(dateTime)
    createdAt!: string;
    @ApiProperty({ type: "string", nullable: true, description: "null when support started the process" })
    createdByDevice!: string | null;
    @ApiProperty({ ...dateTime, description: "Deprecated: equals createdAt" })
    approvedAt!: string;
    @ApiProperty({ type: "string", nullable: true, description: "Deprecated: equals createdByDevice" })
    approvedByDevice!: string | null;
    @ApiProperty(nullableDateTime)
    gracePeriodEndsAt!: string | null;
    @ApiProperty(nullableDateTime)
    gracePeriodReminder1SentAt!: string | null;
    @ApiProperty(nullableDateTime)
    gracePeriodReminder2SentAt!: string | null;
    @ApiProperty(nullableDateTime)
    gracePeriodReminder3SentAt!: string | null;
}

export class StartedDeletionProcessDto extends PickType(DeletionProcessOverviewDto, ["id", "status", "createdAt"] as const) {
    static from(process: { id: string; status: string; createdAt: Date }): StartedDeletionProcessDto {
        return { id: process.id, status: process.status, createdAt: process.createdAt.toISOString() };
    }
}

export class DeletionAuditLogEntryDto {
    @ApiProperty({ example: "IDAaaaaaaaaaaaaaaaaa" })
    id!: string;
    @ApiProperty(dateTime)
    createdAt!: string;
    @ApiProperty({ type: "string", nullable: true })
    oldStatus!: string | null;
    @ApiProperty({ type: "string", nullable: true })
    newStatus!: string | null;
    @ApiProperty({ type: "object", additionalProperties: { type: "string" } })
    additionalData!: Record<string, string>;
    @ApiProperty({
        enum: ["StartedByOwner", "StartedBySupport", "CancelledByOwner", "CancelledBySupport", "DeletionStarted", "DeletionCompleted"]
    })
    messageKey!: string;
}

export class DeletionProcessDetailsDto extends DeletionProcessOverviewDto {
    @ApiProperty({ type: [DeletionAuditLogEntryDto] })
    auditLog!: DeletionAuditLogEntryDto[];
}

// ---- activity of an identity (metadata only) ----

/** A token as the Consumer API shows it, but never with its content. */
export class TokenOverviewDto extends PickType(TokenDto, [
    "id",
    "createdBy",
    "createdByDevice",
    "forIdentity",
    "createdAt",
    "expiresAt"
] as const) {
    @ApiProperty({ type: "string", nullable: true, description: "Always null: the Admin API never shows contents." })
    content!: null;
    @ApiProperty()
    isPasswordProtected!: boolean;
}

export class RelationshipOverviewDto {
    @ApiProperty()
    peer!: string;
    @ApiProperty({ enum: ["Self", "Peer"] })
    requestedBy!: "Self" | "Peer";
    @ApiProperty({ type: "string", nullable: true })
    templateId!: string | null;
    @ApiProperty({ enum: RELATIONSHIP_STATUSES })
    status!: string;
    @ApiProperty(dateTime)
    creationDate!: string;
    @ApiProperty(nullableDateTime)
    answeredAt!: string | null;
    @ApiProperty({ type: "string", nullable: true })
    createdByDevice!: string | null;
    @ApiProperty({ type: "string", nullable: true })
    answeredByDevice!: string | null;
}

export class MessageRecipientOverviewDto {
    @ApiProperty()
    address!: string;
    @ApiProperty()
    relationshipId!: string;
    @ApiProperty(nullableDateTime)
    receivedAt!: string | null;
}

export class MessageOverviewDto {
    @ApiProperty({ example: "MSGaaaaaaaaaaaaaaaaa" })
    messageId!: string;
    @ApiProperty()
    senderAddress!: string;
    @ApiProperty()
    senderDevice!: string;
    @ApiProperty(dateTime)
    sendDate!: string;
    @ApiProperty({ type: "integer" })
    numberOfAttachments!: number;
    @ApiProperty({ type: [MessageRecipientOverviewDto] })
    recipients!: MessageRecipientOverviewDto[];
}

// ---- identity overview (OData) ----

export class IdentityOverviewDto {
    @ApiProperty()
    address!: string;
    @ApiProperty(dateTime)
    createdAt!: string;
    @ApiProperty()
    createdWithClient!: string;
    @ApiProperty({ type: "integer" })
    identityVersion!: number;
    @ApiProperty({ type: "integer" })
    numberOfDevices!: number;
    @ApiProperty(nullableDateTime)
    lastLoginAt!: string | null;
    @ApiProperty({ type: "integer", nullable: true })
    datawalletVersion!: number | null;
    @ApiProperty({ enum: Object.values(IdentityStatus) })
    status!: string;
    @ApiProperty({ type: TierRefDto, nullable: true, required: false, description: "Only with $expand=Tier" })
    tier?: TierRefDto | null;

    static from(overview: IdentityOverview, withTier: boolean): IdentityOverviewDto {
        const { tier, ...rest } = overview;
        return {
            ...rest,
            createdAt: overview.createdAt.toISOString(),
            lastLoginAt: overview.lastLoginAt?.toISOString() ?? null,
            ...(withTier ? { tier } : {})
        };
    }
}

export class IdentityOverviewPageDto {
    @ApiProperty({ name: "@odata.context", example: "/odata/$metadata#Identities" })
    "@odata.context"!: string;
    @ApiProperty({ name: "@odata.count", type: "integer", required: false, description: "Only with $count=true" })
    "@odata.count"?: number;
    @ApiProperty({ type: [IdentityOverviewDto] })
    value!: IdentityOverviewDto[];

    static from(page: IdentityOverviewPage): IdentityOverviewPageDto {
        return {
            "@odata.context": "/odata/$metadata#Identities",
            ...(page.count !== undefined ? { "@odata.count": page.count } : {}),
            value: page.items.map((overview) => IdentityOverviewDto.from(overview, page.withTier))
        };
    }
}

// ---- misc ----

export class SupportChallengeDto {
    @ApiProperty({ example: "CHLaaaaaaaaaaaaaaaaa" })
    id!: string;
    @ApiProperty(dateTime)
    expiresAt!: string;

    static from(challenge: { id: string; expiresAt: Date }): SupportChallengeDto {
        return { id: challenge.id, expiresAt: challenge.expiresAt.toISOString() };
    }
}

export class ValidateApiKeyRequest {
    @ApiProperty({ type: "string", nullable: true, required: false })
    @IsOptional()
    @IsString()
    apiKey?: string | null;
}

export class ValidateApiKeyResponse {
    @ApiProperty()
    isValid!: boolean;
}

export class HousekeepingReportDto {
    @ApiProperty({ type: "object", additionalProperties: { type: "integer" }, description: "Records removed per task." })
    removed!: Record<string, number>;
    @ApiProperty({ type: [String], description: "Tasks skipped because another run held their lock." })
    skipped!: string[];

    static from(report: HousekeepingReport): HousekeepingReportDto {
        return { removed: report.removed, skipped: report.skipped };
    }
}

export class HousekeepingRunDto {
    @ApiProperty({ example: "HKRaaaaaaaaaaaaaaaaa" })
    id!: string;
    @ApiProperty(dateTime)
    startedAt!: string;
    @ApiProperty({ type: "integer", minimum: 0 })
    durationMs!: number;
    @ApiProperty({ enum: HOUSEKEEPING_TRIGGERS, enumName: "HousekeepingTrigger", description: "The schedule or an operator" })
    trigger!: HousekeepingTrigger;
    @ApiProperty({ enum: HOUSEKEEPING_RUN_OUTCOMES, enumName: "HousekeepingRunOutcome" })
    outcome!: HousekeepingRunOutcome;
    @ApiProperty({ type: "object", additionalProperties: { type: "integer" }, description: "Records removed per task that ran." })
    removed!: Record<string, number>;
    @ApiProperty({ type: [String], description: "Tasks skipped because another run held their lock." })
    skipped!: string[];
    @ApiProperty({ type: "string", nullable: true, description: "The task that failed (Failed runs only)." })
    failedTask!: string | null;

    static from(run: HousekeepingRun): HousekeepingRunDto {
        return { ...run, startedAt: run.startedAt.toISOString() };
    }
}

export class HousekeepingStatusDto {
    @ApiProperty({ description: "Whether this instance runs the jobs on its schedule (HOUSEKEEPING_ENABLED)." })
    scheduleEnabled!: boolean;
    @ApiProperty({ example: "0 1 * * *", description: "The schedule (HOUSEKEEPING_CRON, UTC)." })
    schedule!: string;
    @ApiProperty({ ...nullableDateTime, description: "When this instance's schedule starts the next run; null when it is off." })
    nextRunAt!: string | null;
    @ApiProperty({ type: [String], description: "The registered jobs, in the order a run goes through them." })
    tasks!: string[];
    @ApiProperty({
        type: [HousekeepingRunDto],
        description: `The newest runs of all instances, newest first (at most ${HOUSEKEEPING_RUNS_SHOWN}).`
    })
    runs!: HousekeepingRunDto[];

    static from(status: HousekeepingStatus): HousekeepingStatusDto {
        return {
            scheduleEnabled: status.scheduleEnabled,
            schedule: status.schedule,
            nextRunAt: status.nextRunAt?.toISOString() ?? null,
            tasks: status.tasks,
            runs: status.runs.map((run) => HousekeepingRunDto.from(run))
        };
    }
}

// ---- statistics (extension of this Backbone) ----

export class DailyCountsDto {
    @ApiProperty({ type: "string", format: "date", example: "2030-01-31", description: "A day in UTC" })
    date!: string;
    @ApiProperty({ type: "integer", minimum: 0, description: "Identities created that day (and still existing)" })
    identities!: number;
    @ApiProperty({ type: "integer", minimum: 0, description: "Messages sent that day (and still existing)" })
    messages!: number;

    static from(day: DailyCounts): DailyCountsDto {
        return { date: day.date, identities: day.identities, messages: day.messages };
    }
}

export class StatisticsDto {
    @ApiProperty({ type: "integer", minimum: 0 })
    identities!: number;
    @ApiProperty({ type: "integer", minimum: 0 })
    devices!: number;
    @ApiProperty({ type: "integer", minimum: 0 })
    messages!: number;
    @ApiProperty({ type: "integer", minimum: 0 })
    relationships!: number;
    @ApiProperty({ type: "integer", minimum: 0 })
    files!: number;
    @ApiProperty({ type: "integer", format: "int64", minimum: 0, description: "Sum of the stored files' cipher sizes" })
    blobBytes!: number;
    @ApiProperty({ type: "integer", minimum: 0, description: "Sync runs started and not yet finalized" })
    openSyncRuns!: number;
    @ApiProperty({ type: "integer", minimum: 0, description: "External events not yet handed out by a sync run and not held back" })
    pendingExternalEvents!: number;
    @ApiProperty({ type: [DailyCountsDto], description: `The last ${STATISTICS_DAYS} days in UTC, oldest first, today last.` })
    createdPerDay!: DailyCountsDto[];

    static from(statistics: Statistics): StatisticsDto {
        return { ...statistics, createdPerDay: statistics.createdPerDay.map((day) => DailyCountsDto.from(day)) };
    }
}
