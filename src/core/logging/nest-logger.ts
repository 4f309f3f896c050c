import type { LoggerService } from "@nestjs/common";

import type { Logger } from "./logger";

/** Framework contexts whose informational messages describe the boot (modules loaded, routes mapped, started). */
const BOOT_CONTEXTS = new Set(["NestFactory", "InstanceLoader", "RoutesResolver", "RouterExplorer", "NestApplication"]);

type Level = "trace" | "debug" | "info" | "warn" | "error" | "fatal";

/** The framework's exception handlers call `error(message, stack, context)`; the stack becomes the error's. */
const isStack = (value: unknown): value is string => typeof value === "string" && /\n\s*at /.test(value);

/**
 * Nest's logger on top of the process's pino logger: `Logger` instances of the framework and the modules write through
 * it as `{context, msg}` (an object message is merged in, an Error becomes `err`). The framework's boot messages (one
 * per module and route, about 150 lines) are logged at `debug`, so that `info` shows the start-up summary and the
 * requests. A message below the configured level costs one comparison: nothing is formatted, and no logger is
 * created per request (the request log is a hook, request-log.ts).
 */
export class BackboneLogger implements LoggerService {
    constructor(readonly pino: Logger) {}

    verbose(message: unknown, ...optionalParams: unknown[]): void {
        this.write("trace", message, optionalParams);
    }

    debug(message: unknown, ...optionalParams: unknown[]): void {
        this.write("debug", message, optionalParams);
    }

    log(message: unknown, ...optionalParams: unknown[]): void {
        const context = optionalParams.at(-1);
        this.write(typeof context === "string" && BOOT_CONTEXTS.has(context) ? "debug" : "info", message, optionalParams);
    }

    warn(message: unknown, ...optionalParams: unknown[]): void {
        this.write("warn", message, optionalParams);
    }

    error(message: unknown, ...optionalParams: unknown[]): void {
        this.write("error", message, optionalParams);
    }

    fatal(message: unknown, ...optionalParams: unknown[]): void {
        this.write("fatal", message, optionalParams);
    }

    private write(level: Level, message: unknown, optionalParams: unknown[]): void {
        if (!this.pino.isLevelEnabled(level)) return;
        // The last parameter is the context (the logger's name); what comes before it is interpolated into the message.
        const fields: Record<string, unknown> = {};
        let params = optionalParams;
        if (optionalParams.length > 0) {
            fields["context"] = optionalParams.at(-1);
            params = optionalParams.slice(0, -1);
        }
        if (typeof message === "object" && message !== null) {
            if (message instanceof Error) fields["err"] = message;
            else Object.assign(fields, message);
            this.pino[level](fields, ...(params as []));
        } else if (level === "error" && typeof message === "string" && params.length === 1 && isStack(params[0])) {
            const err = new Error(message);
            err.stack = params[0];
            fields["err"] = err;
            this.pino[level](fields);
        } else {
            this.pino[level](fields, String(message), ...(params as []));
        }
    }
}
