import { Column, Entity, Index, PrimaryColumn } from "typeorm";

import { IdentityStatus } from "./devices.events";

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

    /** Logins are refused once the grace period of a deletion process is over. */
    canLogIn(now: Date): boolean {
        return this.deletionGracePeriodEndsAt === null || this.deletionGracePeriodEndsAt.getTime() >= now.getTime();
    }
}
