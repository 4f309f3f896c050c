import { Module } from "@nestjs/common";

import { PlatformController } from "./platform.controller";
import { PlatformService } from "./platform.service";

/** Version, attribute tags, public template references and app-link files: static content from configuration. */
@Module({
    controllers: [PlatformController],
    providers: [PlatformService]
})
export class PlatformModule {}
