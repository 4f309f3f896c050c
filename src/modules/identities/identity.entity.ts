import { Column, Entity, Index, PrimaryColumn } from "typeorm";

import { QUEUED_FOR_DELETION_TIER_ID } from "../../core/quotas/tiers";
import { IdentitiesErrors } from "./identities.errors";
import { IdentityStatus } from "./identities.events";

export interface NewIdentity {
    address: string;
    clientId: string;
    /** The JSON of the public key as sent at creation. */
    publicKey: Buffer;
    identityVersion: number;
    tierId: string | null;
    now: Date;
}

/** A person or organisation, known only by the address derived from its public key. */
@Entity({ name: "identities" })
@Index("ix_identities_created_at", ["createdAt"])
export class Identity {
    @PrimaryColumn({ type: "varchar", length: 80 })
    address!: string;

    @Column({ type: "varchar", length: 200 })
    clientId!: string;

    /** The JSON of the public key as sent at creation (verifies device registrations later). */
    @Column({ type: "bytea" })
    publicKey!: Buffer;

    @Column({ type: "smallint" })
    identityVersion!: number;

    @Column({ type: "varchar", length: 20, nullable: true })
    tierId!: string | null;

    @Column({ type: "varchar", length: 20, default: IdentityStatus.Active })
    status!: IdentityStatus;

    @Column({ type: "timestamptz", nullable: true })
    deletionGracePeriodEndsAt!: Date | null;

    @Column({ type: "timestamptz" })
    createdAt!: Date;

    /** A new, active identity in the default tier of its client. */
    static create(input: NewIdentity): Identity {
        return Object.assign(new Identity(), {
            address: input.address,
            clientId: input.clientId,
            publicKey: input.publicKey,
            identityVersion: input.identityVersion,
            tierId: input.tierId,
            status: IdentityStatus.Active,
            deletionGracePeriodEndsAt: null,
            createdAt: input.now
        });
    }

    /** Logins are refused once the grace period of a deletion process is over. */
    canLogIn(now: Date): boolean {
        return this.deletionGracePeriodEndsAt === null || this.deletionGracePeriodEndsAt.getTime() >= now.getTime();
    }

    /** The grace period of its deletion is over: the identity is deleted on the next run of the deletion. */
    isDueForDeletion(now: Date): boolean {
        return !this.canLogIn(now);
    }

    /**
     * Whether moving to `tierId` changes anything. The "Queued for Deletion" tier is only entered and left through
     * deletion processes, never assigned by hand.
     */
    changesTier(tierId: string): boolean {
        if (this.tierId === tierId) return false;
        if (tierId === QUEUED_FOR_DELETION_TIER_ID || this.tierId === QUEUED_FOR_DELETION_TIER_ID) {
            throw IdentitiesErrors.queuedForDeletionTierCannotBeAssigned();
        }
        return true;
    }

    /** A deletion process started: the identity waits for the end of the grace period in the "Queued for Deletion" tier. */
    queueForDeletion(gracePeriodEndsAt: Date): void {
        this.status = IdentityStatus.ToBeDeleted;
        this.deletionGracePeriodEndsAt = gracePeriodEndsAt;
        this.tierId = QUEUED_FOR_DELETION_TIER_ID;
    }

    /** Its deletion process was cancelled: active again, in the tier it had before. */
    restore(previousTierId: string | null): void {
        this.status = IdentityStatus.Active;
        this.deletionGracePeriodEndsAt = null;
        this.tierId = previousTierId;
    }
}
