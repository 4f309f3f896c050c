import { type ClientRequest, request as httpRequest } from "node:http";

import { generatedStream } from "./streams";

export interface PartialUpload {
    request: ClientRequest;
    /** The status the server answered with, or undefined when the connection broke first. */
    status: Promise<number | undefined>;
}

/**
 * Starts `POST /api/v2/Files` and sends the first `bytes` bytes of the content part, then nothing more: the request
 * stays open until the test cuts it (a client that disconnects) or kills the server (a crash).
 */
export async function startPartialUpload(baseUrl: string, auth: string, bytes: number): Promise<PartialUpload> {
    const boundary = "----partial-upload-boundary";
    const request = httpRequest(`${baseUrl}/api/v2/Files`, {
        method: "POST",
        headers: { "content-type": `multipart/form-data; boundary=${boundary}`, authorization: auth }
    });
    const status = new Promise<number | undefined>((resolve) => {
        request.on("response", (response) => {
            response.resume();
            resolve(response.statusCode);
        });
        request.on("error", () => resolve(undefined));
    });
    request.write(
        `--${boundary}\r\nContent-Disposition: form-data; name="content"; filename="cipher.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`
    );
    for await (const chunk of generatedStream(bytes)) {
        if (!request.write(chunk)) await new Promise((resolve) => request.once("drain", resolve));
    }
    return { request, status };
}

/** Polls until `condition` holds; fails after about 30 s. */
export async function until(condition: () => Promise<boolean> | boolean, what = "condition"): Promise<void> {
    for (let attempt = 0; attempt < 300; attempt++) {
        if (await condition()) return;
        await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`${what} not reached`);
}
