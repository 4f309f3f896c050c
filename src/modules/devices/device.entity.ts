import { Column, Entity, Index, PrimaryColumn } from "typeorm";

import { newId } from "../../core/ids/ids";
import { DevicesErrors } from "./devices.errors";
import { isCommunicationLanguage } from "./devices.events";
import { type PasswordPolicy, passwordProblem } from "./password-policy";

export interface NewDevice {
    identityAddress: string;
    passwordHash: string;
    communicationLanguage: string;
    isBackupDevice: boolean;
    /** The device that registers it; none for the first device of an identity (it counts as created by itself). */
    createdByDevice?: string;
    now: Date;
}

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

    /**
     * The rules for a new device's credentials, checked before its password is hashed: the password policy (a refused
     * password fails the registration) and an ISO 639-1 communication language.
     */
    static checkRegistration(password: string, communicationLanguage: string, policy: PasswordPolicy): void {
        const problem = passwordProblem(password, policy);
        if (problem) throw DevicesErrors.registrationFailed(problem);
        Device.checkCommunicationLanguage(communicationLanguage);
    }

    /** A device password that satisfies the policy (a refused one fails the change). */
    static checkNewPassword(password: string, policy: PasswordPolicy): void {
        const problem = passwordProblem(password, policy);
        if (problem) throw DevicesErrors.changePasswordFailed(problem);
    }

    static checkCommunicationLanguage(communicationLanguage: string): void {
        if (!isCommunicationLanguage(communicationLanguage)) throw DevicesErrors.invalidCommunicationLanguage();
    }

    /** A new device with its own username, never logged in yet. */
    static create(input: NewDevice): Device {
        const id = newId("DVC");
        return Object.assign(new Device(), {
            id,
            identityAddress: input.identityAddress,
            username: newId("USR"),
            passwordHash: input.passwordHash,
            createdAt: input.now,
            createdByDevice: input.createdByDevice ?? id,
            lastLoginAt: null,
            communicationLanguage: input.communicationLanguage,
            isBackupDevice: input.isBackupDevice,
            failedLoginCount: 0,
            lockoutEndsAt: null
        });
    }

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
