import { Inject, Injectable, Logger } from "@nestjs/common";

import type { Caller } from "../../core/auth/caller";
import { Clock } from "../../core/clock/clock";
import { type PushMessage, PushNotificationSender } from "./push-notification-sender";
import type { UpdatePushRegistrationRequest } from "./push-notifications.dto";
import { PushNotificationsRepository } from "./push-notifications.repository";
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
    /** Of the identities that have registered devices, those the push goes to (all when absent). */
    onlyTo?: (addresses: string[]) => Promise<Iterable<string>>;
}

@Injectable()
export class PushNotificationsService {
    private readonly logger = new Logger("PushNotifications");

    constructor(
        private readonly registrations: PushNotificationsRepository,
        private readonly sender: PushNotificationSender,
        @Inject(Clock) private readonly clock: Clock
    ) {}

    /** Creates or replaces the calling device's registration; its push identifier stays the same across updates. */
    async registerOwnDevice(caller: Caller, request: UpdatePushRegistrationRequest): Promise<PushRegistration> {
        const registration = PushRegistration.register({
            deviceId: caller.deviceId,
            identityAddress: caller.address,
            platform: request.platform,
            handle: request.handle,
            appId: request.appId,
            environment: request.environment,
            now: this.clock.now(),
            supportsAppId: (platform, appId) => this.sender.supportsAppId(platform, appId)
        });
        registration.devicePushIdentifier = await this.registrations.upsert(registration);
        return registration;
    }

    async unregisterOwnDevice(caller: Caller): Promise<void> {
        await this.registrations.deleteOfDevice(caller.deviceId);
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
        await this.sendToIdentities([address], eventName, payload, options);
    }

    /**
     * Sends the push to every registered device of these identities, with one lookup of their registrations whatever
     * their number (`onlyTo` narrows the identities that have any, e.g. to those that may still receive pushes). Never
     * throws, like `sendToIdentity`.
     */
    async sendToIdentities(
        addresses: readonly string[],
        eventName: string,
        payload: Record<string, unknown> = {},
        options: PushOptions = {}
    ): Promise<void> {
        try {
            let registrations = (await this.registrations.listOfIdentities(addresses)).filter((r) => r.deviceId !== options.exceptDevice);
            if (registrations.length > 0 && options.onlyTo) {
                const allowed = new Set(await options.onlyTo([...new Set(registrations.map((r) => r.identityAddress))]));
                registrations = registrations.filter((r) => allowed.has(r.identityAddress));
            }
            const sentAt = this.clock.now().toISOString();
            await Promise.all(registrations.map((registration) => this.send(registration, eventName, sentAt, payload, options)));
        } catch (error) {
            this.logger.error(`push ${eventName} failed: ${(error as Error).message}`);
        }
    }

    private async send(
        registration: PushRegistration,
        eventName: string,
        sentAt: string,
        payload: Record<string, unknown>,
        options: PushOptions
    ): Promise<void> {
        const message: PushMessage = {
            eventName,
            content: {
                accRef: registration.identityAddress,
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
            if (outcome === "invalidHandle") await this.registrations.deleteInvalid(registration);
        } catch (error) {
            this.logger.warn(`push ${eventName} to device ${registration.deviceId} failed: ${(error as Error).message}`);
        }
    }
}
