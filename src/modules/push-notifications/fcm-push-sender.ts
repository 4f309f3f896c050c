import { createPrivateKey, type KeyObject, sign } from "node:crypto";
import { readFileSync } from "node:fs";

import { Logger } from "@nestjs/common";

import { type PushMessage, PushNotificationSender, type PushOutcome, type PushTarget } from "./push-notification-sender";

export interface FcmSettings {
    /** Path of a Google service-account JSON file (project_id, client_email, private_key). */
    serviceAccountFile: string;
    appIds: string[];
    /** Overrides for tests against a local server. */
    tokenUrl?: string;
    apiUrl?: string;
}

const SCOPE = "https://www.googleapis.com/auth/firebase.messaging";

function base64UrlJson(value: unknown): string {
    return Buffer.from(JSON.stringify(value)).toString("base64url");
}

/** Firebase Cloud Messaging, HTTP v1 API, authenticated by a service-account JWT exchanged for an access token. */
export class FcmPushSender extends PushNotificationSender {
    private readonly logger = new Logger("FcmPushSender");
    private readonly projectId: string;
    private readonly clientEmail: string;
    private readonly key: KeyObject;
    private readonly tokenUrl: string;
    private readonly apiUrl: string;
    private accessToken?: { value: string; expiresAt: number };

    constructor(private readonly settings: FcmSettings) {
        super();
        const account = JSON.parse(readFileSync(settings.serviceAccountFile, "utf8")) as {
            project_id: string;
            client_email: string;
            private_key: string;
            token_uri?: string;
        };
        this.projectId = account.project_id;
        this.clientEmail = account.client_email;
        this.key = createPrivateKey(account.private_key);
        this.tokenUrl = settings.tokenUrl ?? account.token_uri ?? "https://oauth2.googleapis.com/token";
        this.apiUrl = settings.apiUrl ?? "https://fcm.googleapis.com";
    }

    supportsAppId(_platform: string, appId: string): boolean {
        return this.settings.appIds.includes(appId);
    }

    private assertion(nowSeconds: number): string {
        const unsigned = `${base64UrlJson({ alg: "RS256", typ: "JWT" })}.${base64UrlJson({
            iss: this.clientEmail,
            scope: SCOPE,
            aud: this.tokenUrl,
            iat: nowSeconds,
            exp: nowSeconds + 3600
        })}`;
        return `${unsigned}.${sign("sha256", Buffer.from(unsigned), this.key).toString("base64url")}`;
    }

    private async token(): Promise<string> {
        const now = Date.now();
        if (this.accessToken && this.accessToken.expiresAt > now + 60_000) return this.accessToken.value;
        const response = await fetch(this.tokenUrl, {
            method: "POST",
            headers: { "content-type": "application/x-www-form-urlencoded" },
            body: new URLSearchParams({
                grant_type: "urn:ietf:params:oauth:grant-type:jwt-bearer",
                assertion: this.assertion(Math.floor(now / 1000))
            })
        });
        if (!response.ok) throw new Error(`FCM token request failed with status ${response.status}`);
        const body = (await response.json()) as { access_token: string; expires_in: number };
        this.accessToken = { value: body.access_token, expiresAt: now + body.expires_in * 1000 };
        return body.access_token;
    }

    async send(target: PushTarget, message: PushMessage): Promise<PushOutcome> {
        const notification = message.title ? { title: message.title, body: message.body ?? "" } : undefined;
        const response = await fetch(`${this.apiUrl}/v1/projects/${encodeURIComponent(this.projectId)}/messages:send`, {
            method: "POST",
            headers: { "content-type": "application/json", authorization: `Bearer ${await this.token()}` },
            body: JSON.stringify({
                message: {
                    token: target.handle,
                    data: { content: JSON.stringify(message.content) },
                    notification,
                    android: {
                        collapse_key: message.tag,
                        notification: notification ? { channel_id: "ENMESHED", tag: message.tag } : undefined
                    }
                }
            })
        });
        if (response.ok) return "sent";
        const text = await response.text();
        if (response.status === 404 || (response.status === 400 && /UNREGISTERED|INVALID_ARGUMENT/.test(text))) return "invalidHandle";
        this.logger.warn(`FCM refused ${message.eventName} for device ${target.deviceId} with status ${response.status}`);
        return "sent";
    }
}
