import { Controller, Get, Res, ServiceUnavailableException } from "@nestjs/common";
import { ApiExcludeController } from "@nestjs/swagger";
import {
    HealthCheck,
    type HealthCheckResult,
    HealthCheckService,
    type HealthIndicatorResult,
    HealthIndicatorService,
    TypeOrmHealthIndicator
} from "@nestjs/terminus";
import type { FastifyReply } from "fastify";

import { Public } from "../auth/caller";
import { BlobStorage, BlobStorageUnavailableError, describeFailure } from "../blob-storage/blob-storage";
import { RawResponse } from "../http/raw-response";
import { CachedCheck, within } from "./cached-check";

/** How long one answer of the blob store serves readiness probes. */
export const BLOB_STORAGE_CHECK_CACHE_MS = 3000;
/** How long readiness waits for a dependency before it reports it down. */
const READINESS_CHECK_TIMEOUT_MS = 3000;

/** Health (official wording), liveness (the process answers) and readiness (PostgreSQL and the blob store answer) for load balancers and orchestrators. */
@ApiExcludeController()
@Controller("health")
export class HealthController {
    constructor(
        private readonly health: HealthCheckService,
        private readonly database: TypeOrmHealthIndicator,
        private readonly indicators: HealthIndicatorService,
        private readonly blobs: BlobStorage
    ) {}

    /**
     * Health as the official Backbone answers it (ASP.NET `MapHealthChecks("/health")`) and as the official Connector
     * probes it: plain text `Healthy` (200) or `Unhealthy` (503 while PostgreSQL or the blob store fails).
     */
    @Get()
    @Public()
    @RawResponse()
    async officialHealth(@Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
        const result = (await this.ready(reply)) as Partial<HealthCheckResult>;
        reply.header("content-type", "text/plain; charset=utf-8").header("cache-control", "no-store, no-cache");
        return result.status === "ok" ? "Healthy" : "Unhealthy";
    }

    @Get("live")
    @Public()
    @RawResponse()
    @HealthCheck()
    live(): Promise<HealthCheckResult> {
        return this.health.check([]);
    }

    @Get("ready")
    @Public()
    @RawResponse()
    @HealthCheck()
    async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthCheckResult | object> {
        try {
            return await this.health.check([() => this.database.pingCheck("database", { timeout: 3000 }), () => this.blobStorage()]);
        } catch (error) {
            // Not ready: 503 with the check results (which dependency is down), not the generic error envelope.
            if (!(error instanceof ServiceUnavailableException)) throw error;
            reply.status(503);
            return error.getResponse() as object;
        }
    }

    /** A round trip to the blob store (a HEAD of the S3 bucket, a probe file), shared by the probes of a few seconds. */
    private blobCheck?: CachedCheck;

    private async blobStorage(): Promise<HealthIndicatorResult> {
        const indicator = this.indicators.check("blobStorage");
        this.blobCheck ??= new CachedCheck(() => this.blobs.check(), BLOB_STORAGE_CHECK_CACHE_MS);
        try {
            await within(this.blobCheck.check(), READINESS_CHECK_TIMEOUT_MS, "the blob store");
            return indicator.up();
        } catch (error) {
            return indicator.down({ message: describeFailure(error instanceof BlobStorageUnavailableError ? error.reason : error) });
        }
    }
}
