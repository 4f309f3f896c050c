import { Inject, Injectable, Logger } from "@nestjs/common";
import { DataSource } from "typeorm";

import type { Caller } from "../../core/auth/caller";
import { Clock } from "../../core/clock/clock";
import { isUniqueViolation } from "../../core/database/errors";
import { newId } from "../../core/ids/ids";
import { type PushMessage, PushNotificationSender } from "./push-notification-sender";
import type { UpdatePushRegistrationRequest, UpdatePushRegistrationResponse } from "./push-notifications.dto";
import { PushNotificationsErrors } from "./push-notifications.errors";
import { PushEnvironment, PushPlatform } from "./push-notifications.events";
import { PushRegistration } from "./push-registration.entity";

/** English texts and tags of the pushes that show something; the others are silent. */
const TEXTS: Record<string, { title?: string; body?: string; tag?: string }> = {
    ExternalEventCreated: { title: "Something new", body: "There is news in your wallet.", tag: "ExternalEventCreated" },
    DatawalletModificationsCreated: { tag: "DatawalletModified" }
};

export interface PushOptions {
    /** Leave this device out (e.g. the device that made the change). */
    exceptDevice?: string;
    /** Visible title and body per device (e.g. in its communication language), instead of the built-in texts. */
    texts?: (deviceId: string) => { title: string; body: string } | undefined;
    /** Newer pushes with the same tag replace older ones on the device. */
    tag?: string;
}

@Injectable()
export class PushNotificationsService {
    private readonly logger = new Logger("PushNotifications");

    constructor(
        private readonly dataSource: DataSource,
        private readonly sender: PushNotificationSender,
        @Inject(Clock) private readonly clock: Clock
    ) {}

    /** Creates or replaces the calling device's registration; its push identifier stays the same across updates. */
    async registerOwnDevice(caller: Caller, request: UpdatePushRegistrationRequest): Promise<UpdatePushRegistrationResponse> {
        const platform = request.platform.toLowerCase();
        if (!(Object.values(PushPlatform) as string[]).includes(platform)) throw PushNotificationsErrors.invalidPnsPlatform();
        if ((platform === PushPlatform.Fcm || platform === PushPlatform.Apns) && !this.sender.supportsAppId(platform, request.appId)) {
            throw PushNotificationsErrors.unsupportedAppId();
        }
        const needsHandle = platform === PushPlatform.Fcm || platform === PushPlatform.Apns;
        const values = {
            identityAddress: caller.address,
            platform: platform as PushPlatform,
            handle: needsHandle ? request.handle : null,
            appId: request.appId,
            environment: request.environment ?? PushEnvironment.Production,
            updatedAt: this.clock.now()
        };
        for (let attempt = 0; ; attempt++) {
            try {
                const rows: Array<{ device_push_identifier: string }> = await this.dataSource.query(
                    `INSERT INTO push_registrations (device_id, identity_address, device_push_identifier, platform, handle, app_id, environment, updated_at)
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
                     ON CONFLICT (device_id) DO UPDATE SET identity_address = EXCLUDED.identity_address, platform = EXCLUDED.platform,
                         handle = EXCLUDED.handle, app_id = EXCLUDED.app_id, environment = EXCLUDED.environment, updated_at = EXCLUDED.updated_at
                     RETURNING device_push_identifier`,
                    [
                        caller.deviceId,
                        values.identityAddress,
                        newId("DPI"),
                        values.platform,
                        values.handle,
                        values.appId,
                        values.environment,
                        values.updatedAt
                    ]
                );
                return { devicePushIdentifier: rows[0]!.device_push_identifier };
            } catch (error) {
                // A random identifier that is already taken: draw another one.
                if (attempt < 3 && isUniqueViolation(error, "ux_push_registrations_device_push_identifier")) continue;
                throw error;
            }
        }
    }

    async unregisterOwnDevice(caller: Caller): Promise<void> {
        await this.dataSource.getRepository(PushRegistration).delete({ deviceId: caller.deviceId });
    }

    /**
     * Sends a push to every registered device of an identity. Never throws: a failing provider is logged (without
     * handles or payloads), and registrations the provider reports as invalid are deleted.
     */
    async sendToIdentity(
        address: string,
        eventName: string,
        payload: Record<string, unknown> = {},
        options: PushOptions = {}
    ): Promise<void> {
        try {
            const registrations = await this.dataSource.getRepository(PushRegistration).findBy({ identityAddress: address });
            const sentAt = this.clock.now().toISOString();
            await Promise.all(
                registrations
                    .filter((r) => r.deviceId !== options.exceptDevice)
                    .map(async (registration) => {
                        const message: PushMessage = {
                            eventName,
                            content: {
                                accRef: address,
                                devicePushIdentifier: registration.devicePushIdentifier,
                                eventName,
                                sentAt,
                                payload
                            },
                            ...TEXTS[eventName],
                            ...options.texts?.(registration.deviceId),
                            ...(options.tag ? { tag: options.tag } : {})
                        };
                        try {
                            const outcome = await this.sender.send(registration, message);
                            if (outcome === "invalidHandle") {
                                await this.dataSource.getRepository(PushRegistration).delete({
                                    deviceId: registration.deviceId,
                                    devicePushIdentifier: registration.devicePushIdentifier
                                });
                            }
                        } catch (error) {
                            this.logger.warn(`push ${eventName} to device ${registration.deviceId} failed: ${(error as Error).message}`);
                        }
                    })
            );
        } catch (error) {
            this.logger.error(`push ${eventName} failed: ${(error as Error).message}`);
        }
    }
}
