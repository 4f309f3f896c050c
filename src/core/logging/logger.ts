import pino, { type Logger } from "pino";
import pinoPretty from "pino-pretty";

import type { BackboneConfig } from "../../config/config";
import { prettyMessage } from "./pretty";

export type { Logger } from "pino";

export type LogFormat = "pretty" | "json";

/** `auto` becomes `pretty` when the logs go to a terminal, else `json` (log collectors, files, pipes). */
export function resolveLogFormat(
    format: BackboneConfig["LOG_FORMAT"] | undefined,
    destination: NodeJS.WritableStream | undefined
): LogFormat {
    if (format === "pretty" || format === "json") return format;
    const stream = (destination ?? process.stdout) as NodeJS.WritableStream & { isTTY?: boolean };
    return stream.isTTY ? "pretty" : "json";
}

/**
 * The one logger of the process: everything the Backbone prints goes through it, so that a JSON stream carries
 * nothing but JSON lines. Writes synchronously, so that the last lines before an exit are not lost.
 */
export function createLogger(config: Pick<BackboneConfig, "LOG_LEVEL" | "LOG_FORMAT">, destination?: NodeJS.WritableStream): Logger {
    const format = resolveLogFormat(config.LOG_FORMAT, destination);
    const options: pino.LoggerOptions = { level: config.LOG_LEVEL, base: { pid: process.pid } };
    if (format === "json") return pino(options, destination ?? pino.destination({ dest: 1, sync: true }));
    const pretty = pinoPretty({
        destination: destination ?? 1,
        sync: true,
        colorize: pinoPretty.isColorSupported && (destination === undefined || (destination as { isTTY?: boolean }).isTTY === true),
        translateTime: "SYS:HH:MM:ss",
        customPrettifiers: { time: (time) => String(time) },
        hideObject: true,
        ignore: "pid,hostname",
        messageFormat: prettyMessage
    });
    return pino(options, pretty);
}
