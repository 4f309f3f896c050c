import type { IncomingMessage, ServerResponse } from "node:http";

import { type DynamicModule, Module } from "@nestjs/common";
import { LoggerModule } from "nestjs-pino";

import { createLogger, type Logger } from "./logger";
import { BackboneLogger } from "./nest-logger";

export interface LoggingOptions {
    config: Parameters<typeof createLogger>[0];
    /** The process's logger (main.ts creates it before the app); created from the configuration when absent. */
    logger?: Logger;
    /** Where the logs go when no logger is given (default: stdout). */
    destination?: NodeJS.WritableStream;
}

/**
 * Logs through one pino logger: JSON lines or human-readable lines (see createLogger). Requests are logged once, when
 * answered, by method, path (without the query string, which can carry passwords), status and duration, with the
 * correlation id; bodies and headers are never logged. Health checks and metrics scrapes are left out.
 */
@Module({})
export class LoggingModule {
    static forRoot(options: LoggingOptions): DynamicModule {
        const logger = options.logger ?? createLogger(options.config, options.destination);
        const pinoHttp = {
            logger,
            genReqId: (req: IncomingMessage) => (req as IncomingMessage & { id?: string }).id ?? "",
            customProps: (req: IncomingMessage) => ({ correlationId: (req as IncomingMessage & { correlationId?: string }).correlationId }),
            customLogLevel: (_req: IncomingMessage, res: ServerResponse, error?: Error) =>
                error || res.statusCode >= 500 ? ("error" as const) : ("info" as const),
            serializers: {
                req: (req: { id?: string; method?: string; url?: string }) => ({
                    id: req.id,
                    method: req.method,
                    path: (req.url ?? "").split("?")[0]
                }),
                res: (res: ServerResponse | { statusCode?: number }) => ({ statusCode: res.statusCode })
            },
            autoLogging: {
                ignore: (req: IncomingMessage) =>
                    /^\/(health|metrics)(\/|\?|$)/.test((req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? "")
            },
            redact: { paths: ["req.headers", "res.headers"], remove: true }
        };
        return {
            module: LoggingModule,
            imports: [LoggerModule.forRoot({ pinoHttp }) as unknown as DynamicModule],
            providers: [BackboneLogger],
            exports: [BackboneLogger]
        };
    }
}
