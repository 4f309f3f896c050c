import { Controller, Get, Header, Inject, NotFoundException, Res } from "@nestjs/common";
import { ApiExcludeController } from "@nestjs/swagger";
import type { FastifyReply } from "fastify";

import { BACKBONE_CONFIG, type BackboneConfig } from "../../config/config";
import { Public } from "../auth/caller";
import { ServedOnAdminListener } from "../http/listeners";
import { RawResponse } from "../http/raw-response";
import { Metrics } from "./metrics";

/** Prometheus text exposition on the admin listener; part of neither API document. */
@ApiExcludeController()
@ServedOnAdminListener()
@Controller("metrics")
export class MetricsController {
    constructor(
        private readonly metrics: Metrics,
        @Inject(BACKBONE_CONFIG) private readonly config: BackboneConfig
    ) {}

    @Get()
    @Public()
    @RawResponse()
    @Header("cache-control", "no-store")
    async getMetrics(@Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
        if (!this.config.METRICS_ENABLED) throw new NotFoundException();
        const { contentType, text } = await this.metrics.scrape();
        reply.header("content-type", contentType);
        return text;
    }
}
