import { Module } from "@nestjs/common";
import { TypeOrmModule } from "@nestjs/typeorm";

import { DevicesModule } from "../devices/devices.module";
import { SynchronizationModule } from "../synchronization/synchronization.module";
import { Token, TokenAllocation } from "./token.entity";
import { TokensController } from "./tokens.controller";
import { ExpiredTokensCleanup } from "./tokens.housekeeping";
import { TokensIdentityDeletion } from "./tokens.identity-deletion";
import { CreatedTokensUsage } from "./tokens.quota";
import { TokensRepository } from "./tokens.repository";
import { TokensService } from "./tokens.service";

/** Tokens: small encrypted records shared by id, anonymously readable, optionally personalised or password protected. */
@Module({
    imports: [TypeOrmModule.forFeature([Token, TokenAllocation]), SynchronizationModule, DevicesModule],
    controllers: [TokensController],
    providers: [TokensService, TokensRepository, ExpiredTokensCleanup, CreatedTokensUsage, TokensIdentityDeletion],
    exports: [TokensService]
})
export class TokensModule {}
