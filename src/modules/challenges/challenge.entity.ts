import { Column, Entity, Index, PrimaryColumn } from "typeorm";

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

    isExpired(now: Date): boolean {
        return this.expiresAt.getTime() < now.getTime();
    }

    isReadable(now: Date): boolean {
        return this.expiresAt.getTime() > now.getTime() - CHALLENGE_READ_GRACE_MS;
    }
}
