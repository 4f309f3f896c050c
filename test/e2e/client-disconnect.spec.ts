import { connect } from "node:net";
import { PassThrough } from "node:stream";

import { createIdentity, type TestIdentity } from "../support/identities";
import { startTestApp, type TestApp } from "../support/test-app";

interface LogLine {
    level: number;
    msg?: string;
}

/** Sends the head of a request and part of its body, then resets the connection. */
async function abandon(baseUrl: string, head: string, partOfBody: Buffer): Promise<void> {
    const socket = connect(Number(new URL(baseUrl).port), "127.0.0.1");
    socket.on("error", () => undefined);
    await new Promise<void>((resolve) => socket.once("connect", () => resolve()));
    await new Promise<void>((resolve) => socket.write(head, () => resolve()));
    await new Promise<void>((resolve) => socket.write(partOfBody, () => resolve()));
    await new Promise((resolve) => setTimeout(resolve, 100));
    socket.resetAndDestroy();
}

describe("a client that disconnects in the middle of a request", () => {
    let t: TestApp;
    let identity: TestIdentity;
    let captured = "";
    beforeAll(async () => {
        const destination = new PassThrough();
        destination.on("data", (chunk: Buffer) => (captured += chunk.toString("utf8")));
        t = await startTestApp({ listen: true, env: { LOG_LEVEL: "debug" }, logDestination: destination });
        identity = await createIdentity(t);
    });
    afterAll(async () => await t.close());

    const lines = (): LogLine[] =>
        captured
            .split("\n")
            .filter((line) => line.startsWith("{"))
            .map((line) => JSON.parse(line) as LogLine);

    it("is not logged as an error, while sending a JSON body or uploading a file", async () => {
        const before = lines().length;
        await abandon(
            t.baseUrl!,
            `POST /api/v2/Tokens HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nAuthorization: ${identity.auth}\r\nContent-Length: 1000000\r\n\r\n`,
            Buffer.from(`{"content":"${"A".repeat(100_000)}`)
        );
        const boundary = "----disconnect";
        await abandon(
            t.baseUrl!,
            `POST /api/v2/Files HTTP/1.1\r\nHost: localhost\r\nContent-Type: multipart/form-data; boundary=${boundary}\r\nAuthorization: ${identity.auth}\r\nContent-Length: 5000000\r\n\r\n`,
            Buffer.concat([
                Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="content"; filename="cipher.bin"\r\n\r\n`),
                Buffer.alloc(200_000, 1)
            ])
        );
        // Both requests have ended on the server (logged as finished) before the logs are checked.
        for (
            let attempt = 0;
            attempt < 100 &&
            lines()
                .slice(before)
                .filter((l) => l.msg === "request aborted" || /client closed/.test(l.msg ?? "")).length < 2;
            attempt++
        ) {
            await new Promise((resolve) => setTimeout(resolve, 50));
        }
        const logged = lines().slice(before);
        expect(logged.filter((l) => l.msg === "request aborted" || /client closed/.test(l.msg ?? "")).length).toBeGreaterThanOrEqual(2);
        expect(logged.filter((l) => l.level >= 50)).toEqual([]);
        // And the service goes on.
        await t.http.get("/api/v2/Devices/Self").set("authorization", identity.auth).expect(200);
    });
});
