import { formatDay, formatInteger } from "../format";
import { Table } from "./table";

export interface Series {
    key: string;
    label: string;
    className: string;
}

interface Day {
    date: string;
    [key: string]: string | number;
}

const WIDTH = 760;
const HEIGHT = 230;
const MARGIN = { top: 12, right: 8, bottom: 26, left: 40 };

/** A round step of the value axis for about four intervals: 1, 2, 5, 10, 20, 50, … */
function axisStep(max: number): number {
    const rough = Math.max(1, max / 4);
    const magnitude = 10 ** Math.floor(Math.log10(rough));
    for (const step of [1, 2, 5, 10]) if (step * magnitude >= rough) return step * magnitude;
    return 10 * magnitude;
}

/**
 * Grouped bars per day, drawn as SVG (no chart library: two series of 30 values). The numbers are also in a table
 * behind a disclosure, for screen readers and for reading them exactly.
 */
export function DailyBarChart({ days, series, title }: { days: Day[]; series: Series[]; title: string }) {
    const values = days.flatMap((day) => series.map((s) => Number(day[s.key])));
    const step = axisStep(Math.max(0, ...values));
    const max = Math.max(step, Math.ceil(Math.max(0, ...values) / step) * step);
    const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
    const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
    const slot = plotWidth / Math.max(1, days.length);
    const barWidth = Math.min(10, (slot - 4) / series.length);
    const y = (value: number) => MARGIN.top + plotHeight - (value / max) * plotHeight;
    const ticks = Array.from({ length: Math.round(max / step) + 1 }, (_, i) => i * step);
    const totals = series.map((s) => `${formatInteger(days.reduce((sum, day) => sum + Number(day[s.key]), 0))} ${s.label.toLowerCase()}`);
    return (
        <figure className="chart">
            <div className="chart-legend" aria-hidden="true">
                {series.map((s) => (
                    <span key={s.key}>
                        <span className={`legend-swatch ${s.className}`} />
                        {s.label}
                    </span>
                ))}
            </div>
            <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`${title}: ${totals.join(", ")} in ${days.length} days`}>
                {ticks.map((tick) => (
                    <g key={tick} className="chart-grid">
                        <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(tick)} y2={y(tick)} />
                        <text x={MARGIN.left - 8} y={y(tick)} dy="0.32em" textAnchor="end">
                            {formatInteger(tick)}
                        </text>
                    </g>
                ))}
                {days.map((day, index) => {
                    const x0 = MARGIN.left + index * slot + (slot - barWidth * series.length) / 2;
                    const label = `${formatDay(day.date)}: ${series.map((s) => `${formatInteger(Number(day[s.key]))} ${s.label.toLowerCase()}`).join(", ")}`;
                    return (
                        <g key={day.date}>
                            <title>{label}</title>
                            <rect x={MARGIN.left + index * slot} y={MARGIN.top} width={slot} height={plotHeight} className="chart-hover" />
                            {series.map((s, i) => {
                                const value = Number(day[s.key]);
                                if (value <= 0) return null;
                                return (
                                    <rect
                                        key={s.key}
                                        className={`chart-bar ${s.className}`}
                                        x={x0 + i * barWidth}
                                        y={y(value)}
                                        width={Math.max(1, barWidth - 1.5)}
                                        height={y(0) - y(value)}
                                        rx={1.5}
                                    />
                                );
                            })}
                            {(index % 5 === 0 || index === days.length - 1) && (
                                <text className="chart-axis" x={MARGIN.left + index * slot + slot / 2} y={HEIGHT - 8} textAnchor="middle">
                                    {formatDay(day.date)}
                                </text>
                            )}
                        </g>
                    );
                })}
                <line className="chart-baseline" x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(0)} y2={y(0)} />
            </svg>
            <details className="chart-data">
                <summary>Show the numbers</summary>
                <Table caption={title}>
                    <thead>
                        <tr>
                            <th scope="col">Day (UTC)</th>
                            {series.map((s) => (
                                <th scope="col" key={s.key} className="numeric">
                                    {s.label}
                                </th>
                            ))}
                        </tr>
                    </thead>
                    <tbody>
                        {days.map((day) => (
                            <tr key={day.date}>
                                <th scope="row">{formatDay(day.date)}</th>
                                {series.map((s) => (
                                    <td key={s.key} className="numeric">
                                        {formatInteger(Number(day[s.key]))}
                                    </td>
                                ))}
                            </tr>
                        ))}
                    </tbody>
                </Table>
            </details>
        </figure>
    );
}
