import { Injectable } from "@nestjs/common";
import { InjectDataSource } from "@nestjs/typeorm";
import type { DataSource, EntityManager } from "typeorm";

import { lockForTransaction } from "../../core/database/advisory-lock";
import { FeatureFlag } from "./feature-flag.entity";

/**
 * Every query of the feature-flags module, named by intent. Methods that run inside a use case's transaction take its
 * EntityManager first; standalone reads use the DataSource.
 */
@Injectable()
export class FeatureFlagsRepository {
    constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

    /** One writer per identity at a time until the transaction ends, so that the limit holds under concurrent requests. */
    async lockIdentity(manager: EntityManager, address: string): Promise<void> {
        await lockForTransaction(manager, "feature_flags", address);
    }

    /** Sets the given flags of an identity (inserted or updated); the others stay. */
    async upsert(manager: EntityManager, flags: FeatureFlag[]): Promise<void> {
        await manager
            .createQueryBuilder()
            .insert()
            .into(FeatureFlag)
            .values(flags)
            .orUpdate(["enabled"], ["identity_address", "name"])
            .execute();
    }

    async countOf(manager: EntityManager, address: string): Promise<number> {
        return await manager.countBy(FeatureFlag, { identityAddress: address });
    }

    /** The flags of an identity by name. */
    async findOf(address: string): Promise<FeatureFlag[]> {
        return await this.dataSource.getRepository(FeatureFlag).find({ where: { identityAddress: address }, order: { name: "ASC" } });
    }

    /** A deleted identity's flags go in the deletion's transaction. */
    async removeIdentity(manager: EntityManager, address: string): Promise<void> {
        await manager.delete(FeatureFlag, { identityAddress: address });
    }
}
