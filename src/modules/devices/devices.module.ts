import { Module } from "@nestjs/common";
import { TypeOrmModule } from "@nestjs/typeorm";

import { ChallengesModule } from "../challenges/challenges.module";
import { IdentitiesModule } from "../identities/identities.module";
import { OAuthClientsModule } from "../oauth-clients/oauth-clients.module";
import { AuthController } from "./auth.controller";
import { AuthService } from "./auth.service";
import { DeletedIdentityUsername } from "./deleted-identity.entity";
import { Device } from "./device.entity";
import { DevicesController } from "./devices.controller";
import { DevicesIdentityDeletion } from "./devices.identity-deletion";
import { CreatedDevicesUsage } from "./devices.quota";
import { DevicesRepository } from "./devices.repository";
import { DevicesService } from "./devices.service";
import { OnboardingController } from "./onboarding.controller";
import { SignedChallengeVerifier } from "./signed-challenge";

/** Devices with their logins: an identity's onboarding with its first device, further devices, the token endpoint. */
@Module({
    imports: [TypeOrmModule.forFeature([Device, DeletedIdentityUsername]), IdentitiesModule, OAuthClientsModule, ChallengesModule],
    controllers: [AuthController, OnboardingController, DevicesController],
    providers: [DevicesService, AuthService, DevicesRepository, SignedChallengeVerifier, CreatedDevicesUsage, DevicesIdentityDeletion],
    exports: [DevicesService]
})
export class DevicesModule {}
