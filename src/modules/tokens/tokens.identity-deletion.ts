import { Inject, Injectable, type OnModuleInit } from "@nestjs/common";
import type { EntityManager } from "typeorm";

import { BACKBONE_CONFIG, type BackboneConfig } from "../../config/config";
import { anonymizedAddress } from "../../core/crypto/identity-address";
import { DomainEvents } from "../../core/events/domain-events";
import { IdentityDeleted } from "../devices/devices.events";
import { Token, TokenAllocation } from "./token.entity";

/**
 * A deleted identity's tokens go with it (their allocations by cascade); where it is the target of a personalised
 * token or holds an allocation, its address is replaced by the anonymised address.
 */
@Injectable()
export class TokensIdentityDeletion implements OnModuleInit {
    private readonly anonymizedAddress: string;

    constructor(
        private readonly domainEvents: DomainEvents,
        @Inject(BACKBONE_CONFIG) config: BackboneConfig
    ) {
        this.anonymizedAddress = anonymizedAddress(config.DID_DOMAIN);
    }

    onModuleInit(): void {
        this.domainEvents.subscribe(IdentityDeleted, (manager, event) => this.remove(manager, event.address));
    }

    private async remove(manager: EntityManager, address: string): Promise<void> {
        const anonymized = this.anonymizedAddress;
        await manager.delete(Token, { createdBy: address });
        await manager.update(Token, { forIdentity: address }, { forIdentity: anonymized });
        // An allocation is keyed by token and address: where the anonymised address already holds one (another
        // deleted identity read the same token), the deleted identity's allocation is dropped instead.
        await manager.query(
            `DELETE FROM token_allocations a WHERE a.address = $1
             AND EXISTS (SELECT 1 FROM token_allocations b WHERE b.token_id = a.token_id AND b.address = $2)`,
            [address, anonymized]
        );
        await manager.update(TokenAllocation, { address }, { address: anonymized });
    }
}
