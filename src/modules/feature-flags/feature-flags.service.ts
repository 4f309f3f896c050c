import { Inject, Injectable, type OnModuleInit } from "@nestjs/common";
import { DataSource } from "typeorm";

import { BACKBONE_CONFIG, type BackboneConfig } from "../../config/config";
import type { Caller } from "../../core/auth/caller";
import { notFound } from "../../core/errors/errors";
import { DomainEvents } from "../../core/events/domain-events";
import { IdentityDeleted } from "../devices/devices.events";
import { RelationshipsService } from "../relationships/relationships.service";
import { ExternalEventType } from "../synchronization/external-event-types";
import { ExternalEventsService } from "../synchronization/external-events.service";
import { FeatureFlag, MAX_FEATURE_FLAG_NAME_LENGTH } from "./feature-flag.entity";
import { FeatureFlagsErrors } from "./feature-flags.errors";

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
        private readonly events: ExternalEventsService,
        private readonly domainEvents: DomainEvents,
        @Inject(BACKBONE_CONFIG) private readonly config: BackboneConfig
    ) {}

    onModuleInit(): void {
        // A deleted identity's flags go in the transaction that deletes it.
        this.domainEvents.subscribe<IdentityDeleted>(IdentityDeleted.eventName, async (manager, event) => {
            await manager.delete(FeatureFlag, { identityAddress: event.address });
        });
    }

    /**
     * Sets the given flags of the caller (the others stay) and tells the identities that know the caller
     * (PeerFeatureFlagsChanged), in one transaction.
     */
    async updateOwnFeatureFlags(caller: Caller, flags: Array<[string, boolean]>): Promise<void> {
        if (flags.length === 0) return;
        const max = this.config.MAX_NUMBER_OF_FEATURE_FLAGS_PER_IDENTITY;
        await this.dataSource.transaction(async (manager) => {
            // One writer per identity at a time, so that the limit holds under concurrent requests.
            await manager.query("SELECT pg_advisory_xact_lock(hashtext('feature_flags:' || $1))", [caller.address]);
            await manager
                .createQueryBuilder()
                .insert()
                .into(FeatureFlag)
                .values(flags.map(([name, enabled]) => ({ identityAddress: caller.address, name, enabled })))
                .orUpdate(["enabled"], ["identity_address", "name"])
                .execute();
            if ((await manager.countBy(FeatureFlag, { identityAddress: caller.address })) > max)
                throw FeatureFlagsErrors.maxNumberExceeded(max);
            const followers = await this.relationships.followersOf(manager, caller.address);
            await this.events.record(
                manager,
                followers.map((owner) => ({
                    owner,
                    type: ExternalEventType.PeerFeatureFlagsChanged,
                    payload: { peerAddress: caller.address }
                }))
            );
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
