import { Inject, Injectable, type OnModuleInit } from "@nestjs/common";
import { DataSource } from "typeorm";

import { BACKBONE_CONFIG, type BackboneConfig } from "../../config/config";
import type { Caller } from "../../core/auth/caller";
import { lockForTransaction } from "../../core/database/advisory-lock";
import { notFound } from "../../core/errors/errors";
import { DomainEvents } from "../../core/events/domain-events";
import { IdentityDeleted } from "../identities/identities.events";
import { RelationshipsService } from "../relationships/relationships.service";
import { FeatureFlag, MAX_FEATURE_FLAG_NAME_LENGTH } from "./feature-flag.entity";
import { FeatureFlagsErrors } from "./feature-flags.errors";
import { FeatureFlagsChanged } from "./feature-flags.events";

/** Most flags one PATCH may carry (wire contract 4.1). */
export const MAX_FEATURE_FLAGS_PER_REQUEST = 200;

/** The name as the official Backbone shows it: its dictionary key policy lower-cases the first letter. */
export function camelCaseKey(name: string): string {
    return name.length === 0 ? name : name[0]!.toLowerCase() + name.substring(1);
}

/** Checks a PATCH body: a JSON object of names (1..200 characters) to booleans, at most 200 of them. */
export function parseFeatureFlags(body: unknown): Array<[string, boolean]> {
    if (body === null || typeof body !== "object" || Array.isArray(body)) throw FeatureFlagsErrors.notAnObject();
    const entries = Object.entries(body as Record<string, unknown>);
    if (entries.length > MAX_FEATURE_FLAGS_PER_REQUEST) throw FeatureFlagsErrors.tooManyInRequest(MAX_FEATURE_FLAGS_PER_REQUEST);
    for (const [name, enabled] of entries) {
        if (name.length === 0 || name.length > MAX_FEATURE_FLAG_NAME_LENGTH)
            throw FeatureFlagsErrors.invalidName(MAX_FEATURE_FLAG_NAME_LENGTH);
        if (typeof enabled !== "boolean") throw FeatureFlagsErrors.notABoolean();
    }
    return entries as Array<[string, boolean]>;
}

@Injectable()
export class FeatureFlagsService implements OnModuleInit {
    constructor(
        private readonly dataSource: DataSource,
        private readonly relationships: RelationshipsService,
        private readonly domainEvents: DomainEvents,
        @Inject(BACKBONE_CONFIG) private readonly config: BackboneConfig
    ) {}

    onModuleInit(): void {
        // A deleted identity's flags go in the transaction that deletes it.
        this.domainEvents.subscribe(IdentityDeleted, async (manager, event) => {
            await manager.delete(FeatureFlag, { identityAddress: event.address });
        });
    }

    /**
     * Sets the given flags of the caller (the others stay) and announces the change (synchronization tells the
     * identities that follow the caller), in one transaction.
     */
    async updateOwnFeatureFlags(caller: Caller, flags: Array<[string, boolean]>): Promise<void> {
        if (flags.length === 0) return;
        const max = this.config.MAX_NUMBER_OF_FEATURE_FLAGS_PER_IDENTITY;
        await this.dataSource.transaction(async (manager) => {
            // One writer per identity at a time, so that the limit holds under concurrent requests.
            await lockForTransaction(manager, "feature_flags", caller.address);
            await manager
                .createQueryBuilder()
                .insert()
                .into(FeatureFlag)
                .values(flags.map(([name, enabled]) => ({ identityAddress: caller.address, name, enabled })))
                .orUpdate(["enabled"], ["identity_address", "name"])
                .execute();
            if ((await manager.countBy(FeatureFlag, { identityAddress: caller.address })) > max)
                throw FeatureFlagsErrors.maxNumberExceeded(max);
            await this.domainEvents.publish(manager, new FeatureFlagsChanged(caller.address));
        });
    }

    /**
     * The flags of an identity, for itself and for identities that know it (any relationship, or an allocated template
     * of it); 404 for everybody else. Keys start lower-case as in the official Backbone.
     */
    async featureFlagsOf(caller: Caller, address: string): Promise<Record<string, boolean>> {
        if (caller.address !== address && !(await this.relationships.knows(caller.address, address))) throw notFound("Identity");
        const flags = await this.dataSource
            .getRepository(FeatureFlag)
            .find({ where: { identityAddress: address }, order: { name: "ASC" } });
        const result: Record<string, boolean> = {};
        for (const flag of flags) result[camelCaseKey(flag.name)] = flag.enabled;
        return result;
    }
}
