import { Inject, Injectable, type OnModuleInit } from "@nestjs/common";

import { BACKBONE_CONFIG, type BackboneConfig } from "../../config/config";
import { anonymizedAddress } from "../../core/crypto/identity-address";
import { DomainEvents } from "../../core/events/domain-events";
import { IdentityDeleted } from "../identities/identities.events";
import { TokensRepository } from "./tokens.repository";

/**
 * The tokens module's reaction to an identity's deletion, in the deletion's transaction: the tokens it created go,
 * and where it is the target of a personalised token or holds an allocation, the anonymised address takes its place.
 */
@Injectable()
export class TokensIdentityDeletion implements OnModuleInit {
    private readonly anonymizedAddress: string;

    constructor(
        private readonly events: DomainEvents,
        private readonly tokens: TokensRepository,
        @Inject(BACKBONE_CONFIG) config: BackboneConfig
    ) {
        this.anonymizedAddress = anonymizedAddress(config.DID_DOMAIN);
    }

    onModuleInit(): void {
        this.events.subscribe(IdentityDeleted, (manager, event) =>
            this.tokens.removeIdentity(manager, event.address, this.anonymizedAddress)
        );
    }
}
