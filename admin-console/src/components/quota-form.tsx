import type { UseMutationResult } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";

import { QUOTA_PERIODS, useMetrics } from "../api/queries";
import { metricName } from "../format";
import { Button, ErrorNotice, SelectField, TextField } from "./ui";

export interface QuotaInput {
    metricKey: string;
    max: number;
    period: (typeof QUOTA_PERIODS)[number];
}

/** The inline form that adds a quota (of a tier, or an individual one of an identity): metric, maximum, period. */
export function QuotaForm({
    label,
    submitLabel,
    add
}: {
    label: string;
    submitLabel: string;
    /** Adds the quota; the form empties its maximum when that succeeded. */
    add: UseMutationResult<unknown, Error, QuotaInput>;
}) {
    const metrics = useMetrics();
    const [metricKey, setMetricKey] = useState("NumberOfSentMessages");
    const [max, setMax] = useState("");
    const [period, setPeriod] = useState<QuotaInput["period"]>("Day");
    const submit = (event: FormEvent) => {
        event.preventDefault();
        add.mutate({ metricKey, max: Number(max), period }, { onSuccess: () => setMax("") });
    };
    return (
        <>
            <form className="inline-form" onSubmit={submit} aria-label={label}>
                <SelectField label="Metric" className="field-wide" value={metricKey} onChange={(event) => setMetricKey(event.target.value)}>
                    {(metrics.data ?? []).map((metric) => (
                        <option key={metric.key} value={metric.key}>
                            {metric.displayName || metricName(metric.key)}
                        </option>
                    ))}
                </SelectField>
                <TextField
                    label="Maximum"
                    type="number"
                    min={0}
                    required
                    value={max}
                    onChange={(event) => setMax(event.target.value)}
                    className="field-narrow"
                />
                <SelectField
                    label="Period"
                    className="field-narrow"
                    value={period}
                    onChange={(event) => setPeriod(event.target.value as QuotaInput["period"])}
                >
                    {QUOTA_PERIODS.map((p) => (
                        <option key={p}>{p}</option>
                    ))}
                </SelectField>
                <Button type="submit" icon="plus" busy={add.isPending} disabled={max === ""}>
                    {submitLabel}
                </Button>
            </form>
            {add.isError && <ErrorNotice error={add.error} title="The quota was not added" />}
        </>
    );
}
