import { Column, Entity, Index, PrimaryColumn } from "typeorm";

import { newId } from "../../core/ids/ids";
import { PushNotificationsErrors } from "./push-notifications.errors";
import { PushEnvironment, PushPlatform } from "./push-notifications.events";

export interface NewPushRegistration {
    deviceId: string;
    identityAddress: string;
    /** As the device sent it, in any case. */
    platform: string;
    handle: string;
    appId: string;
    environment?: PushEnvironment;
    now: Date;
    /** Whether the configured provider of the platform takes this app id. */
    supportsAppId: (platform: PushPlatform, appId: string) => boolean;
}

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

    /**
     * A device's registration: a known platform (FCM and APNs with an app id their provider takes), a handle only
     * where the platform needs one, Production unless told, and a fresh push identifier (the stored one stays when
     * the device registers again).
     */
    static register(input: NewPushRegistration): PushRegistration {
        const platform = input.platform.toLowerCase() as PushPlatform;
        if (!(Object.values(PushPlatform) as string[]).includes(platform)) throw PushNotificationsErrors.invalidPnsPlatform();
        const viaProvider = platform === PushPlatform.Fcm || platform === PushPlatform.Apns;
        if (viaProvider && !input.supportsAppId(platform, input.appId)) throw PushNotificationsErrors.unsupportedAppId();
        return Object.assign(new PushRegistration(), {
            deviceId: input.deviceId,
            identityAddress: input.identityAddress,
            devicePushIdentifier: PushRegistration.newPushIdentifier(),
            platform,
            handle: viaProvider ? input.handle : null,
            appId: input.appId,
            environment: input.environment ?? PushEnvironment.Production,
            updatedAt: input.now
        });
    }

    static newPushIdentifier(): string {
        return newId("DPI");
    }
}
