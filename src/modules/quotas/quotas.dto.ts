import { ApiProperty } from "@nestjs/swagger";

import { EnumProperty, IntProperty, StringProperty } from "../../core/validation/decorators";
import { QUOTA_METRIC_KEYS, QUOTA_PERIODS, type QuotaMetricKey, type QuotaPeriod } from "./quota-metrics";

export class QuotaDto {
    @ApiProperty({ enum: ["Individual", "Tier"], enumName: "QuotaSource" })
    source!: "Individual" | "Tier";
    @ApiProperty({ enum: QUOTA_METRIC_KEYS, enumName: "QuotaMetricKey" })
    metricKey!: QuotaMetricKey;
    @ApiProperty({ type: "integer" })
    max!: number;
    @ApiProperty({ type: "integer", minimum: 0 })
    usage!: number;
    @ApiProperty({ enum: QUOTA_PERIODS, enumName: "QuotaPeriod" })
    period!: QuotaPeriod;
}

export class MetricQuotasDto {
    @ApiProperty({ enum: QUOTA_METRIC_KEYS, enumName: "QuotaMetricKey" })
    metricKey!: QuotaMetricKey;
    @ApiProperty({ type: [QuotaDto] })
    quotas!: QuotaDto[];
}

export class TierQuotaDto {
    @ApiProperty({ example: "TQDaaaaaaaaaaaaaaaaa" })
    id!: string;
    @ApiProperty({ enum: QUOTA_METRIC_KEYS, enumName: "QuotaMetricKey" })
    metricKey!: QuotaMetricKey;
    @ApiProperty({ type: "integer" })
    max!: number;
    @ApiProperty({ enum: QUOTA_PERIODS, enumName: "QuotaPeriod" })
    period!: QuotaPeriod;
}

export class TierDto {
    @ApiProperty({ example: "TIRaaaaaaaaaaaaaaaaa" })
    id!: string;
    @ApiProperty()
    name!: string;
    @ApiProperty({ type: "string", format: "date-time" })
    createdAt!: string;
    @ApiProperty({ type: [TierQuotaDto] })
    quotas!: TierQuotaDto[];
}

export class CreateTierRequest {
    @StringProperty({ minLength: 1, maxLength: 100, example: "Basic" })
    name!: string;
}

export class CreateTierQuotaRequest {
    @EnumProperty(QUOTA_METRIC_KEYS, { enumName: "QuotaMetricKey" })
    metricKey!: QuotaMetricKey;
    @IntProperty({ min: 0, max: 2_000_000_000 })
    max!: number;
    @EnumProperty(QUOTA_PERIODS, { enumName: "QuotaPeriod" })
    period!: QuotaPeriod;
}
