import { type DynamicModule, Module } from "@nestjs/common";

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
 * Logs through one pino logger: JSON lines or human-readable lines (see createLogger). The framework's and the
 * modules' `Logger` instances write through BackboneLogger; requests are logged once, when answered, by the server's
 * hooks (request-log.ts, registered by configureApp).
 */
@Module({})
export class LoggingModule {
    static forRoot(options: LoggingOptions): DynamicModule {
        const logger = options.logger ?? createLogger(options.config, options.destination);
        return {
            module: LoggingModule,
            providers: [{ provide: BackboneLogger, useValue: new BackboneLogger(logger) }],
            exports: [BackboneLogger]
        };
    }
}
