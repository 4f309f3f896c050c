import { get, type IncomingMessage } from "node:http";
import { connect, type Socket } from "node:net";

import { createIdentity, type TestIdentity } from "../support/identities";
import { startTestApp, type TestApp, useTestApp } from "../support/test-app";

/** A raw connection that records what the server sends and whether it closed the connection. */
class RawConnection {
    received = "";
    closed = false;
    private readonly closedPromise: Promise<void>;
    readonly socket: Socket;
    private readonly ready: Promise<void>;

    constructor(baseUrl: string) {
        this.socket = connect(Number(new URL(baseUrl).port), "127.0.0.1");
        this.socket.on("data", (chunk: Buffer) => (this.received += chunk.toString("latin1")));
        this.socket.on("error", () => undefined);
        this.closedPromise = new Promise((resolve) => this.socket.on("close", () => ((this.closed = true), resolve())));
        this.ready = new Promise((resolve) => this.socket.once("connect", () => resolve()));
    }

    async write(data: string | Buffer): Promise<boolean> {
        await this.ready;
        if (this.socket.destroyed) return false;
        return await new Promise((resolve) => this.socket.write(data, (error) => resolve(!error)));
    }

    /** Resolves when the server has closed the connection. */
    async closedByServer(): Promise<void> {
        await this.closedPromise;
    }

    /** Resolves once the server has sent a complete status line. */
    async answered(): Promise<string> {
        while (!/\r\n/.test(this.received) && !this.closed) await new Promise((resolve) => setTimeout(resolve, 10));
        return this.received.split("\r\n")[0]!;
    }

    destroy(): void {
        this.socket.destroy();
    }
}

async function openStream(baseUrl: string, auth: string): Promise<IncomingMessage> {
    return await new Promise((resolve, reject) => {
        const request = get(`${baseUrl}/api/v2/sse`, { headers: { authorization: auth } }, resolve);
        request.on("error", reject);
    });
}

async function bodyOf(response: IncomingMessage): Promise<string> {
    let text = "";
    response.setEncoding("utf8");
    for await (const chunk of response) text += chunk as string;
    return text;
}

describe("connection hygiene", () => {
    let t: TestApp;
    let identity: TestIdentity;
    beforeAll(async () => {
        t = await startTestApp({
            listen: true,
            env: { HTTP_HEADERS_TIMEOUT_SECONDS: "1", HTTP_REQUEST_TIMEOUT_SECONDS: "2", SSE_MAX_STREAMS_PER_DEVICE: "2" }
        });
        identity = await createIdentity(t);
    });
    afterAll(async () => await t.close());

    it("closes a slow-loris connection that never completes its headers", async () => {
        const connection = new RawConnection(t.baseUrl!);
        await connection.write("GET /api/v2/Version HTTP/1.1\r\nHost: localhost\r\n");
        const trickle = setInterval(() => void connection.write("X-Slow: 1\r\n"), 200);
        try {
            await connection.closedByServer();
        } finally {
            clearInterval(trickle);
        }
        expect(connection.closed).toBe(true);
        expect(connection.received).not.toMatch(/^HTTP\/1\.1 200/);
    });

    it("closes a connection that opens and sends nothing", async () => {
        const connection = new RawConnection(t.baseUrl!);
        await connection.write("");
        await connection.closedByServer();
        expect(connection.received).not.toMatch(/^HTTP\/1\.1 200/);
    });

    it("answers 408 and closes a connection whose body does not arrive in time", async () => {
        const connection = new RawConnection(t.baseUrl!);
        await connection.write(
            `POST /api/v2/Challenges HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"a":`
        );
        const trickle = setInterval(() => void connection.write(" "), 200);
        try {
            await connection.closedByServer();
        } finally {
            clearInterval(trickle);
        }
        expect(connection.received).toMatch(/^HTTP\/1\.1 408/);
    });

    it("answers 401 to a large body without a valid token before reading it, and closes the connection", async () => {
        const connection = new RawConnection(t.baseUrl!);
        const length = 10 * 1024 * 1024;
        await connection.write(
            `POST /api/v2/Messages HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\nAuthorization: Bearer not-a-token\r\n\r\n`
        );
        await connection.write(Buffer.alloc(16 * 1024, 0x20));
        expect(await connection.answered()).toBe("HTTP/1.1 401 Unauthorized");
        expect(connection.received.toLowerCase()).toContain("connection: close");
        await connection.closedByServer();
        // The server stopped reading: most of the announced body was never sent.
        expect(connection.socket.bytesWritten).toBeLessThan(length / 2);
    });

    it("answers requestBodyTooLarge to a body above the route's limit and closes the connection, announced or chunked", async () => {
        const announced = new RawConnection(t.baseUrl!);
        await announced.write(
            `POST /api/v2/Challenges HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${50 * 1024 * 1024}\r\n\r\n`
        );
        expect(await announced.answered()).toBe("HTTP/1.1 400 Bad Request");
        expect(announced.received).toContain("error.platform.requestBodyTooLarge");
        await announced.closedByServer();

        const chunked = new RawConnection(t.baseUrl!);
        await chunked.write(
            "POST /api/v2/Challenges HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
        );
        const chunk = Buffer.alloc(32 * 1024, 0x20);
        let sent = 0;
        while (!chunked.closed && sent < 64 * 1024 * 1024) {
            if (!(await chunked.write(Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from("\r\n")])))) break;
            sent += chunk.length;
        }
        await chunked.closedByServer();
        expect(chunked.received).toMatch(/^HTTP\/1\.1 400/);
        expect(chunked.received).toContain("error.platform.requestBodyTooLarge");
        expect(sent).toBeLessThan(64 * 1024 * 1024);
    });

    it("answers 404 to an unknown route before reading its body, and closes the connection", async () => {
        const connection = new RawConnection(t.baseUrl!);
        await connection.write(
            `POST /api/v2/NoSuchThing HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${5 * 1024 * 1024}\r\n\r\n`
        );
        expect(await connection.answered()).toBe("HTTP/1.1 404 Not Found");
        await connection.closedByServer();
    });

    it("keeps the connection open after a complete request, also after a validation error", async () => {
        const connection = new RawConnection(t.baseUrl!);
        await connection.write(
            "POST /api/v2/Identities HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}"
        );
        expect(await connection.answered()).toBe("HTTP/1.1 400 Bad Request");
        connection.received = "";
        await connection.write("GET /api/v2/Version HTTP/1.1\r\nHost: localhost\r\n\r\n");
        expect(await connection.answered()).toBe("HTTP/1.1 200 OK");
        expect(connection.closed).toBe(false);
        connection.destroy();
    });

    it("caps the event streams of one device and answers the extra one with 429 and a code", async () => {
        const first = await openStream(t.baseUrl!, identity.auth);
        const second = await openStream(t.baseUrl!, identity.auth);
        expect([first.statusCode, second.statusCode]).toEqual([200, 200]);
        const third = await openStream(t.baseUrl!, identity.auth);
        expect(third.statusCode).toBe(429);
        expect(JSON.parse(await bodyOf(third)).error.code).toBe("error.platform.tooManyRequests");

        // Another device of another identity is not affected; a closed stream frees its place.
        const other = await createIdentity(t);
        const foreign = await openStream(t.baseUrl!, other.auth);
        expect(foreign.statusCode).toBe(200);
        foreign.destroy();
        first.destroy();
        let again = await openStream(t.baseUrl!, identity.auth);
        for (let attempt = 0; attempt < 50 && again.statusCode === 429; attempt++) {
            again.destroy();
            await new Promise((resolve) => setTimeout(resolve, 20));
            again = await openStream(t.baseUrl!, identity.auth);
        }
        expect(again.statusCode).toBe(200);
        again.destroy();
        second.destroy();
    });
});

describe("the connection cap", () => {
    const t = useTestApp({ listen: true, env: { HTTP_MAX_CONNECTIONS: "3" } });

    it("refuses connections beyond the maximum and accepts again once one closes", async () => {
        const held = [new RawConnection(t.baseUrl!), new RawConnection(t.baseUrl!), new RawConnection(t.baseUrl!)];
        for (const connection of held) {
            await connection.write("GET /api/v2/Version HTTP/1.1\r\nHost: localhost\r\n\r\n");
            expect(await connection.answered()).toBe("HTTP/1.1 200 OK");
        }
        const refused = new RawConnection(t.baseUrl!);
        await refused.write("GET /api/v2/Version HTTP/1.1\r\nHost: localhost\r\n\r\n");
        await refused.closedByServer();
        expect(refused.received).toBe("");

        held[0]!.destroy();
        await held[0]!.closedByServer();
        let accepted = new RawConnection(t.baseUrl!);
        await accepted.write("GET /api/v2/Version HTTP/1.1\r\nHost: localhost\r\n\r\n");
        for (let attempt = 0; attempt < 50 && (await accepted.answered()) === ""; attempt++) {
            accepted = new RawConnection(t.baseUrl!);
            await accepted.write("GET /api/v2/Version HTTP/1.1\r\nHost: localhost\r\n\r\n");
        }
        expect(await accepted.answered()).toBe("HTTP/1.1 200 OK");
        for (const connection of [...held, accepted]) connection.destroy();
    });
});
