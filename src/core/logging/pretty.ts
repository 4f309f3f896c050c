/** The colour functions pino-pretty hands to a message format (plain identity functions without colours). */
interface Colors {
    bold(text: string): string;
    yellow(text: string): string;
    red(text: string): string;
    green(text: string): string;
    gray(text: string): string;
}

/** Marks the record of the OAuth client created on the first start, which the console shows in a box. */
export const CREATED_CLIENT_EVENT = "oauthClientCreated";

interface LogRecord {
    msg?: unknown;
    event?: unknown;
    context?: unknown;
    req?: { method?: string; path?: string };
    res?: { statusCode?: number };
    responseTime?: number;
    clientId?: unknown;
    clientSecret?: unknown;
    err?: { type?: string; message?: string; stack?: string };
    stack?: unknown;
}

/** Lines below the message, framed and indented, in bold yellow where the terminal has colours. */
function box(lines: string[], colors: Colors): string {
    const width = Math.max(...lines.map((line) => line.length));
    const edge = "─".repeat(width + 2);
    const framed = [`┌${edge}┐`, ...lines.map((line) => `│ ${line.padEnd(width)} │`), `└${edge}┘`];
    return framed.map((line) => `    ${colors.bold(colors.yellow(line))}`).join("\n");
}

function statusColor(status: number, colors: Colors): (text: string) => string {
    if (status >= 500) return colors.red;
    if (status >= 400) return colors.yellow;
    return colors.green;
}

/**
 * The message of one human-readable log line (pino-pretty's `messageFormat`): a request as `METHOD /path status
 * duration`, the created OAuth client in a box, errors with their stack, and `[context]` for framework messages.
 */
export function prettyMessage(log: Record<string, unknown>, messageKey: string, _levelLabel: string, extras: { colors: Colors }): string {
    const record = log as LogRecord;
    const { colors } = extras;
    if (record.req && record.res) {
        const status = record.res.statusCode ?? 0;
        const duration = typeof record.responseTime === "number" ? ` ${colors.gray(`${Math.round(record.responseTime)} ms`)}` : "";
        return `${record.req.method ?? ""} ${record.req.path ?? ""} ${statusColor(status, colors)(String(status))}${duration}`;
    }
    const message = String(log[messageKey] ?? "");
    if (record.event === CREATED_CLIENT_EVENT) {
        const lines = [`client id:     ${String(record.clientId)}`, `client secret: ${String(record.clientSecret)}`];
        return `${colors.bold(`${message} (shown only once: keep the secret now)`)}\n${box(lines, colors)}`;
    }
    let text = typeof record.context === "string" && record.context ? `${colors.gray(`[${record.context}]`)} ${message}` : message;
    const stack = record.err?.stack ?? (typeof record.stack === "string" ? record.stack : undefined);
    if (stack) text += `\n${colors.gray(stack)}`;
    else if (record.err?.message && record.err.message !== message) text += `: ${record.err.message}`;
    return text;
}
