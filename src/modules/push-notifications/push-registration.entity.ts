import { Column, Entity, Index, PrimaryColumn } from "typeorm";

import type { PushEnvironment, PushPlatform } from "./push-notifications.events";

/** The push registration of one device (at most one per device). */
@Entity({ name: "push_registrations" })
export class PushRegistration {
    @PrimaryColumn({ type: "varchar", length: 20 })
    deviceId!: string;

    @Index("ix_push_registrations_identity_address")
    @Column({ type: "varchar", length: 80 })
    identityAddress!: string;

    /** Sent along with every push, so that the app can tell which of its registrations it belongs to. */
    @Index("ux_push_registrations_device_push_identifier", { unique: true })
    @Column({ type: "varchar", length: 20 })
    devicePushIdentifier!: string;

    @Column({ type: "varchar", length: 10 })
    platform!: PushPlatform;

    /** The FCM/APNs token; null for platforms that need none (sse, dummy). */
    @Column({ type: "varchar", length: 500, nullable: true })
    handle!: string | null;

    @Column({ type: "varchar", length: 200 })
    appId!: string;

    @Column({ type: "varchar", length: 20 })
    environment!: PushEnvironment;

    @Column({ type: "timestamptz" })
    updatedAt!: Date;
}
