import { type DynamicModule, Global, Module } from "@nestjs/common";
import { APP_FILTER, APP_GUARD, DiscoveryModule } from "@nestjs/core";
import { JwtModule } from "@nestjs/jwt";
import { ScheduleModule } from "@nestjs/schedule";
import { getOptionsToken, getStorageToken } from "@nestjs/throttler";
import { TypeOrmModule } from "@nestjs/typeorm";
import { DataSource, type DataSourceOptions } from "typeorm";

import { BACKBONE_CONFIG, type BackboneConfig } from "../config/config";
import { AdminApiKeyGuard, AdminApiKeyStrategy, XsrfGuard, XsrfTokens } from "./admin/admin-api";
import { AccessTokens } from "./auth/access-tokens";
import { BearerAuthGuard } from "./auth/auth.guard";
import { BearerTokenStrategy } from "./auth/bearer-token.strategy";
import { SigningKeyInitializer } from "./auth/signing-key.initializer";
import { BlobStorage } from "./blob-storage/blob-storage";
import { createBlobStorage } from "./blob-storage/create-blob-storage";
import { UnfinishedUploadsCleanup } from "./blob-storage/unfinished-uploads.cleanup";
import { Clock, SystemClock } from "./clock/clock";
import { anonymizedAddress, DeletedIdentityAddress } from "./crypto/identity-address";
import { AfterCommit } from "./database/after-commit";
import { dataSourceOptions, runMigrations } from "./database/data-source";
import { runUnprepared } from "./database/raw-query";
import { Setting } from "./database/setting.entity";
import { Transactions } from "./database/transactions";
import { DomainEvents } from "./events/domain-events";
import { Housekeeper } from "./housekeeping/housekeeper";
import { HousekeepingRun } from "./housekeeping/housekeeping-run.entity";
import { GlobalExceptionFilter } from "./http/exception.filter";
import { AdminListener } from "./http/listeners";
import { Paging } from "./http/paging";
import type { Logger } from "./logging/logger";
import { Metrics } from "./metrics/metrics";
import { MetricsController } from "./metrics/metrics.controller";
import { QuotaEnforcement } from "./quotas/quota-enforcement";
import { RateLimitCountersCleanup, RateLimitStorage } from "./rate-limit/rate-limit.storage";

export interface RuntimeOptions {
    config: BackboneConfig;
    /** The database to use (DATABASE_URL or the embedded one). */
    databaseUrl: string;
    clock?: Clock;
    blobStorage?: BlobStorage;
    /** Where the logs go when no logger is given (default: stdout). */
    logDestination?: NodeJS.WritableStream;
    /** The process's logger (main.ts creates it first, so that start-up and shutdown lines share it). */
    logger?: Logger;
}

/** Cross-cutting building blocks every module may use: config, clock, database (transactions, after-commit work), domain events, blobs, auth, paging, metrics, housekeeping, rate limits, quota enforcement. */
@Global()
@Module({})
export class CoreModule {
    static forRoot(options: RuntimeOptions): DynamicModule {
        const { config } = options;
        return {
            module: CoreModule,
            imports: [
                JwtModule.register({}),
                TypeOrmModule.forRootAsync({
                    useFactory: () => ({ ...dataSourceOptions(options.databaseUrl, config.DATABASE_POOL_SIZE), autoLoadEntities: true }),
                    dataSourceFactory: async (dsOptions) => {
                        const dataSource = await new DataSource(dsOptions as DataSourceOptions).initialize();
                        if (!config.DATABASE_PREPARED_STATEMENTS) runUnprepared(dataSource);
                        await runMigrations(dataSource);
                        return dataSource;
                    }
                }),
                TypeOrmModule.forFeature([Setting, HousekeepingRun]),
                ScheduleModule.forRoot(),
                DiscoveryModule
            ],
            controllers: [MetricsController],
            providers: [
                { provide: BACKBONE_CONFIG, useValue: config },
                { provide: Clock, useValue: options.clock ?? new SystemClock() },
                { provide: DeletedIdentityAddress, useValue: new DeletedIdentityAddress(anonymizedAddress(config.DID_DOMAIN)) },
                { provide: BlobStorage, useValue: options.blobStorage ?? createBlobStorage(config) },
                UnfinishedUploadsCleanup,
                AccessTokens,
                BearerTokenStrategy,
                AdminApiKeyStrategy,
                SigningKeyInitializer,
                Paging,
                Transactions,
                AfterCommit,
                DomainEvents,
                Metrics,
                Housekeeper,
                RateLimitStorage,
                RateLimitCountersCleanup,
                AdminApiKeyGuard,
                XsrfTokens,
                XsrfGuard,
                AdminListener,
                QuotaEnforcement,
                { provide: getStorageToken(), useExisting: RateLimitStorage },
                // The guard takes budget and window from the configuration; this entry only satisfies the throttler's contract.
                { provide: getOptionsToken(), useValue: { throttlers: [{ name: "default", limit: 1, ttl: 60_000 }] } },
                { provide: APP_GUARD, useClass: BearerAuthGuard },
                { provide: APP_FILTER, useClass: GlobalExceptionFilter }
            ],
            exports: [
                BACKBONE_CONFIG,
                Clock,
                DeletedIdentityAddress,
                BlobStorage,
                AccessTokens,
                Paging,
                Transactions,
                AfterCommit,
                DomainEvents,
                TypeOrmModule,
                Metrics,
                Housekeeper,
                AdminApiKeyGuard,
                XsrfTokens,
                XsrfGuard,
                AdminListener,
                QuotaEnforcement,
                getStorageToken(),
                getOptionsToken(),
                DiscoveryModule
            ]
        };
    }
}
