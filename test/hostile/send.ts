import { request as httpRequest } from "node:http";
import { connect } from "node:net";

import type { HostileRequest } from "./requests";

export interface Answer {
    /** HTTP status; 0 when the server closed the connection without answering. */
    status: number;
    contentType?: string;
    body: string;
}

/** Longest a request may take before it counts as hung (a failure like a 5xx). */
const ANSWER_TIMEOUT_MS = 20_000;
/** Enough of a response body to read an error envelope. */
const BODY_CAP = 64 * 1024;

async function sendRaw(port: number, raw: Buffer): Promise<Answer> {
    return await new Promise((resolve, reject) => {
        const socket = connect(port, "127.0.0.1");
        let received = "";
        const timer = setTimeout(() => {
            socket.destroy();
            reject(new Error("no answer in time"));
        }, ANSWER_TIMEOUT_MS);
        socket.on("error", () => undefined);
        socket.on("data", (chunk: Buffer) => {
            received += chunk.toString("latin1");
            // The status line is all that is checked; an endless stream is cut once it has arrived.
            if (/\r\n\r\n/.test(received)) socket.end();
        });
        socket.on("close", () => {
            clearTimeout(timer);
            const match = /^HTTP\/1\.[01] (\d{3})/.exec(received);
            resolve({ status: match ? Number(match[1]) : 0, body: received.split("\r\n\r\n")[1] ?? "" });
        });
        socket.end(raw);
    });
}

/** Sends a hostile request to the Backbone on `port` and gives its answer. */
export async function send(port: number, request: HostileRequest): Promise<Answer> {
    if (request.raw) return await sendRaw(port, request.raw);
    return await new Promise((resolve, reject) => {
        const outgoing = httpRequest(
            {
                host: "127.0.0.1",
                port,
                method: request.method,
                path: request.target,
                // A body is framed by its length (Node would send a GET's body unframed).
                headers: request.body ? { ...request.headers, "content-length": String(request.body.length) } : request.headers,
                agent: false
            },
            (response) => {
                const answer: Answer = { status: response.statusCode ?? 0, contentType: response.headers["content-type"], body: "" };
                if (request.streams && answer.status === 200) {
                    // An event stream never ends: its status is the answer.
                    response.destroy();
                    clearTimeout(timer);
                    resolve(answer);
                    return;
                }
                response.setEncoding("utf8");
                response.on("data", (chunk: string) => {
                    if (answer.body.length < BODY_CAP) answer.body += chunk;
                });
                response.on("end", () => {
                    clearTimeout(timer);
                    resolve(answer);
                });
                response.on("error", () => {
                    clearTimeout(timer);
                    resolve(answer);
                });
            }
        );
        const timer = setTimeout(() => {
            outgoing.destroy();
            reject(new Error(`no answer in time: ${request.method} ${request.target.substring(0, 200)}`));
        }, ANSWER_TIMEOUT_MS);
        outgoing.on("error", (error: NodeJS.ErrnoException) => {
            clearTimeout(timer);
            // The server may answer and close before the whole body is written (a refused large body).
            if (error.code === "ECONNRESET" || error.code === "EPIPE") resolve({ status: 0, body: "" });
            else reject(error);
        });
        outgoing.end(request.body);
    });
}
