import { ApiProperty } from "@nestjs/swagger";

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
