import { Column, Entity, Index, PrimaryColumn } from "typeorm";

import { newId } from "../../core/ids/ids";

export const CHALLENGE_LIFETIME_MS = 10 * 60 * 1000;
/** A challenge stays readable for this long after it expired. */
export const CHALLENGE_READ_GRACE_MS = 60 * 60 * 1000;
/** Housekeeping deletes a challenge this long after it expired. */
export const CHALLENGE_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;

/** A random value that a key holder signs to prove possession (identity and device creation). */
@Entity({ name: "challenges" })
export class Challenge {
    @PrimaryColumn({ type: "varchar", length: 20 })
    id!: string;

    @Index("ix_challenges_expires_at")
    @Column({ type: "timestamptz" })
    expiresAt!: Date;

    @Column({ type: "varchar", length: 80, nullable: true })
    createdBy!: string | null;

    @Column({ type: "varchar", length: 20, nullable: true })
    createdByDevice!: string | null;

    /** A new challenge, living ten minutes; an authenticated creator (identity and device) is recorded. */
    static create(input: { createdBy: { address: string; deviceId: string } | undefined; now: Date }): Challenge {
        return Object.assign(new Challenge(), {
            id: newId("CHL"),
            expiresAt: new Date(input.now.getTime() + CHALLENGE_LIFETIME_MS),
            createdBy: input.createdBy?.address ?? null,
            createdByDevice: input.createdBy?.deviceId ?? null
        });
    }

    /** Challenges that expired at or before this instant are kept no longer: housekeeping removes them. */
    static retentionCutoff(now: Date): Date {
        return new Date(now.getTime() - CHALLENGE_RETENTION_MS);
    }

    /** An expired challenge no longer proves possession of a key. */
    isExpired(now: Date): boolean {
        return this.expiresAt.getTime() < now.getTime();
    }

    /** Any identity may read a challenge until an hour after it expired. */
    isReadable(now: Date): boolean {
        return this.expiresAt.getTime() > now.getTime() - CHALLENGE_READ_GRACE_MS;
    }
}
