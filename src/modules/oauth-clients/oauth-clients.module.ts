import { Module } from "@nestjs/common";
import { TypeOrmModule } from "@nestjs/typeorm";

import { IdentitiesModule } from "../identities/identities.module";
import { OAuthClient } from "./oauth-client.entity";
import { OAuthClientsRepository } from "./oauth-clients.repository";
import { OAuthClientsService } from "./oauth-clients.service";

/** OAuth clients: the apps and Connectors allowed to create identities and log devices in, managed through the Admin API. */
@Module({
    imports: [TypeOrmModule.forFeature([OAuthClient]), IdentitiesModule],
    providers: [OAuthClientsService, OAuthClientsRepository],
    exports: [OAuthClientsService]
})
export class OAuthClientsModule {}
