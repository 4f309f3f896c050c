import { Column, Entity, PrimaryColumn } from "typeorm";

import { newId } from "../../core/ids/ids";
import { OAuthClientsErrors } from "./oauth-clients.errors";

/** Changes of a client's settings: `undefined` leaves a value as it is, null removes it. */
export interface OAuthClientChanges {
    defaultTier?: string | null;
    maxIdentities?: number | null;
}

/** An OAuth client (a Connector installation or an App build) allowed to create identities and log devices in. */
@Entity({ name: "oauth_clients" })
export class OAuthClient {
    @PrimaryColumn({ type: "varchar", length: 200 })
    id!: string;

    @Column({ type: "varchar", length: 200 })
    secretHash!: string;

    @Column({ type: "varchar", length: 200 })
    displayName!: string;

    @Column({ type: "varchar", length: 20, nullable: true })
    defaultTier!: string | null;

    @Column({ type: "integer", nullable: true })
    maxIdentities!: number | null;

    @Column({ type: "timestamptz" })
    createdAt!: Date;

    /** A new client: a generated id when none is given, the id as display name when none is given. */
    static create(input: {
        id?: string;
        secretHash: string;
        displayName?: string;
        defaultTier?: string | null;
        maxIdentities?: number | null;
        now: Date;
    }): OAuthClient {
        const id = input.id || newId("CLT");
        return Object.assign(new OAuthClient(), {
            id,
            secretHash: input.secretHash,
            displayName: input.displayName || id,
            defaultTier: input.defaultTier ?? null,
            maxIdentities: input.maxIdentities ?? null,
            createdAt: input.now
        });
    }

    /** Refuses another identity when the client has reached its limit. */
    admitAnotherIdentity(numberOfIdentities: number): void {
        if (this.maxIdentities !== null && numberOfIdentities >= this.maxIdentities)
            throw OAuthClientsErrors.clientReachedIdentitiesLimit();
    }

    /** Whether the changes need the number of identities the client has (a new limit must not lie below it). */
    static limitChanges(changes: OAuthClientChanges): boolean {
        return changes.maxIdentities !== undefined && changes.maxIdentities !== null;
    }

    /** The columns to write for the changes; a limit below the number of identities the client already has is refused. */
    change(changes: OAuthClientChanges, numberOfIdentities: number): Partial<OAuthClient> {
        if (changes.maxIdentities !== undefined && changes.maxIdentities !== null && changes.maxIdentities < numberOfIdentities) {
            throw OAuthClientsErrors.maxIdentitiesLessThanCurrentIdentities(changes.maxIdentities, numberOfIdentities);
        }
        const update: Partial<OAuthClient> = {};
        if (changes.defaultTier !== undefined) update.defaultTier = changes.defaultTier;
        if (changes.maxIdentities !== undefined) update.maxIdentities = changes.maxIdentities;
        return update;
    }
}
