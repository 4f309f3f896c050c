import { generateKeyPairSync, type KeyObject, verify } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { createServer as createHttp2Server, type Http2Server } from "node:http2";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { ApnsPushSender } from "./apns-push-sender";
import { FcmPushSender } from "./fcm-push-sender";
import type { PushMessage, PushTarget } from "./push-notification-sender";

const dir = mkdtempSync(join(tmpdir(), "push-senders-"));

function verifiesJwt(jwt: string, key: KeyObject, algorithm: "RS256" | "ES256"): Record<string, unknown> | undefined {
    const [header, claims, signature] = jwt.split(".");
    const ok = verify(
        "sha256",
        Buffer.from(`${header}.${claims}`),
        algorithm === "ES256" ? { key, dsaEncoding: "ieee-p1363" } : key,
        Buffer.from(signature!, "base64url")
    );
    if (!ok || JSON.parse(Buffer.from(header!, "base64url").toString()).alg !== algorithm) return undefined;
    return JSON.parse(Buffer.from(claims!, "base64url").toString());
}

/** A registration of the app eu.enmeshed.app. */
function aTarget(deviceId: string, platform: "fcm" | "apns", handle: string, environment = "Production"): PushTarget {
    return { deviceId, platform, handle, appId: "eu.enmeshed.app", environment };
}

const message: PushMessage = {
    eventName: "ExternalEventCreated",
    content: {
        accRef: "did:e:localhost:dids:0123456789abcdef012345",
        devicePushIdentifier: "DPIaaaaaaaaaaaaaaaaa",
        eventName: "ExternalEventCreated",
        payload: {}
    },
    title: "Title",
    body: "Body",
    tag: "ExternalEventCreated"
};

describe("FcmPushSender", () => {
    let server: Server;
    const requests: Array<{ path: string; authorization?: string; body: string }> = [];
    const { publicKey, privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    let sender: FcmPushSender;

    beforeAll(async () => {
        server = createServer((req, res) => {
            let body = "";
            req.on("data", (chunk) => (body += chunk));
            req.on("end", () => {
                requests.push({ path: req.url!, authorization: req.headers.authorization, body });
                if (req.url === "/token") {
                    const assertion = new URLSearchParams(body).get("assertion") ?? "";
                    const claims = verifiesJwt(assertion, publicKey, "RS256");
                    if (!claims || claims.iss !== "backbone@project.iam.gserviceaccount.com") return res.writeHead(401).end();
                    return res
                        .writeHead(200, { "content-type": "application/json" })
                        .end(JSON.stringify({ access_token: "access-1", expires_in: 3600 }));
                }
                if (req.headers.authorization !== "Bearer access-1") return res.writeHead(401).end();
                const token = JSON.parse(body).message.token;
                if (token === "gone-token-0123456789")
                    return res
                        .writeHead(404)
                        .end(JSON.stringify({ error: { status: "NOT_FOUND", details: [{ errorCode: "UNREGISTERED" }] } }));
                res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ name: "projects/p/messages/1" }));
            });
        });
        await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
        const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
        const file = join(dir, "service-account.json");
        writeFileSync(
            file,
            JSON.stringify({
                project_id: "p",
                client_email: "backbone@project.iam.gserviceaccount.com",
                private_key: privateKey.export({ type: "pkcs8", format: "pem" }),
                token_uri: `${base}/token`
            })
        );
        sender = new FcmPushSender({ serviceAccountFile: file, appIds: ["eu.enmeshed.app"], apiUrl: base });
    });
    afterAll(async () => await new Promise((resolve) => server.close(resolve)));

    it("exchanges a signed service-account JWT for an access token once and sends through the HTTP v1 API", async () => {
        const target = aTarget("DVCa", "fcm", "good-token-0123456789");
        expect(await sender.send(target, message)).toBe("sent");
        expect(await sender.send(target, message)).toBe("sent");
        expect(requests.filter((r) => r.path === "/token")).toHaveLength(1);
        const sends = requests.filter((r) => r.path === "/v1/projects/p/messages:send");
        expect(sends).toHaveLength(2);
        const sent = JSON.parse(sends[0]!.body).message;
        expect(sent.token).toBe("good-token-0123456789");
        expect(JSON.parse(sent.data.content)).toEqual(message.content);
        expect(sent.notification).toEqual({ title: "Title", body: "Body" });
        expect(sent.android.notification).toEqual({ channel_id: "ENMESHED", tag: "ExternalEventCreated" });
    });

    it("reports an unregistered token as invalid", async () => {
        const target = aTarget("DVCb", "fcm", "gone-token-0123456789");
        expect(await sender.send(target, message)).toBe("invalidHandle");
    });

    it("supports only the configured app ids", () => {
        expect(sender.supportsAppId("fcm", "eu.enmeshed.app")).toBe(true);
        expect(sender.supportsAppId("fcm", "other.app")).toBe(false);
    });
});

describe("ApnsPushSender", () => {
    let server: Http2Server;
    const requests: Array<{ headers: Record<string, unknown>; body: string }> = [];
    const { publicKey, privateKey } = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
    let sender: ApnsPushSender;

    beforeAll(async () => {
        server = createHttp2Server();
        server.on("stream", (stream, headers) => {
            let body = "";
            stream.setEncoding("utf8");
            stream.on("data", (chunk: string) => (body += chunk));
            stream.on("end", () => {
                requests.push({ headers: { ...headers }, body });
                const jwt = String(headers.authorization ?? "").replace(/^bearer /, "");
                const claims = verifiesJwt(jwt, publicKey, "ES256");
                if (!claims || claims.iss !== "TEAM123456") {
                    stream.respond({ ":status": 403 });
                    return stream.end(JSON.stringify({ reason: "InvalidProviderToken" }));
                }
                if (headers[":path"] === "/3/device/gone-token-0123456789") {
                    stream.respond({ ":status": 410 });
                    return stream.end(JSON.stringify({ reason: "Unregistered" }));
                }
                stream.respond({ ":status": 200 });
                stream.end();
            });
        });
        await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
        const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
        const keyFile = join(dir, "AuthKey.p8");
        writeFileSync(keyFile, privateKey.export({ type: "pkcs8", format: "pem" }));
        sender = new ApnsPushSender({
            keyFile,
            keyId: "KEY1234567",
            teamId: "TEAM123456",
            appIds: ["eu.enmeshed.app"],
            productionUrl: base,
            developmentUrl: base
        });
    });
    afterAll(async () => {
        sender.close();
        await new Promise((resolve) => server.close(resolve));
    });

    it("sends over HTTP/2 with an ES256 provider token, the topic and the collapse id", async () => {
        const target = aTarget("DVCa", "apns", "good-token-0123456789");
        expect(await sender.send(target, message)).toBe("sent");
        const request = requests[0]!;
        expect(request.headers).toMatchObject({
            ":method": "POST",
            ":path": "/3/device/good-token-0123456789",
            "apns-topic": "eu.enmeshed.app",
            "apns-push-type": "alert",
            "apns-collapse-id": "ExternalEventCreated"
        });
        expect(JSON.parse(request.body)).toEqual({
            aps: { alert: { title: "Title", body: "Body" }, "content-available": 1 },
            content: message.content
        });
    });

    it("reports an unregistered token as invalid", async () => {
        const target = aTarget("DVCb", "apns", "gone-token-0123456789", "Development");
        expect(await sender.send(target, message)).toBe("invalidHandle");
    });
});
