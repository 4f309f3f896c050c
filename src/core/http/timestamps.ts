/**
 * UTC timestamps as the official Backbone writes them in `X-Request-Time` and `X-Response-Time`
 * (`yyyy-MM-ddTHH:mm:ss.fffZ`), from epoch milliseconds. The text up to the second is built once per second, so a
 * busy instance creates no Date object per request.
 */
export class UtcTimestamps {
    private second = Number.NaN;
    private prefix = "";

    format(epochMs: number): string {
        const ms = Math.floor(epochMs);
        const second = Math.floor(ms / 1000);
        if (second !== this.second) {
            this.second = second;
            this.prefix = new Date(second * 1000).toISOString().substring(0, 20);
        }
        const fraction = ms - second * 1000;
        return `${this.prefix}${fraction < 10 ? "00" : fraction < 100 ? "0" : ""}${fraction}Z`;
    }
}
