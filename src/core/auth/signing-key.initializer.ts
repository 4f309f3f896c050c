import { randomBytes } from "node:crypto";

import { Inject, Injectable, type OnModuleInit } from "@nestjs/common";
import { DataSource } from "typeorm";

import { BACKBONE_CONFIG, type BackboneConfig } from "../../config/config";
import { Setting } from "../database/setting.entity";
import { AccessTokens } from "./access-tokens";

const SETTING_KEY = "access-token-signing-key";

/**
 * Configures the token signing key: JWT_SECRET when set, else a random key generated once and kept in the database,
 * so that every instance sharing the database accepts the tokens of the others.
 */
@Injectable()
export class SigningKeyInitializer implements OnModuleInit {
    constructor(
        @Inject(BACKBONE_CONFIG) private readonly config: BackboneConfig,
        private readonly dataSource: DataSource,
        private readonly tokens: AccessTokens
    ) {}

    async onModuleInit(): Promise<void> {
        let secret: Buffer;
        if (this.config.JWT_SECRET) {
            secret = Buffer.from(this.config.JWT_SECRET, "utf8");
        } else {
            const settings = this.dataSource.getRepository(Setting);
            await settings
                .createQueryBuilder()
                .insert()
                .values({ key: SETTING_KEY, value: randomBytes(64).toString("base64") })
                .orIgnore()
                .execute();
            const stored = await settings.findOneByOrFail({ key: SETTING_KEY });
            secret = Buffer.from(stored.value, "base64");
        }
        this.tokens.configure(secret, this.config.JWT_LIFETIME_SECONDS);
    }
}
