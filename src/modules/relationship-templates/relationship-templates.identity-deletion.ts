import { Injectable, type OnModuleInit } from "@nestjs/common";

import { DeletedIdentityAddress } from "../../core/crypto/identity-address";
import { DomainEvents } from "../../core/events/domain-events";
import { IdentityDeleted } from "../identities/identities.events";
import { RelationshipTemplatesDeleted } from "./relationship-templates.events";
import { RelationshipTemplatesRepository } from "./relationship-templates.repository";

/**
 * The relationship templates module's reaction to an identity's deletion, in the deletion's transaction: its
 * templates go (relationships created from them keep existing without a template), and where it is the target of a
 * personalised template or holds an allocation, the anonymised address takes its place.
 */
@Injectable()
export class RelationshipTemplatesIdentityDeletion implements OnModuleInit {
    constructor(
        private readonly events: DomainEvents,
        private readonly templates: RelationshipTemplatesRepository,
        private readonly deletedAddress: DeletedIdentityAddress
    ) {}

    onModuleInit(): void {
        this.events.subscribe(IdentityDeleted, async (manager, event) => {
            const ids = await this.templates.idsCreatedBy(manager, event.address);
            if (ids.length > 0) {
                await this.events.publish(manager, new RelationshipTemplatesDeleted(ids));
                await this.templates.delete(manager, ids);
            }
            await this.templates.anonymize(manager, event.address, this.deletedAddress.value);
        });
    }
}
