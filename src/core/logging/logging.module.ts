import type { IncomingMessage, ServerResponse } from "node:http";

import type { DynamicModule } from "@nestjs/common";
import { LoggerModule } from "nestjs-pino";

import type { BackboneConfig } from "../../config/config";

/**
 * Structured JSON logs. Requests are logged by method, path (without the query string, which can carry passwords)
 * and status, with the correlation id; bodies and headers are never logged.
 */
export class LoggingModule {
    static forRoot(config: BackboneConfig, destination?: NodeJS.WritableStream): DynamicModule {
        const options = {
            level: config.LOG_LEVEL,
            genReqId: (req: IncomingMessage) => (req as IncomingMessage & { id?: string }).id ?? "",
            customProps: (req: IncomingMessage) => ({ correlationId: (req as IncomingMessage & { correlationId?: string }).correlationId }),
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
        return LoggerModule.forRoot({ pinoHttp: destination ? [options, destination] : options }) as unknown as DynamicModule;
    }
}
