import { ApiProperty } from "@nestjs/swagger";

import { QUOTA_METRIC_KEYS, QUOTA_PERIODS, type QuotaMetricKey, type QuotaPeriod } from "./quotas.events";
import type { MetricQuotas } from "./quotas.service";

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

    static from(metric: MetricQuotas): MetricQuotasDto {
        return {
            metricKey: metric.metricKey,
            quotas: metric.quotas.map((q) => ({ source: q.source, metricKey: q.metricKey, max: q.max, usage: q.usage, period: q.period }))
        };
    }
}
