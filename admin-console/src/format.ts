const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const date = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });
const shortDate = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
const integer = new Intl.NumberFormat("en-GB");

/** A date and time in UTC, as the Backbone keeps them, e.g. "20 May 2031, 10:00" (the console says once that times are UTC). */
export function formatDateTime(iso: string | null | undefined): string {
    if (!iso) return "—";
    return dateTime.format(new Date(iso));
}

export function formatDate(iso: string | null | undefined): string {
    if (!iso) return "—";
    return date.format(new Date(iso));
}

/** "20 May" of a YYYY-MM-DD day. */
export function formatDay(day: string): string {
    return shortDate.format(new Date(`${day}T00:00:00Z`));
}

export function formatInteger(value: number | null | undefined): string {
    return value === null || value === undefined ? "—" : integer.format(value);
}

const UNITS = ["bytes", "KiB", "MiB", "GiB", "TiB", "PiB"];

export function formatBytes(bytes: number): string {
    if (bytes < 1024) return `${integer.format(bytes)} bytes`;
    let value = bytes;
    let unit = 0;
    while (value >= 1024 && unit < UNITS.length - 1) {
        value /= 1024;
        unit++;
    }
    return `${value.toLocaleString("en-GB", { maximumFractionDigits: value < 10 ? 2 : 1 })} ${UNITS[unit]}`;
}

export function formatDuration(ms: number): string {
    if (ms < 1000) return `${ms} ms`;
    const seconds = ms / 1000;
    if (seconds < 60) return `${seconds.toLocaleString("en-GB", { maximumFractionDigits: 1 })} s`;
    return `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
}

/** "NumberOfSentMessages" → "Number of sent messages". */
export function metricName(key: string): string {
    const words = key.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
    return words.charAt(0).toUpperCase() + words.slice(1);
}
