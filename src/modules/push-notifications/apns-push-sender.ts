import { createPrivateKey, type KeyObject, sign } from "node:crypto";
import { readFileSync } from "node:fs";
import { type ClientHttp2Session, connect } from "node:http2";

import { Logger } from "@nestjs/common";

import { type PushMessage, PushNotificationSender, type PushOutcome, type PushTarget } from "./push-notification-sender";

export interface ApnsSettings {
    /** Path of the .p8 signing key. */
    keyFile: string;
    keyId: string;
    teamId: string;
    /** Bundle ids (the registrations' app ids), sent as apns-topic. */
    appIds: string[];
    /** Overrides for tests against a local server. */
    productionUrl?: string;
    developmentUrl?: string;
}

/** Tokens may be reused for up to an hour; renew a little earlier. */
const TOKEN_LIFETIME_MS = 50 * 60 * 1000;

function base64UrlJson(value: unknown): string {
    return Buffer.from(JSON.stringify(value)).toString("base64url");
}

/** Apple Push Notification service over HTTP/2 with a provider token (ES256 JWT). */
export class ApnsPushSender extends PushNotificationSender {
    private readonly logger = new Logger("ApnsPushSender");
    private readonly key: KeyObject;
    private token?: { value: string; issuedAt: number };
    private readonly sessions = new Map<string, ClientHttp2Session>();

    constructor(private readonly settings: ApnsSettings) {
        super();
        this.key = createPrivateKey(readFileSync(settings.keyFile, "utf8"));
    }

    supportsAppId(_platform: string, appId: string): boolean {
        return this.settings.appIds.includes(appId);
    }

    private providerToken(): string {
        const now = Date.now();
        if (this.token && now - this.token.issuedAt < TOKEN_LIFETIME_MS) return this.token.value;
        const unsigned = `${base64UrlJson({ alg: "ES256", kid: this.settings.keyId })}.${base64UrlJson({
            iss: this.settings.teamId,
            iat: Math.floor(now / 1000)
        })}`;
        const signature = sign("sha256", Buffer.from(unsigned), { key: this.key, dsaEncoding: "ieee-p1363" });
        this.token = { value: `${unsigned}.${signature.toString("base64url")}`, issuedAt: now };
        return this.token.value;
    }

    private session(environment: string): ClientHttp2Session {
        const url =
            environment === "Development"
                ? (this.settings.developmentUrl ?? "https://api.sandbox.push.apple.com")
                : (this.settings.productionUrl ?? "https://api.push.apple.com");
        const existing = this.sessions.get(url);
        if (existing && !existing.closed && !existing.destroyed) return existing;
        const session = connect(url);
        session.on("error", () => this.sessions.delete(url));
        session.on("close", () => this.sessions.delete(url));
        session.unref();
        this.sessions.set(url, session);
        return session;
    }

    async send(target: PushTarget, message: PushMessage): Promise<PushOutcome> {
        const body = JSON.stringify({
            aps: message.title
                ? { alert: { title: message.title, body: message.body ?? "" }, "content-available": 1 }
                : { "content-available": 1 },
            content: message.content
        });
        const headers: Record<string, string> = {
            ":method": "POST",
            ":path": `/3/device/${encodeURIComponent(target.handle ?? "")}`,
            authorization: `bearer ${this.providerToken()}`,
            "apns-topic": target.appId,
            "apns-push-type": message.title ? "alert" : "background",
            "apns-priority": message.title ? "10" : "5"
        };
        if (message.tag) headers["apns-collapse-id"] = message.tag;
        const { status, text } = await new Promise<{ status: number; text: string }>((resolve, reject) => {
            const request = this.session(target.environment).request(headers);
            let status = 0;
            let text = "";
            request.setEncoding("utf8");
            request.on("response", (h) => (status = Number(h[":status"])));
            request.on("data", (chunk: string) => (text += chunk));
            request.on("end", () => resolve({ status, text }));
            request.on("error", reject);
            request.end(body);
        });
        if (status === 200) return "sent";
        if (status === 410 || (status === 400 && /BadDeviceToken|DeviceTokenNotForTopic|Unregistered/.test(text))) return "invalidHandle";
        this.logger.warn(`APNs refused ${message.eventName} for device ${target.deviceId} with status ${status}`);
        return "sent";
    }

    close(): void {
        for (const session of this.sessions.values()) session.close();
        this.sessions.clear();
    }
}
