import { Injectable } from "@nestjs/common";
import { Logger } from "nestjs-pino";

/** Framework contexts whose informational messages describe the boot (modules loaded, routes mapped, started). */
const BOOT_CONTEXTS = new Set(["NestFactory", "InstanceLoader", "RoutesResolver", "RouterExplorer", "NestApplication"]);

/**
 * Nest's logger on top of pino. The framework's boot messages (one per module and route, about 150 lines) are logged
 * at `debug`, so that `info` shows the start-up summary and the requests.
 */
@Injectable()
export class BackboneLogger extends Logger {
    override log(message: unknown, ...optionalParams: unknown[]): void {
        const context = optionalParams.at(-1);
        if (typeof context === "string" && BOOT_CONTEXTS.has(context)) super.debug(message, ...optionalParams);
        else super.log(message, ...optionalParams);
    }
}
