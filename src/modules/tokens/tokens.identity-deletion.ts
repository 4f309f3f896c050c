import { Injectable, type OnModuleInit } from "@nestjs/common";

import { DeletedIdentityAddress } from "../../core/crypto/identity-address";
import { DomainEvents } from "../../core/events/domain-events";
import { IdentityDeleted } from "../identities/identities.events";
import { TokensRepository } from "./tokens.repository";

/**
 * The tokens module's reaction to an identity's deletion, in the deletion's transaction: the tokens it created go,
 * and where it is the target of a personalised token or holds an allocation, the anonymised address takes its place.
 */
@Injectable()
export class TokensIdentityDeletion implements OnModuleInit {
    constructor(
        private readonly events: DomainEvents,
        private readonly tokens: TokensRepository,
        private readonly deletedAddress: DeletedIdentityAddress
    ) {}

    onModuleInit(): void {
        this.events.subscribe(IdentityDeleted, (manager, event) =>
            this.tokens.removeIdentity(manager, event.address, this.deletedAddress.value)
        );
    }
}
