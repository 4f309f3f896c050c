import { Logger } from "@nestjs/common";

/** Where one push goes. The handle is secret: adapters never log it. */
export interface PushTarget {
    deviceId: string;
    platform: string;
    handle: string | null;
    appId: string;
    environment: string;
}

/** What one push says (the wire contract's push payload plus the localized texts). */
export interface PushMessage {
    eventName: string;
    /** `{accRef, devicePushIdentifier, eventName, sentAt, payload}` */
    content: Record<string, unknown>;
    title?: string;
    body?: string;
    /** Newer pushes with the same tag replace older ones on the device. */
    tag?: string;
}

/** `invalidHandle`: the provider says the token is gone; the registration is then deleted. */
export type PushOutcome = "sent" | "invalidHandle";

/** The port to the push providers (FCM, APNs); the production adapters speak their HTTP APIs. */
export abstract class PushNotificationSender {
    abstract send(target: PushTarget, message: PushMessage): Promise<PushOutcome>;
    /** Whether a registration of this platform may use this app id. */
    abstract supportsAppId(platform: string, appId: string): boolean;
}

/** The default adapter: logs that a push would have been sent (event name and device only). */
export class LoggingPushSender extends PushNotificationSender {
    private readonly logger = new Logger("PushNotifications");

    async send(target: PushTarget, message: PushMessage): Promise<PushOutcome> {
        this.logger.log(`push ${message.eventName} to device ${target.deviceId}`);
        return "sent";
    }

    supportsAppId(): boolean {
        return true;
    }
}

/**
 * Routes each push to the adapter of its platform. A platform without a configured adapter falls back to logging;
 * `sse` and `dummy` registrations get nothing here (SSE clients are told through LISTEN/NOTIFY).
 */
export class PlatformPushSender extends PushNotificationSender {
    private readonly fallback = new LoggingPushSender();

    constructor(private readonly adapters: Partial<Record<"fcm" | "apns", PushNotificationSender>>) {
        super();
    }

    async send(target: PushTarget, message: PushMessage): Promise<PushOutcome> {
        if (target.platform === "sse" || target.platform === "dummy") return "sent";
        const adapter = this.adapters[target.platform as "fcm" | "apns"] ?? this.fallback;
        return await adapter.send(target, message);
    }

    supportsAppId(platform: string, appId: string): boolean {
        const adapter = this.adapters[platform as "fcm" | "apns"];
        return adapter ? adapter.supportsAppId(platform, appId) : true;
    }

    close(): void {
        for (const adapter of Object.values(this.adapters)) (adapter as { close?: () => void } | undefined)?.close?.();
    }
}
