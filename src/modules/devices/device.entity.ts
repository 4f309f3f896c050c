import { Column, Entity, Index, PrimaryColumn } from "typeorm";

/** One device of an identity, with its own login (username and password). */
@Entity({ name: "devices" })
@Index("ux_devices_one_backup_device", ["identityAddress"], { unique: true, where: "is_backup_device" })
export class Device {
    @PrimaryColumn({ type: "varchar", length: 20 })
    id!: string;

    @Index("ix_devices_identity_address")
    @Column({ type: "varchar", length: 80 })
    identityAddress!: string;

    @Index("ux_devices_username", { unique: true })
    @Column({ type: "varchar", length: 20 })
    username!: string;

    @Column({ type: "varchar", length: 200 })
    passwordHash!: string;

    @Column({ type: "timestamptz" })
    createdAt!: Date;

    @Column({ type: "varchar", length: 20 })
    createdByDevice!: string;

    @Column({ type: "timestamptz", nullable: true })
    lastLoginAt!: Date | null;

    @Column({ type: "varchar", length: 2, default: "en" })
    communicationLanguage!: string;

    @Column({ type: "boolean", default: false })
    isBackupDevice!: boolean;

    @Column({ type: "integer", default: 0 })
    failedLoginCount!: number;

    @Column({ type: "timestamptz", nullable: true })
    lockoutEndsAt!: Date | null;

    isLockedOut(now: Date): boolean {
        return this.lockoutEndsAt !== null && this.lockoutEndsAt.getTime() > now.getTime();
    }

    /** A device that has logged in is onboarded and can no longer be deleted. */
    get isOnboarded(): boolean {
        return this.lastLoginAt !== null;
    }

    recordFailedLogin(now: Date, maxAttempts: number, lockoutMs: number): void {
        this.failedLoginCount += 1;
        if (this.failedLoginCount >= maxAttempts) {
            this.lockoutEndsAt = new Date(now.getTime() + lockoutMs);
            this.failedLoginCount = 0;
        }
    }

    recordLogin(now: Date): void {
        this.lastLoginAt = now;
        this.failedLoginCount = 0;
        this.lockoutEndsAt = null;
        this.isBackupDevice = false;
    }
}
