import { Module } from "@nestjs/common";
import { TypeOrmModule } from "@nestjs/typeorm";

import { Token, TokenAllocation } from "./token.entity";
import { TokensController } from "./tokens.controller";
import { ExpiredTokensCleanup } from "./tokens.housekeeping";
import { TokensIdentityDeletion } from "./tokens.identity-deletion";
import { CreatedTokensUsage } from "./tokens.quota";
import { TokensRepository } from "./tokens.repository";
import { TokensService } from "./tokens.service";

/** Tokens: small encrypted records shared by id, anonymously readable, optionally personalised or password protected. */
@Module({
    imports: [TypeOrmModule.forFeature([Token, TokenAllocation])],
    controllers: [TokensController],
    providers: [TokensService, TokensRepository, ExpiredTokensCleanup, CreatedTokensUsage, TokensIdentityDeletion],
    exports: [TokensService]
})
export class TokensModule {}
